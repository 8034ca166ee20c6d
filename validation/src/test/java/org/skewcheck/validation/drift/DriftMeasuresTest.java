package org.skewcheck.validation.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DriftMeasuresTest {
  @Test
  void psiByHand() {
    // (0.25 − 0.5)·ln(0.5) + (0.75 − 0.5)·ln(1.5)
    double expected = -0.25 * Math.log(0.5) + 0.25 * Math.log(1.5);
    assertThat(DriftMeasures.psi(new double[] {0.5, 0.5}, new double[] {0.25, 0.75})).isCloseTo(expected, within(1e-15));
    assertThat(expected).isCloseTo(0.2747, within(1e-4));
    assertThat(DriftMeasures.psi(new double[] {0.2, 0.3, 0.5}, new double[] {0.2, 0.3, 0.5})).isZero();
  }

  @Test
  void psiReplacesZeroProportionsBy1e4() {
    // docs/architecture.md's small-sample example: a tag in 3% of train rows, absent from the predict rows.
    double expected = (1 - 0.97) * Math.log(1 / 0.97) + (1e-4 - 0.03) * Math.log(1e-4 / 0.03);
    assertThat(DriftMeasures.psi(new double[] {0.97, 0.03}, new double[] {1, 0})).isCloseTo(expected, within(1e-15));
    assertThat(expected).isCloseTo(0.17, within(0.005));
    // A bin train never had: ln(q / 1e-4).
    assertThat(DriftMeasures.psi(new double[] {1, 0}, new double[] {0.5, 0.5}))
        .isCloseTo(-0.5 * Math.log(0.5) + (0.5 - 1e-4) * Math.log(0.5 / 1e-4), within(1e-12));
    assertThat(DriftMeasures.psi(new double[] {0, 0.5, 0.5}, new double[] {0, 0.5, 0.5})).as("empty in both").isZero();
  }

  @Test
  void jensenShannonIsBase2AndBetweenZeroAndOne() {
    assertThat(DriftMeasures.jensenShannon(new double[] {1, 0}, new double[] {0, 1})).isEqualTo(1.0);
    assertThat(DriftMeasures.jensenShannon(new double[] {0.3, 0.7}, new double[] {0.3, 0.7})).isZero();
    // p = (½, ½), q = (1, 0): m = (¾, ¼); ½·[½·log2(⅔) + ½·log2(2)] + ½·log2(4/3)
    double expected = 0.5 * (0.5 * log2(0.5 / 0.75) + 0.5 * log2(0.5 / 0.25)) + 0.5 * log2(1 / 0.75);
    assertThat(DriftMeasures.jensenShannon(new double[] {0.5, 0.5}, new double[] {1, 0}))
        .isCloseTo(expected, within(1e-15));
    assertThat(expected).isCloseTo(0.3113, within(1e-4));
  }

  @Test
  void chiSquareIsTheLargerOfPearsonsAndTheLikelihoodRatioPValues() {
    // Expected values from scipy.stats.chi2_contingency(table, correction=False) (Pearson) and with
    // lambda_="log-likelihood" (G), scipy 1.17; scipy keeps no empty bin, so it is left out there by hand.
    // A rare bin fills: Pearson p = 5.7e-9, G p = 2.4e-4.
    assertThat(DriftMeasures.chiSquarePValue(new double[] {4975, 25}, new double[] {95, 5}))
        .isCloseTo(2.414566638430282e-4, within(1e-12));
    // A bin empties (docs/architecture.md's 3% tag absent from 100 rows): Pearson p = 0.079, G p = 0.014.
    assertThat(DriftMeasures.chiSquarePValue(new double[] {4850, 150}, new double[] {100, 0}))
        .isCloseTo(0.07873081119613413, within(1e-12));
    // Pearson p = 0.00146, G p = 0.00185, with 2 degrees of freedom: the empty bin does not count.
    assertThat(DriftMeasures.chiSquarePValue(new double[] {100, 200, 0, 300}, new double[] {30, 20, 0, 50}))
        .isCloseTo(0.0018469281608659593, within(1e-12));
    assertThat(DriftMeasures.chiSquarePValue(new double[] {500, 500}, new double[] {50, 50})).isEqualTo(1.0);
    assertThat(DriftMeasures.chiSquarePValue(new double[] {10, 0}, new double[] {3, 0})).as("one bin").isEqualTo(1.0);
    assertThat(DriftMeasures.chiSquarePValue(new double[] {10, 5}, new double[] {0, 0})).as("empty side")
        .isEqualTo(1.0);
  }

  @Test
  void kolmogorovSurvivalMatchesTheLimitingDistribution() {
    // scipy.stats.kstwobign.sf(λ) (scipy 1.17), on both sides of the switch between the two series at 1.18.
    double[][] table = {
      {0.3, 0.9999906941986655}, {0.5, 0.9639452436648751}, {0.8, 0.5441424115741981},
      {1.0, 0.26999967167735456}, {1.17, 0.12939004218561884}, {1.18, 0.1234538094297657},
      {1.5, 0.022217962616525127}, {2.0, 0.0006709252557796953}, {3.0, 3.045995948942526e-08},
    };
    for (double[] row : table) {
      assertThat(DriftMeasures.kolmogorovSurvival(row[0])).as("Q(%s)", row[0])
          .isCloseTo(row[1], within(1e-9 * Math.max(1e-3, row[1])));
    }
    assertThat(DriftMeasures.kolmogorovSurvival(0)).isEqualTo(1.0);
    assertThat(DriftMeasures.kolmogorovSurvival(0.05)).isEqualTo(1.0);
    assertThat(DriftMeasures.kolmogorovSurvival(40)).isZero();
  }

  @Test
  void kolmogorovPValueUsesTheSmallSampleCorrection() {
    double ne = 4_900.0 * 100 / 5_000;
    double lambda = (Math.sqrt(ne) + 0.12 + 0.11 / Math.sqrt(ne)) * 0.2;
    assertThat(DriftMeasures.kolmogorovPValue(0.2, 4_900, 100))
        .isEqualTo(DriftMeasures.kolmogorovSurvival(lambda));
    assertThat(DriftMeasures.kolmogorovPValue(0.2, 4_900, 100)).isBetween(5e-4, 1e-3);
    assertThat(DriftMeasures.kolmogorovPValue(0, 10, 10)).isEqualTo(1.0);
    assertThat(DriftMeasures.kolmogorovPValue(1, 1_000_000, 1_000_000)).isZero();
  }

  @Test
  void differentBinCountsAreRefused() {
    assertThatThrownBy(() -> DriftMeasures.psi(new double[2], new double[3]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
