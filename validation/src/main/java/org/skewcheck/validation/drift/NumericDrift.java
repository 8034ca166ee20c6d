package org.skewcheck.validation.drift;

import org.skewcheck.validation.stats.ColumnStats;

/**
 * The drift of one numeric column from train to predict, computed from the two profiles alone.
 *
 * <p>PSI, JS and the chi-square test use the train-decile {@link Bins}; each side's proportions
 * come from its cumulative counts at the edges, and the chi-square counts are those proportions
 * times the side's numeric count. KS is sup |F_train − F_predict| over the points where the
 * profiles know both distributions: every train edge, every predict percentile (ranks 0.01 …
 * 0.99), each side's minimum and maximum and, while a side keeps exact value counts, every one of
 * its values. At each point the distributions are compared at the value and just below it (values
 * strictly below), so while predict keeps exact value counts every jump of F_predict is visited.
 * With sketches, both sides are counted in the same buckets of 0.1% relative width, so D is that
 * of the bucketed values: it misses only what differs inside one bucket.
 *
 * <pre>{@code
 * NumericDrift d = NumericDrift.between(train, predict);   // both with at least 2 numeric values
 * d.psi(); d.js(); d.ks(); d.ksPValue(); d.chiSquarePValue(); d.bins().edges();
 * }</pre>
 *
 * @param shares each side's share of values per bin
 * @param trainN numeric values in train
 * @param predictN numeric values in predict
 */
public record NumericDrift(double psi, double js, double ks, double ksPValue, double chiSquarePValue, Bins bins,
    Shares shares, long trainN, long predictN) implements ColumnDrift {

  /** Fewest numeric values each side needs to be tested. */
  public static final long MIN_VALUES = 2;

  private static final int PERCENTILES = 99;

  /**
   * Which way a column moved from train to predict: +1 when predict's mean is higher, -1 when
   * lower, 0 when equal or unknown. The drift finding's {@code direction} and a family's
   * {@code columnsUp} / {@code columnsDown} both count this way.
   */
  public static int direction(ColumnStats train, ColumnStats predict) {
    double delta = predict.mean() - train.mean();
    return delta > 0 ? 1 : delta < 0 ? -1 : 0;
  }

  /** The measures of {@code predict} against {@code train}; each needs at least {@link #MIN_VALUES} values. */
  public static NumericDrift between(ColumnStats train, ColumnStats predict) {
    if (train.count() < MIN_VALUES || predict.count() < MIN_VALUES) {
      throw new IllegalArgumentException("drift needs at least " + MIN_VALUES + " numeric values on each side, got "
          + train.count() + " and " + predict.count());
    }
    Bins bins = Bins.fromTrain(train);
    double[] p = bins.proportions(train);
    double[] q = bins.proportions(predict);
    double ks = ksStatistic(train, predict, bins);
    return new NumericDrift(DriftMeasures.psi(p, q), DriftMeasures.jensenShannon(p, q), ks,
        DriftMeasures.kolmogorovPValue(ks, train.count(), predict.count()),
        DriftMeasures.chiSquarePValue(p, train.count(), q, predict.count()), bins, new Shares(p, q), train.count(),
        predict.count());
  }

  /** sup |F_train − F_predict| over the evaluation points the class comment lists. */
  static double ksStatistic(ColumnStats train, ColumnStats predict, Bins bins) {
    double d = 0;
    for (double x : bins.edges()) {
      d = Math.max(d, gap(train, predict, x));
    }
    for (int i = 1; i <= PERCENTILES; i++) {
      d = Math.max(d, gap(train, predict, predict.quantile(i / 100.0)));
    }
    for (ColumnStats side : new ColumnStats[] {train, predict}) {
      d = Math.max(d, Math.max(gap(train, predict, side.min()), gap(train, predict, side.max())));
      double[] values = side.exactValues();
      if (values != null) {
        for (double x : values) {
          d = Math.max(d, gap(train, predict, x));
        }
      }
    }
    return Math.min(1, d);
  }

  /** |F_train − F_predict| at x and just below it. */
  private static double gap(ColumnStats train, ColumnStats predict, double x) {
    double n = train.count();
    double m = predict.count();
    double atMost = Math.abs(train.countAtMost(x) / n - predict.countAtMost(x) / m);
    double below = Math.abs(train.countBelow(x) / n - predict.countBelow(x) / m);
    return Math.max(atMost, below);
  }
}
