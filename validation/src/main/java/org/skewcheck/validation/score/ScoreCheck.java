package org.skewcheck.validation.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.skewcheck.validation.check.Check;
import org.skewcheck.validation.check.Figures;
import org.skewcheck.validation.check.Finding;
import org.skewcheck.validation.check.Scope;
import org.skewcheck.validation.check.Severity;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.drift.NumericDrift;
import org.skewcheck.validation.stats.ColumnStats;

/**
 * Compares train and predict scores: the {@link ScoresReport} section, a {@code scoreShift}
 * finding when the mean score moved by at least {@code scoring.warningEffect} train standard
 * deviations ({@code errorEffect} for an error) and a Welch z-test puts the move below {@code
 * scoring.alpha}, naming every prefix whose attribution explains at least {@code
 * scoring.attributionShare} of the raw-score move, and a
 * {@code recordedScore} finding when recorded scores differ from the recomputed ones by more than
 * {@code scoring.recordedTolerance} (a stale model or a changed feature pipeline), and a {@code
 * valuesBeyondFloat} warning per dataset whose feature values the model could only take as missing.
 */
public final class ScoreCheck {
  private static final double[] RANKS = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};
  private static final String[] RANK_NAMES = {"p01", "p05", "p25", "p50", "p75", "p95", "p99"};
  private static final int FEATURES_NAMED = 20;

  /** The section and its findings. */
  public record Result(ScoresReport report, List<Finding> findings) {}

  private final SkewConfig config;

  public ScoreCheck(SkewConfig config) {
    this.config = config;
  }

  public Result run(ScoreSummary train, ScoreSummary predict) {
    Map<String, Double> t = train.meanContributions();
    Map<String, Double> p = predict.meanContributions();
    List<ScoresReport.Attribution> attribution = new ArrayList<>();
    double deltaSum = 0;
    for (String prefix : new TreeSet<>(union(t, p))) {
      double tv = t.getOrDefault(prefix, 0.0);
      double pv = p.getOrDefault(prefix, 0.0);
      attribution.add(new ScoresReport.Attribution(prefix, tv, pv, pv - tv));
      deltaSum += pv - tv;
    }
    attribution.sort(Comparator.comparingDouble((ScoresReport.Attribution a) -> -Math.abs(a.delta()))
        .thenComparing(ScoresReport.Attribution::prefix));
    ScoresReport.Component bias = component(train.meanBias(), predict.meanBias());
    ScoresReport.Component margin = component(train.meanMargin(), predict.meanMargin());
    double residual = deltaSum + bias.delta() - margin.delta();
    ScoresReport.Recorded recorded = config.columns().recordedScore() == null || predict.recordedRows() == 0 ? null
        : new ScoresReport.Recorded(config.columns().recordedScore(), predict.recordedRows(),
            predict.maxRecordedDiff(), config.scoring().recordedTolerance());
    ScoresReport report = new ScoresReport(stats(train), stats(predict), drift(train.scores(), predict.scores()),
        attribution, bias, margin, residual, recorded);

    List<Finding> findings = new ArrayList<>();
    Finding shift = shiftFinding(train.scores(), predict.scores(), report.drift(), margin, attribution);
    if (shift != null) {
      findings.add(shift);
    }
    if (recorded != null && recorded.maxAbsDiff() > recorded.tolerance()) {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("maxAbsDiff", recorded.maxAbsDiff());
      figures.put("tolerance", recorded.tolerance());
      figures.put("rows", recorded.rows());
      findings.add(new Finding(Check.RECORDED_SCORE, Scope.SCORE, recorded.column(), Severity.ERROR,
          String.format(Locale.ROOT, "recorded scores (%s) differ from the model's by up to %.3g over %d rows "
              + "(tolerance %.3g): a stale model or a changed feature pipeline", recorded.column(),
              recorded.maxAbsDiff(), recorded.rows(), recorded.tolerance()), figures));
    }
    findings.addAll(beyondFloat("train", train));
    findings.addAll(beyondFloat("predict", predict));
    return new Result(report, findings);
  }

  /**
   * A warning per dataset where the model met values past float's range: they were scored as
   * missing (XGBoost takes features as floats and refuses infinities), so every row still has a score.
   */
  private static List<Finding> beyondFloat(String dataset, ScoreSummary summary) {
    Map<String, Long> byFeature = summary.beyondFloat();
    if (byFeature.isEmpty()) {
      return List.of();
    }
    long values = byFeature.values().stream().mapToLong(Long::longValue).sum();
    List<String> named = byFeature.entrySet().stream().limit(FEATURES_NAMED)
        .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("dataset", dataset);
    figures.put("values", values);
    figures.put("features", byFeature.size());
    return List.of(new Finding(Check.VALUES_BEYOND_FLOAT, Scope.SCORE, dataset, Severity.WARNING,
        dataset + ": " + values + " feature values are beyond float range (|x| > 3.4e38) and were scored as "
            + "missing: " + String.join(", ", named)
            + (byFeature.size() > FEATURES_NAMED ? ", ... (" + (byFeature.size() - FEATURES_NAMED) + " more)" : ""),
        figures));
  }

  private Finding shiftFinding(ColumnStats train, ColumnStats predict, ScoresReport.Drift drift,
      ScoresReport.Component margin, List<ScoresReport.Attribution> attribution) {
    SkewConfig.Scoring thresholds = config.scoring();
    double delta = predict.mean() - train.mean();
    double effect = Math.abs(delta) / train.stddev();
    double se = Math.sqrt(sq(train.stddev()) / train.count() + sq(predict.stddev()) / predict.count());
    double probability = 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(delta) / se);
    if (!(effect >= thresholds.warningEffect() && probability < thresholds.alpha())) {
      return null;
    }
    StringBuilder message = new StringBuilder(String.format(Locale.ROOT,
        "mean score %s from %.4g (train) to %.4g (predict), %.2f train standard deviations; P=%.2g",
        delta < 0 ? "fell" : "rose", train.mean(), predict.mean(), effect, probability));
    List<String> explaining = new ArrayList<>();
    for (ScoresReport.Attribution a : attribution) {
      double share = a.delta() / margin.delta();
      if (share >= thresholds.attributionShare()) {
        explaining.add(a.prefix());
        message.append(String.format(Locale.ROOT, "; %s explains %.0f%% of the %s (%+.4g of %+.4g raw)", a.prefix(),
            100 * share, margin.delta() < 0 ? "drop" : "rise", a.delta(), margin.delta()));
      }
    }
    Figures figures = new Figures();
    figures.put("trainMean", train.mean());
    figures.put("predictMean", predict.mean());
    figures.put("effect", effect);
    figures.probability(probability);
    figures.put("marginDelta", margin.delta());
    if (drift != null) {
      figures.put("psi", drift.psi());
      figures.put("ks", drift.ks());
    }
    figures.put("explainedBy", String.join(",", explaining));
    Severity severity = effect >= thresholds.errorEffect() ? Severity.ERROR : Severity.WARNING;
    return new Finding(Check.SCORE_SHIFT, Scope.SCORE, "score", severity, message.toString(), figures);
  }

  private static double sq(double x) {
    return x * x;
  }

  private static ScoresReport.Drift drift(ColumnStats train, ColumnStats predict) {
    if (train.count() < NumericDrift.MIN_VALUES || predict.count() < NumericDrift.MIN_VALUES) {
      return null;
    }
    NumericDrift d = NumericDrift.between(train, predict);
    return new ScoresReport.Drift(d.psi(), d.js(), d.ks(), d.ksPValue(), d.chiSquarePValue());
  }

  private static ScoresReport.ScoreStats stats(ScoreSummary s) {
    ColumnStats c = s.scores();
    Map<String, Double> quantiles = new LinkedHashMap<>();
    for (int i = 0; i < RANKS.length; i++) {
      quantiles.put(RANK_NAMES[i], c.quantile(RANKS[i]));
    }
    return new ScoresReport.ScoreStats(c.count(), c.mean(), c.stddev(), c.min(), c.max(), quantiles,
        s.attributedRows());
  }

  private static ScoresReport.Component component(double train, double predict) {
    return new ScoresReport.Component(train, predict, predict - train);
  }

  private static TreeSet<String> union(Map<String, Double> a, Map<String, Double> b) {
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }
}
