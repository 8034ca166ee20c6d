package org.skewcheck.validation.drift;

import java.util.Collection;
import org.apache.commons.statistics.distribution.TDistribution;
import org.skewcheck.validation.stats.ColumnStats;
import org.skewcheck.validation.stats.RowAggregates;

/**
 * The drift of one family (prefix) as a whole, from train to predict, computed from the two
 * profiles alone: the {@link NumericDrift} of each of its {@link RowAggregates} (row total,
 * non-zero count, non-zero mean), the shifts of the row total's mean and of the non-zero log
 * mean's mean with their Welch tests, and how many of its columns' means went up and down.
 *
 * <p>An aggregate's drift is null where a side has fewer than {@link NumericDrift#MIN_VALUES} of
 * its values. When every row of both datasets has the same count of non-zero numbers (a dense
 * family), that count cannot move and the non-zero mean is the row total over it: both are null,
 * so that a test of them never dilutes a correction over the family's tests. The non-zero log mean
 * is not the total over a constant in a dense family, so its shift is kept; but it is measured
 * only for a family whose numbers in train are all non-negative (counts, amounts, intensities),
 * where a change of every column by a factor is its natural change. Where values cross zero, ln |x|
 * measures how near to zero a value is, and its long tail there (ln |x| → −∞) makes Welch's test
 * of 100 rows too quick to reject: on 10 normal columns around 0 … 9, random splits gave p below
 * 0.001 four times as often as they should.
 *
 * <p>Every test here has rows as its unit, and rows are independent however the family's columns
 * correlate: the columns' directions are counted, not tested, since a sign test over columns would
 * treat 212 correlated columns as 212 independent coins (a random split that happens to raise one
 * colour raises its neighbours too).
 *
 * <pre>{@code
 * FamilyDrift d = FamilyDrift.between(train.aggregates(), predict.aggregates(), columnPairs, true);
 * d.total().ks(); d.meanShift(); d.meanShiftPValue(); d.logMeanShift(); d.columnsUp();
 * }</pre>
 *
 * @param meanShift (predict mean − train mean) of the row total over train's standard deviation of
 *     it; NaN when train's is 0 or unknown
 * @param meanShiftPValue the two-sided p-value of Welch's t test of the row total's means (t with
 *     Welch-Satterthwaite degrees of freedom); 1 when undefined
 * @param logMeanShift (predict mean − train mean) of the non-zero log mean over train's standard
 *     deviation of it; NaN when train's is 0 (to rounding) or unknown, or train has a negative number
 * @param logMeanShiftPValue Welch's two-sided p-value for the non-zero log mean's means; 1 when
 *     undefined or not measured
 * @param columnsUp columns whose mean is higher in predict
 * @param columnsDown columns whose mean is lower in predict
 */
public record FamilyDrift(NumericDrift total, NumericDrift nonZeroCount, NumericDrift nonZeroMean, double meanShift,
    double meanShiftPValue, double logMeanShift, double logMeanShiftPValue, int columnsUp, int columnsDown) {

  /** Relative spread below which a log mean is taken as constant (doubles carry about 16 digits). */
  private static final double ROUNDING = 1e-12;

  /** A column's profiles in train and predict. */
  public record ColumnPair(ColumnStats train, ColumnStats predict) {}

  /**
   * The family drift between the two sides' aggregates, directions counted over {@code columns};
   * the non-zero log mean's shift only when {@code nonNegative}: every number of the family in train
   * is at least 0.
   */
  public static FamilyDrift between(RowAggregates train, RowAggregates predict, Collection<ColumnPair> columns,
      boolean nonNegative) {
    int up = 0;
    int down = 0;
    for (ColumnPair c : columns) {
      int direction = NumericDrift.direction(c.train(), c.predict());
      up += direction > 0 ? 1 : 0;
      down += direction < 0 ? 1 : 0;
    }
    ColumnStats t = train.total();
    ColumnStats p = predict.total();
    ColumnStats trainCount = train.nonZeroCount();
    ColumnStats predictCount = predict.nonZeroCount();
    boolean fixedCount = trainCount.isConstant() && predictCount.isConstant()
        && trainCount.min() == predictCount.min();
    ColumnStats trainLog = train.nonZeroLogMean();
    ColumnStats predictLog = predict.nonZeroLogMean();
    boolean logMeasured = nonNegative && variesBeyondRounding(trainLog);
    return new FamilyDrift(drift(t, p), fixedCount ? null : drift(trainCount, predictCount),
        fixedCount ? null : drift(train.nonZeroMean(), predict.nonZeroMean()), shift(t, p), welchPValue(t, p),
        logMeasured ? shift(trainLog, predictLog) : Double.NaN, logMeasured ? welchPValue(trainLog, predictLog) : 1.0,
        up, down);
  }

  /**
   * Whether {@code train}'s values vary by more than rounding. A family whose non-zero numbers all
   * equal v gives every row a log mean of ln v only to a few ulps, since k ln v / k depends on k:
   * a shift measured in such a standard deviation would be noise.
   */
  private static boolean variesBeyondRounding(ColumnStats train) {
    return train.stddev() > ROUNDING * Math.max(1, Math.abs(train.mean()));
  }

  /** (predict mean − train mean) over train's standard deviation; NaN when that is 0 or unknown. */
  private static double shift(ColumnStats train, ColumnStats predict) {
    double sd = train.stddev();
    return sd > 0 ? (predict.mean() - train.mean()) / sd : Double.NaN;
  }

  private static NumericDrift drift(ColumnStats train, ColumnStats predict) {
    return train.count() < NumericDrift.MIN_VALUES || predict.count() < NumericDrift.MIN_VALUES ? null
        : NumericDrift.between(train, predict);
  }

  /** Two-sided p-value of Welch's t test of the two means; 1 when either side has no spread estimate. */
  static double welchPValue(ColumnStats train, ColumnStats predict) {
    if (train.count() < 2 || predict.count() < 2) {
      return 1.0;
    }
    double a = train.stddev() * train.stddev() / train.count();
    double b = predict.stddev() * predict.stddev() / predict.count();
    if (!(a + b > 0)) {
      return 1.0;
    }
    double t = Math.abs(predict.mean() - train.mean()) / Math.sqrt(a + b);
    double df = (a + b) * (a + b) / (a * a / (train.count() - 1) + b * b / (predict.count() - 1));
    return Math.min(1, 2 * TDistribution.of(df).survivalProbability(t));
  }
}
