package org.skewcheck.validation.score;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The {@code scores} section of {@code report.json}: score statistics per dataset, the score shift,
 * and its attribution to prefixes, most-shifted first.
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
