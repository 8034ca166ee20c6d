package org.skewcheck.validation.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.score.ScoreSummary;
import org.skewcheck.validation.score.ScoresReport;
import org.skewcheck.validation.stats.ColumnStats;
import org.skewcheck.validation.stats.Dataset;

/**
 * Checks the model's scores, compared once by the comparison ({@link Comparison#scores()}): a {@code
 * scoreShift} finding when the mean score moved by at least {@code scoring.warningEffect} train standard
 * deviations ({@code errorEffect} for an error) and a Welch z-test puts the move below {@code
 * scoring.alpha}, naming every prefix whose attribution explains at least {@code
 * scoring.attributionShare} of the raw-score move, and a
 * {@code recordedScore} finding when recorded scores differ from the recomputed ones by more than
 * {@code scoring.recordedTolerance} (a stale model or a changed feature pipeline), and a {@code
 * valuesBeyondFloat} warning per dataset whose feature values the model could only take as missing.
 * Without scores on both datasets it finds nothing.
 *
 * <pre>{@code
 * List<Finding> f = new ScoreCheck().check(comparison.withScores(trainScores, predictScores));
 * }</pre>
 */
public final class ScoreCheck implements ProfileCheck {
  private static final int FEATURES_NAMED = 20;

  @Override
  public List<Finding> check(Comparison comparison) {
    ScoresReport report = comparison.scores();
    if (report == null) {
      return List.of();
    }
    ScoreSummary train = comparison.trainScores();
    ScoreSummary predict = comparison.predictScores();
    List<Finding> findings = new ArrayList<>();
    Finding shift = shiftFinding(comparison.config().scoring(), train.scores(), predict.scores(), report.drift(),
        report.meanMargin(), report.attribution());
    if (shift != null) {
      findings.add(shift);
    }
    ScoresReport.Recorded recorded = report.recorded();
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
    findings.addAll(beyondFloat(Dataset.TRAIN.label(), train));
    findings.addAll(beyondFloat(Dataset.PREDICT.label(), predict));
    return findings;
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

  private static Finding shiftFinding(SkewConfig.Scoring thresholds, ColumnStats train, ColumnStats predict,
      ScoresReport.Drift drift, ScoresReport.Component margin, List<ScoresReport.Attribution> attribution) {
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
}
