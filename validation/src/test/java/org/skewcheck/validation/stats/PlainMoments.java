package org.skewcheck.validation.stats;

import java.util.Arrays;

/**
 * A column's figures computed the plain way, two passes over its present values: the reference
 * that the accumulators' one-pass, sliced and merged figures are checked against.
 */
record PlainMoments(long count, long zeros, double min, double max, double mean, double stddev, double skewness,
    double excessKurtosis) {

  /** The figures of {@code cells}' present (non-NaN) values. */
  static PlainMoments of(double[] cells) {
    double[] xs = Arrays.stream(cells).filter(x -> !Double.isNaN(x)).toArray();
    int n = xs.length;
    double mean = Arrays.stream(xs).sum() / n;
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    for (double x : xs) {
      double d = x - mean;
      m2 += d * d;
      m3 += d * d * d;
      m4 += d * d * d * d;
    }
    return new PlainMoments(n, Arrays.stream(xs).filter(x -> x == 0).count(), Arrays.stream(xs).min().orElseThrow(),
        Arrays.stream(xs).max().orElseThrow(), mean, Math.sqrt(m2 / (n - 1)), Math.sqrt(n) * m3 / Math.pow(m2, 1.5),
        n * m4 / (m2 * m2) - 3);
  }
}
