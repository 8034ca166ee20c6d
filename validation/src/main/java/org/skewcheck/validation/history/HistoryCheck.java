package org.skewcheck.validation.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.skewcheck.validation.check.Finding;
import org.skewcheck.validation.check.Scope;
import org.skewcheck.validation.check.Severity;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.report.Report;

/**
 * Compares a run with the runs before it. Per prefix, each metric of {@link
 * RunRecord.PrefixMetrics#compared()} (and the score shift with a model) is anomalous when at least
 * {@code minRuns} of the last {@code runs} earlier runs have it and it lies outside mean ± k·σ of
 * them (σ the sample standard deviation) <em>and</em> moved at least {@code minChange} from the
 * mean. The second condition is what keeps a metric that was constant over the history (σ = 0)
 * from flagging a tiny wiggle. A prefix gets one {@code historyAnomaly} warning naming all its
 * anomalous metrics, its figures those of the metric furthest out in σ.
 *
 * <pre>{@code
 * Report annotated = HistoryCheck.with(config.history()).apply(report, earlierRuns);
 * }</pre>
 */
public final class HistoryCheck {
  public static final String CHECK = "historyAnomaly";
  private static final String SCORE_TARGET = "score";

  private final SkewConfig.History settings;

  private HistoryCheck(SkewConfig.History settings) {
    this.settings = settings;
  }

  public static HistoryCheck with(SkewConfig.History settings) {
    return new HistoryCheck(settings);
  }

  /** One metric's comparison: this run's value against the mean and σ of the earlier runs that had it. */
  record Comparison(String metric, double value, double mean, double sigma, int runs) {
    double distance() {
      double d = Math.abs(value - mean);
      return sigma == 0 ? (d == 0 ? 0 : Double.POSITIVE_INFINITY) : d / sigma;
    }
  }

  /**
   * {@code report} with the anomaly findings and each prefix's history series; {@code earlier} are
   * the earlier runs in any order (the last {@code runs} by time are used).
   */
  public Report apply(Report report, List<RunRecord> earlier) {
    List<RunRecord> window = earlier.stream()
        .sorted(Comparator.comparing((RunRecord r) -> Instant.parse(r.time())))
        .skip(Math.max(0, earlier.size() - settings.runs()))
        .toList();
    RunRecord tonight = RunRecord.of(report);
    List<Finding> findings = new ArrayList<>();
    Map<String, Report.PrefixHistory> series = new LinkedHashMap<>();
    List<String> times = new ArrayList<>(window.stream().map(RunRecord::time).toList());
    times.add(tonight.time());
    tonight.prefixes().forEach((prefix, metrics) -> {
      Map<String, List<Double>> byMetric = new LinkedHashMap<>();
      List<Comparison> anomalies = new ArrayList<>();
      metrics.compared().forEach((metric, value) -> {
        List<Double> past = values(window, r -> {
          RunRecord.PrefixMetrics m = r.prefixes().get(prefix);
          return m == null ? null : m.compared().get(metric);
        });
        List<Double> points = new ArrayList<>(past);
        points.add(value);
        byMetric.put(metric, points);
        Comparison c = compare(metric, value, past);
        if (c != null) {
          anomalies.add(c);
        }
      });
      series.put(prefix, new Report.PrefixHistory(List.copyOf(times), byMetric));
      if (!anomalies.isEmpty()) {
        findings.add(finding(Scope.PREFIX, prefix, anomalies));
      }
    });
    if (tonight.score() != null) {
      Comparison c = compare("scoreShift", tonight.score().shift(),
          values(window, r -> r.score() == null ? null : r.score().shift()));
      if (c != null) {
        findings.add(finding(Scope.SCORE, SCORE_TARGET, List.of(c)));
      }
    }
    return report.withHistory(findings, series);
  }

  /** Each earlier run's value, null where the run lacked it. */
  private static List<Double> values(List<RunRecord> window, Function<RunRecord, Double> metric) {
    List<Double> out = new ArrayList<>(window.size());
    window.forEach(r -> out.add(metric.apply(r)));
    return out;
  }

  /** The comparison when {@code value} is anomalous against {@code past}, else null. */
  private Comparison compare(String metric, Double value, List<Double> past) {
    double[] known = past.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
    if (value == null || known.length < settings.minRuns()) {
      return null;
    }
    double mean = 0;
    for (double v : known) {
      mean += v;
    }
    mean /= known.length;
    double squares = 0;
    for (double v : known) {
      squares += (v - mean) * (v - mean);
    }
    double sigma = Math.sqrt(squares / (known.length - 1));
    double moved = Math.abs(value - mean);
    boolean anomalous = moved > settings.k() * sigma && moved >= settings.minChange();
    return anomalous ? new Comparison(metric, value, mean, sigma, known.length) : null;
  }

  private Finding finding(Scope scope, String target, List<Comparison> anomalies) {
    Comparison worst = anomalies.stream().max(Comparator.comparingDouble(Comparison::distance)).orElseThrow();
    List<String> parts = anomalies.stream().map(c -> String.format(Locale.ROOT,
        "%s %.3f (mean %.3f, σ %.3f over %d runs)", c.metric(), c.value(), c.mean(), c.sigma(), c.runs())).toList();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("metric", worst.metric());
    figures.put("value", worst.value());
    figures.put("historyMean", worst.mean());
    figures.put("historySigma", worst.sigma());
    figures.put("runs", worst.runs());
    figures.put("k", settings.k());
    figures.put("metrics", String.join(",", anomalies.stream().map(Comparison::metric).toList()));
    return new Finding(CHECK, scope, target, Severity.WARNING,
        target + ": anomalous vs history: " + String.join("; ", parts), figures);
  }
}
