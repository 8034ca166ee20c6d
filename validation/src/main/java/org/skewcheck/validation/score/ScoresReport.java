package org.skewcheck.validation.score;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.drift.NumericDrift;
import org.skewcheck.validation.stats.ColumnStats;

/**
 * The {@code scores} section of {@code report.json}: score statistics per dataset, the score shift,
 * and its attribution to prefixes, most-shifted first. The score check ({@code check.ScoreCheck})
 * decides from it what is a finding.
 *
 * <pre>{@code
 * ScoresReport scores = ScoresReport.between(trainSummary, predictSummary, config);
 * scores.drift().psi();  scores.attribution().get(0).prefix();
 * }</pre>
 *
 * @param drift PSI, JS and KS between the train and predict score distributions
 * @param attribution per prefix, mean SHAP contribution on train and predict rows and their
 *     difference, sorted by |delta|
 * @param bias the bias term's mean on each side (constant for one model, so delta is 0)
 * @param meanMargin mean raw margin (the SHAP scale) on each side
 * @param residual (Σ prefix deltas + bias delta) − margin delta: the SHAP identity's rounding error
 */
@JsonPropertyOrder({"train", "predict", "drift", "attribution", "bias", "meanMargin", "residual", "recorded"})
public record ScoresReport(ScoreStats train, ScoreStats predict, Drift drift, List<Attribution> attribution,
    Component bias, Component meanMargin, double residual, Recorded recorded) {
  private static final double[] RANKS = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};
  private static final String[] RANK_NAMES = {"p01", "p05", "p25", "p50", "p75", "p95", "p99"};

  /**
   * Compares {@code predict}'s scores with {@code train}'s; the recorded scores, with the column and
   * tolerance of {@code config}, when predict had any.
   */
  public static ScoresReport between(ScoreSummary train, ScoreSummary predict, SkewConfig config) {
    Map<String, Double> t = train.meanContributions();
    Map<String, Double> p = predict.meanContributions();
    List<Attribution> attribution = new ArrayList<>();
    double deltaSum = 0;
    TreeSet<String> prefixes = new TreeSet<>(t.keySet());
    prefixes.addAll(p.keySet());
    for (String prefix : prefixes) {
      double tv = t.getOrDefault(prefix, 0.0);
      double pv = p.getOrDefault(prefix, 0.0);
      attribution.add(new Attribution(prefix, tv, pv, pv - tv));
      deltaSum += pv - tv;
    }
    attribution.sort(Comparator.comparingDouble((Attribution a) -> -Math.abs(a.delta()))
        .thenComparing(Attribution::prefix));
    Component bias = component(train.meanBias(), predict.meanBias());
    Component margin = component(train.meanMargin(), predict.meanMargin());
    double residual = deltaSum + bias.delta() - margin.delta();
    Recorded recorded = config.columns().recordedScore() == null || predict.recordedRows() == 0 ? null
        : new Recorded(config.columns().recordedScore(), predict.recordedRows(), predict.maxRecordedDiff(),
            config.scoring().recordedTolerance());
    return new ScoresReport(stats(train), stats(predict), drift(train.scores(), predict.scores()), attribution, bias,
        margin, residual, recorded);
  }

  private static Drift drift(ColumnStats train, ColumnStats predict) {
    if (train.count() < NumericDrift.MIN_VALUES || predict.count() < NumericDrift.MIN_VALUES) {
      return null;
    }
    NumericDrift d = NumericDrift.between(train, predict);
    return new Drift(d.psi(), d.js(), d.ks(), d.ksPValue(), d.chiSquarePValue());
  }

  private static ScoreStats stats(ScoreSummary s) {
    ColumnStats c = s.scores();
    Map<String, Double> quantiles = new LinkedHashMap<>();
    for (int i = 0; i < RANKS.length; i++) {
      quantiles.put(RANK_NAMES[i], c.quantile(RANKS[i]));
    }
    return new ScoreStats(c.count(), c.mean(), c.stddev(), c.min(), c.max(), quantiles, s.attributedRows());
  }

  private static Component component(double train, double predict) {
    return new Component(train, predict, predict - train);
  }

  /**
   * The score distributions compared with the column drift measures (train-decile bins; see the
   * report's {@code measures}); null below two scores on a side.
   */
  public record Drift(double psi, double js, double ks, double ksPValue, double chiSquarePValue) {}

  /** Statistics of the model's predictions on one dataset. */
  public record ScoreStats(long count, double mean, double stddev, double min, double max,
      Map<String, Double> quantiles, long attributedRows) {}

  /** One prefix's mean contribution on each side. */
  public record Attribution(String prefix, double train, double predict, double delta) {}

  /** A figure on each side and its difference (predict − train). */
  public record Component(double train, double predict, double delta) {}

  /** The recorded-score comparison: rows compared and the largest absolute difference. */
  public record Recorded(String column, long rows, double maxAbsDiff, double tolerance) {}
}
