package org.skewcheck.validation.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.statistics.distribution.TDistribution;
import org.skewcheck.validation.check.Check;
import org.skewcheck.validation.check.Figures;
import org.skewcheck.validation.check.Finding;
import org.skewcheck.validation.check.Scope;
import org.skewcheck.validation.check.Severity;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.report.Report;

/**
 * Compares a run with the runs before it. Per prefix, each metric of {@link
 * RunRecord.PrefixMetrics#compared()} (and the score shift with a model) is tested once at least
 * {@code minRuns} of the last {@code runs} earlier runs have it: against the prediction interval
 * for one new observation, mean ± t(1 − α′/2, n − 1) · s · √(1 + 1/n), with mean and s the
 * sample mean and standard deviation of the n earlier values and t Student's quantile. Every
 * metric of every prefix is tested at once, so α′ = α / m over the m tests of the run (Bonferroni:
 * for metrics that vary normally from run to run, the chance of any false alarm in a run stays at
 * most α, whatever the dependence between metrics).
 * A metric is anomalous when it lies outside its interval (its Bonferroni-adjusted two-sided
 * probability is below α) <em>and</em> moved at least {@code minChange} from the mean, the smallest
 * change worth a warning. A metric equal in all n earlier runs (s = 0, typically a share of drifted
 * columns that stayed 0) has no interval: its probability is the 1 / (n + 1) that exchangeable runs
 * allow, so one chance drift after a quiet history is not an anomaly.
 * A prefix gets one {@code historyAnomaly} warning naming all its anomalous metrics, its figures
 * those of the most improbable one.
 *
 * <pre>{@code
 * Report annotated = HistoryCheck.with(config.history()).apply(report, earlierRuns);
 * }</pre>
 */
public final class HistoryCheck {
  private static final String SCORE_TARGET = "score";

  private final SkewConfig.History settings;

  private HistoryCheck(SkewConfig.History settings) {
    this.settings = settings;
  }

  public static HistoryCheck with(SkewConfig.History settings) {
    return new HistoryCheck(settings);
  }

  /**
   * One metric's test: this run's value against the earlier runs that had it.
   *
   * @param probability two-sided probability of a value this far from the mean under the t prediction model
   */
  record Comparison(String metric, double value, double mean, double sigma, int runs, double probability) {

    static Comparison of(String metric, double value, double[] past) {
      int n = past.length;
      double mean = Arrays.stream(past).sum() / n;
      double squares = Arrays.stream(past).map(v -> (v - mean) * (v - mean)).sum();
      double sigma = Math.sqrt(squares / (n - 1));
      double moved = Math.abs(value - mean);
      // n equal values give no scale to build an interval on: all that exchangeable runs say is that
      // the new run is the one of n + 1 that differs with probability 1 / (n + 1).
      double probability = sigma == 0 ? (moved == 0 ? 1 : 1.0 / (n + 1))
          : 2 * TDistribution.of(n - 1).survivalProbability(moved / (sigma * Math.sqrt(1 + 1.0 / n)));
      return new Comparison(metric, value, mean, sigma, n, probability);
    }

    /** Half the width of the two-sided prediction interval at level 1 − {@code alpha}. */
    double halfWidth(double alpha) {
      return TDistribution.of(runs - 1).inverseSurvivalProbability(alpha / 2) * sigma * Math.sqrt(1 + 1.0 / runs);
    }
  }

  /** A prefix's (or the score's) tests. */
  private record Target(Scope scope, String name, List<Comparison> tests) {}

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
    List<Target> targets = new ArrayList<>();
    Map<String, Report.PrefixHistory> series = new LinkedHashMap<>();
    List<String> times = new ArrayList<>(window.stream().map(RunRecord::time).toList());
    times.add(tonight.time());
    tonight.prefixes().forEach((prefix, metrics) -> {
      Map<String, List<Double>> byMetric = new LinkedHashMap<>();
      List<Comparison> tests = new ArrayList<>();
      metrics.compared().forEach((metric, value) -> {
        List<Double> past = values(window, r -> {
          RunRecord.PrefixMetrics m = r.prefixes().get(prefix);
          return m == null ? null : m.compared().get(metric);
        });
        List<Double> points = new ArrayList<>(past);
        points.add(value);
        byMetric.put(metric, points);
        compare(metric, value, past, tests);
      });
      series.put(prefix, new Report.PrefixHistory(List.copyOf(times), byMetric));
      targets.add(new Target(Scope.PREFIX, prefix, tests));
    });
    if (tonight.score() != null) {
      List<Comparison> tests = new ArrayList<>();
      compare("scoreShift", tonight.score().shift(), values(window, r -> r.score() == null ? null : r.score().shift()),
          tests);
      targets.add(new Target(Scope.SCORE, SCORE_TARGET, tests));
    }
    int m = targets.stream().mapToInt(t -> t.tests().size()).sum();
    List<Finding> findings = new ArrayList<>();
    for (Target target : targets) {
      List<Comparison> anomalies = target.tests().stream()
          .filter(c -> adjusted(c, m) < settings.alpha() && Math.abs(c.value() - c.mean()) >= settings.minChange())
          .toList();
      if (!anomalies.isEmpty()) {
        findings.add(finding(target, anomalies, m));
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

  /** Adds the test of {@code value} against {@code past} to {@code tests} when there is enough history to test it. */
  private void compare(String metric, Double value, List<Double> past, List<Comparison> tests) {
    double[] known = past.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
    if (value != null && known.length >= settings.minRuns()) {
      tests.add(Comparison.of(metric, value, known));
    }
  }

  /** The Bonferroni-adjusted probability over the {@code m} tests of the run. */
  private static double adjusted(Comparison c, int m) {
    return Math.min(1, c.probability() * m);
  }

  private Finding finding(Target target, List<Comparison> anomalies, int m) {
    double perTest = settings.alpha() / m;
    Comparison worst = anomalies.stream().min(Comparator.comparingDouble(Comparison::probability)
        .thenComparingDouble(c -> -Math.abs(c.value() - c.mean()))).orElseThrow();
    List<String> parts = anomalies.stream().map(c -> {
      double h = c.halfWidth(perTest);
      return String.format(Locale.ROOT, "%s %.3f outside [%.3f, %.3f] (mean %.3f, s %.3f over %d runs; P=%.2g)",
          c.metric(), c.value(), c.mean() - h, c.mean() + h, c.mean(), c.sigma(), c.runs(), c.probability());
    }).toList();
    double h = worst.halfWidth(perTest);
    Figures figures = new Figures();
    figures.put("metric", worst.metric());
    figures.put("value", worst.value());
    figures.put("historyMean", worst.mean());
    figures.put("historySigma", worst.sigma());
    figures.put("predictionLow", worst.mean() - h);
    figures.put("predictionHigh", worst.mean() + h);
    figures.put("runs", worst.runs());
    figures.put("alpha", settings.alpha());
    figures.put("tests", m);
    figures.probability(worst.probability(), adjusted(worst, m));
    figures.put("metrics", String.join(",", anomalies.stream().map(Comparison::metric).toList()));
    return new Finding(Check.HISTORY_ANOMALY, target.scope(), target.name(), Severity.WARNING,
        target.name() + ": anomalous vs history: " + String.join("; ", parts), figures);
  }
}
