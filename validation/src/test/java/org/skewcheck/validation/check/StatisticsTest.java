package org.skewcheck.validation.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticsTest {

  @Test
  void benjaminiHochbergMatchesHandComputation() {
    // Sorted: .005 (rank 1), .01 (2), .03 (3), .04 (4), .5 (5); p * m / rank = .025, .025, .05, .05, .5;
    // running minimum from the largest rank down leaves them as they are.
    double[] adjusted = Statistics.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.005, 0.5});
    assertThat(adjusted).containsExactly(new double[] {0.025, 0.05, 0.05, 0.025, 0.5}, within(1e-15));
  }

  @Test
  void benjaminiHochbergIsMonotoneInTheRawPValues() {
    // p * m / rank = .06, .0315, .9: the smallest p takes its successor's smaller value (step-up).
    double[] adjusted = Statistics.benjaminiHochberg(new double[] {0.9, 0.02, 0.021});
    assertThat(adjusted).containsExactly(new double[] {0.9, 0.0315, 0.0315}, within(1e-15));
  }

  @Test
  void benjaminiHochbergCapsAtOne() {
    assertThat(Statistics.benjaminiHochberg(new double[] {0.6, 0.9, 0.95}))
        .containsExactly(new double[] {0.95, 0.95, 0.95}, within(1e-15));
    assertThat(Statistics.benjaminiHochberg(new double[] {0.7, 0.8}))
        .containsExactly(new double[] {0.8, 0.8}, within(1e-15));
    assertThat(Statistics.benjaminiHochberg(new double[] {0.4})).containsExactly(0.4);
    assertThat(Statistics.benjaminiHochberg(new double[0])).isEmpty();
  }

  @Test
  void benjaminiHochbergWithTiesAndZeros() {
    double[] adjusted = Statistics.benjaminiHochberg(new double[] {0.01, 0.0, 0.01, 0.01});
    assertThat(adjusted).containsExactly(new double[] {0.01, 0.0, 0.01, 0.01}, within(1e-15));
  }

  @Test
  void allHundredZeroAtRateNinetyFivePercent() {
    double expected = Math.pow(0.95, 100);
    // Upward: 100 zeros of 100 when the zero rate is .95.
    assertThat(Statistics.binomialTail(100, 100, 0.95, true)).isCloseTo(expected, within(1e-12 * expected));
    // The same event seen from the other side: no non-zero of 100 at a non-zero rate of .05.
    assertThat(Statistics.binomialTail(0, 100, 0.05, false)).isCloseTo(expected, within(1e-12 * expected));
  }

  @Test
  void bothTailsIncludeTheObservedCount() {
    // Binomial(10, 1/2): P(X <= 3) = (1 + 10 + 45 + 120) / 1024, P(X >= 3) = 1 - (1 + 10 + 45) / 1024.
    assertThat(Statistics.binomialTail(3, 10, 0.5, false)).isCloseTo(176.0 / 1024, within(1e-15));
    assertThat(Statistics.binomialTail(3, 10, 0.5, true)).isCloseTo(968.0 / 1024, within(1e-15));
    assertThat(Statistics.binomialTail(10, 10, 0.5, true)).isCloseTo(1.0 / 1024, within(1e-18));
    assertThat(Statistics.binomialTail(0, 10, 0.5, false)).isCloseTo(1.0 / 1024, within(1e-18));
    assertThat(Statistics.binomialTail(0, 10, 0.5, true)).as("P(X >= 0)").isEqualTo(1.0);
    assertThat(Statistics.binomialTail(10, 10, 0.5, false)).as("P(X <= n)").isEqualTo(1.0);
  }

  @Test
  void tinyTailsStayPositiveWhereRepresentable() {
    double p = Statistics.binomialTail(100, 100, 0.01, true);
    assertThat(p).isCloseTo(1e-200, within(1e-212));
  }

  @Test
  void smoothedRateKeepsZeroAndOneTestable() {
    assertThat(Statistics.smoothedRate(0, 5000)).isCloseTo(0.5 / 5001, within(1e-18));
    assertThat(Statistics.smoothedRate(5000, 5000)).isCloseTo(5000.5 / 5001, within(1e-15));
    assertThat(Statistics.smoothedRate(250, 5000)).isCloseTo(250.5 / 5001, within(1e-15));
  }
}
