package org.skewcheck.validation.check;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/** The small pieces of inference the checks share. */
final class Statistics {
  private Statistics() {}

  /**
   * Probability of a count at least as far from expectation as {@code k} in the observed direction,
   * for {@code n} draws at rate {@code rate}: P(X ≥ k) when k/n is above the rate, else P(X ≤ k).
   */
  static double binomialTail(long k, long n, double rate, boolean upward) {
    BinomialDistribution d = BinomialDistribution.of(Math.toIntExact(n), rate);
    return upward ? d.survivalProbability(Math.toIntExact(k) - 1) : d.cumulativeProbability(Math.toIntExact(k));
  }

  /** A rate estimated from {@code k} of {@code n} with add-½ smoothing, so 0 and 1 stay testable. */
  static double smoothedRate(double k, long n) {
    return (k + 0.5) / (n + 1.0);
  }

  /** Benjamini-Hochberg adjusted p-values, in the order given. */
  static double[] benjaminiHochberg(double[] p) {
    int m = p.length;
    Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double[] adjusted = new double[m];
    double running = 1.0;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      running = Math.min(running, p[i] * m / rank);
      adjusted[i] = running;
    }
    return adjusted;
  }
}
