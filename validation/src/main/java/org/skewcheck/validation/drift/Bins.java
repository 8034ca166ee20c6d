package org.skewcheck.validation.drift;

import java.util.Arrays;
import org.skewcheck.validation.stats.ColumnStats;

/**
 * The bins every numeric drift measure shares: edges e1 < … < ek are the distinct train deciles
 * (quantile ranks 0.1 … 0.9 of the train profile), bins are (−∞, e1], (e1, e2], …, (ek, ∞).
 * Edges depend on train alone, so tonight's PSI is comparable with last night's. Missing values are
 * not binned (they have their own check).
 *
 * <pre>{@code
 * Bins bins = Bins.fromTrain(trainColumn);
 * double[] p = bins.proportions(trainColumn);   // about 0.1 per bin for a continuous column
 * double[] q = bins.proportions(predictColumn);
 * }</pre>
 */
public final class Bins {
  private final double[] edges;

  private Bins(double[] edges) {
    this.edges = edges;
  }

  /** Bins at the given edges, which must be finite and strictly increasing. */
  public static Bins at(double... edges) {
    for (int i = 0; i < edges.length; i++) {
      if (!Double.isFinite(edges[i]) || (i > 0 && !(edges[i] > edges[i - 1]))) {
        throw new IllegalArgumentException("edges must be finite and strictly increasing: " + Arrays.toString(edges));
      }
    }
    return new Bins(edges.clone());
  }

  /** The bins at the distinct deciles of {@code train}, which needs at least one numeric value. */
  public static Bins fromTrain(ColumnStats train) {
    if (train.count() == 0) {
      throw new IllegalArgumentException("a column without numeric values has no deciles");
    }
    double[] deciles = new double[9];
    int k = 0;
    for (int i = 1; i <= 9; i++) {
      // i / 10.0, not 0.1 * i: 0.1 * 3 is 0.30000000000000004, a rank past the third decile.
      double q = train.quantile(i / 10.0);
      if (k == 0 || q > deciles[k - 1]) {
        deciles[k++] = q;
      }
    }
    return new Bins(Arrays.copyOf(deciles, k));
  }

  /** The edges e1 … ek, ascending. */
  public double[] edges() {
    return edges.clone();
  }

  /** The number of bins, k + 1. */
  public int size() {
    return edges.length + 1;
  }

  /**
   * The share of {@code column}'s numeric values in each bin, from its cumulative counts at the
   * edges (exact while it keeps exact value counts, else from its sketch); they sum to 1. All zero
   * when the column has no numeric value.
   */
  public double[] proportions(ColumnStats column) {
    double[] out = new double[size()];
    double n = column.count();
    if (n == 0) {
      return out;
    }
    double previous = 0;
    for (int i = 0; i < edges.length; i++) {
      // Sketch ranks are monotone; the clamps only guard the arithmetic.
      double cumulative = Math.min(n, Math.max(previous, column.countAtMost(edges[i])));
      out[i] = (cumulative - previous) / n;
      previous = cumulative;
    }
    out[edges.length] = (n - previous) / n;
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bins b && Arrays.equals(edges, b.edges);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(edges);
  }

  @Override
  public String toString() {
    return "Bins" + Arrays.toString(edges);
  }
}
