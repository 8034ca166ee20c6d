package org.skewcheck.validation.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.stats.PrefixStats;
import org.skewcheck.validation.stats.ProfileFixtures;

/** The family's mean shifts and their Welch tests, against values worked out by hand. */
class FamilyDriftTest {
  private static final String[] NAMES = {"LG_a", "LG_b"};

  /** Two-column rows whose non-zero log means are {@code logMeans}: both columns e^m. */
  private static PrefixStats rowsWithLogMeans(double... logMeans) {
    double[][] rows = new double[logMeans.length][];
    for (int r = 0; r < rows.length; r++) {
      rows[r] = new double[] {Math.exp(logMeans[r]), Math.exp(logMeans[r])};
    }
    return ProfileFixtures.prefixStats(NAMES, rows);
  }

  private static FamilyDrift between(PrefixStats train, PrefixStats predict, boolean nonNegative) {
    return FamilyDrift.between(train.aggregates(), predict.aggregates(), List.of(), nonNegative);
  }

  @Test
  void logMeanShiftAndItsWelchTestByHand() {
    // Log means {0, 2} against {4, 6}: means 1 and 5, variances 2 and 2, so the shift is 4 / √2.
    // Welch: t = 4 / √(2/2 + 2/2) = 2√2 with (1 + 1)² / (1/1 + 1/1) = 2 degrees of freedom, whose
    // two-sided tail is 1 − t / √(t² + 2) = 1 − √(8/10).
    FamilyDrift d = between(rowsWithLogMeans(0, 2), rowsWithLogMeans(4, 6), true);

    assertThat(d.logMeanShift()).isCloseTo(4 / Math.sqrt(2), within(1e-12));
    assertThat(d.logMeanShiftPValue()).isCloseTo(1 - Math.sqrt(0.8), within(1e-12));
  }

  @Test
  void everyColumnTimesKMovesTheLogMeanByLnK() {
    double[][] train = {{1, 0, 3}, {2, 5, 0}, {0, 7, 4}, {6, 1, 2}};
    double[][] predict = new double[train.length][];
    for (int r = 0; r < train.length; r++) {
      predict[r] = Arrays.stream(train[r]).map(x -> 1.3 * x).toArray();
    }
    String[] names = {"LG_a", "LG_b", "LG_c"};
    PrefixStats t = ProfileFixtures.prefixStats(names, train);
    PrefixStats p = ProfileFixtures.prefixStats(names, predict);

    FamilyDrift d = between(t, p, true);

    assertThat(d.logMeanShift() * t.aggregates().nonZeroLogMean().stddev()).isCloseTo(Math.log(1.3), within(1e-12));
  }

  @Test
  void noLogMeanShiftWhenEveryNonZeroNumberIsTheSame() {
    // Every non-zero number is 3, so every row's log mean is ln 3, but only to an ulp: 9 ln 3 / 9
    // is ln 3 and 12 ln 3 / 12 is not. A quarter of train's rows have 12 non-zeros, all of
    // predict's: measured in that rounding noise, the shift would be -1.1 standard deviations.
    int columns = 12;
    double[][] train = new double[40][columns];
    double[][] predict = new double[40][columns];
    for (int r = 0; r < 40; r++) {
      Arrays.fill(train[r], 0, r % 4 == 0 ? columns : 9, 3);
      Arrays.fill(predict[r], 3);
    }
    String[] names = new String[columns];
    Arrays.setAll(names, c -> "LG_" + c);

    FamilyDrift d = between(ProfileFixtures.prefixStats(names, train), ProfileFixtures.prefixStats(names, predict),
        true);

    assertThat(d.logMeanShift()).isNaN();
    assertThat(d.logMeanShiftPValue()).isEqualTo(1.0);
  }

  @Test
  void noLogMeanShiftForAFamilyWithNegativeNumbers() {
    FamilyDrift d = between(rowsWithLogMeans(0, 2), rowsWithLogMeans(4, 6), false);

    assertThat(d.logMeanShift()).isNaN();
    assertThat(d.logMeanShiftPValue()).isEqualTo(1.0);
    assertThat(d.meanShift()).as("the row total's shift is measured still").isPositive();
  }
}
