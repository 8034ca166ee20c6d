package org.skewcheck.validation.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.stats.ColumnStats;
import org.skewcheck.validation.stats.Table;

class NumericDriftTest {
  private static final int TRAIN = 50_000;
  private static final int PREDICT = 10_000;
  /** The bar: the profiles' measures agree with an independent computation to within 0.02. */
  private static final double AGREEMENT = 0.02;
  /** Half a unit of the fourth decimal, the precision known_shifts.py prints. */
  private static final double PRINTED = 0.00005 + 1e-12;

  /*
   * Expected {PSI, JS, KS} of the three known-shift scenarios below (train 50,000 and predict 10,000
   * values, fixed seeds), computed outside Java by src/test/resources/org/skewcheck/validation/drift/
   * known_shifts.py (Python 3, numpy 2.4): it re-draws the same samples (SplitMix64 as in
   * java.util.SplittableRandom, Box-Muller as in Table.gaussian), bins them at the exact
   * inverted-CDF train deciles and counts exactly; KS is the exact two-sample statistic. For
   * reference, the population values on the population deciles are 0.2377 / 0.0419 / 0.1974
   * (location), 0.1935 / 0.0344 / 0.0968 (scale) and 0.2255 / 0.0392 / 0.2000 (spike); the samples
   * differ by sampling noise. Both the profile-derived measures and the in-test raw computation
   * (rawMeasures) must land within 0.02 of the sample values.
   */
  private static final double[] LOCATION = {0.2420, 0.0426, 0.1949};
  private static final double[] SCALE = {0.2052, 0.0364, 0.1059};
  private static final double[] SPIKE = {0.2184, 0.0381, 0.1971};

  /** PSI, JS and KS from the raw values, sharing no code with the class under test. */
  private record Raw(double psi, double js, double ks, double[] edges) {}

  private static Raw rawMeasures(double[] train, double[] predict) {
    double[] t = train.clone();
    double[] p = predict.clone();
    Arrays.sort(t);
    Arrays.sort(p);
    // Deciles, inverted-CDF convention (numpy's method="inverted_cdf"): the ⌈r·n⌉-th smallest value.
    double[] edges = new double[9];
    int k = 0;
    for (int i = 1; i <= 9; i++) {
      double e = t[(int) Math.ceil(i * (double) t.length / 10) - 1];
      if (k == 0 || e > edges[k - 1]) {
        edges[k++] = e;
      }
    }
    edges = Arrays.copyOf(edges, k);
    double[] pt = shares(t, edges);
    double[] pp = shares(p, edges);
    double psi = 0;
    double js = 0;
    for (int i = 0; i < pt.length; i++) {
      double a = Math.max(pt[i], 0) == 0 ? 1e-4 : pt[i];
      double b = pp[i] == 0 ? 1e-4 : pp[i];
      psi += (b - a) * Math.log(b / a);
      double m = (pt[i] + pp[i]) / 2;
      js += (pt[i] > 0 ? 0.5 * pt[i] * Math.log(pt[i] / m) : 0) + (pp[i] > 0 ? 0.5 * pp[i] * Math.log(pp[i] / m) : 0);
    }
    // Exact two-sample KS: walk both sorted samples, comparing after every distinct value.
    double ks = 0;
    int i = 0;
    int j = 0;
    while (i < t.length || j < p.length) {
      double x = Math.min(i < t.length ? t[i] : Double.POSITIVE_INFINITY, j < p.length ? p[j] : Double.POSITIVE_INFINITY);
      while (i < t.length && t[i] == x) {
        i++;
      }
      while (j < p.length && p[j] == x) {
        j++;
      }
      ks = Math.max(ks, Math.abs((double) i / t.length - (double) j / p.length));
    }
    return new Raw(psi, js / Math.log(2), ks, edges);
  }

  private static double[] shares(double[] sorted, double[] edges) {
    double[] out = new double[edges.length + 1];
    int bin = 0;
    for (double x : sorted) {
      while (bin < edges.length && x > edges[bin]) {
        bin++;
      }
      out[bin] += 1.0 / sorted.length;
    }
    return out;
  }

  private static double[] sample(long seed, int n, DoubleUnaryOperator ofGaussian) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = ofGaussian.applyAsDouble(Table.gaussian(random));
    }
    return xs;
  }

  private static ColumnStats profile(double[] xs) {
    ColumnStats s = new ColumnStats();
    for (double x : xs) {
      s.add(x);
    }
    return s;
  }

  private static void assertKnownShift(double[] train, double[] predict, double[] expected) {
    NumericDrift fromProfiles = NumericDrift.between(profile(train), profile(predict));
    Raw raw = rawMeasures(train, predict);

    assertThat(fromProfiles.psi()).as("PSI from the profiles vs raw").isCloseTo(raw.psi(), within(AGREEMENT));
    assertThat(fromProfiles.js()).as("JS from the profiles vs raw").isCloseTo(raw.js(), within(AGREEMENT));
    assertThat(fromProfiles.ks()).as("KS from the profiles vs raw").isCloseTo(raw.ks(), within(AGREEMENT));
    assertThat(fromProfiles.psi()).as("PSI from the profiles").isCloseTo(expected[0], within(AGREEMENT));
    assertThat(fromProfiles.js()).as("JS from the profiles").isCloseTo(expected[1], within(AGREEMENT));
    assertThat(fromProfiles.ks()).as("KS from the profiles").isCloseTo(expected[2], within(AGREEMENT));
    assertThat(raw.psi()).as("PSI from raw values").isCloseTo(expected[0], within(AGREEMENT));
    assertThat(raw.js()).as("JS from raw values").isCloseTo(expected[1], within(AGREEMENT));
    assertThat(raw.ks()).as("KS from raw values").isCloseTo(expected[2], within(AGREEMENT));
    // The Java and the Python raw computations are the same numbers, to the printed precision.
    assertThat(new double[] {raw.psi(), raw.js(), raw.ks()}).containsExactly(expected, within(PRINTED));

    assertThat(fromProfiles.bins().size()).isEqualTo(10);
    assertThat(fromProfiles.trainN()).isEqualTo(train.length);
    assertThat(fromProfiles.predictN()).isEqualTo(predict.length);
    assertThat(Arrays.stream(fromProfiles.trainProportions()).sum()).isCloseTo(1, within(1e-9));
    assertThat(Arrays.stream(fromProfiles.predictProportions()).sum()).isCloseTo(1, within(1e-9));
    assertThat(fromProfiles.ksPValue()).as("shifts this size in 10,000 values are no noise").isLessThan(1e-10);
    assertThat(fromProfiles.chiSquarePValue()).isLessThan(1e-10);
  }

  @Test
  void locationShift() {
    assertKnownShift(sample(1, TRAIN, z -> z), sample(2, PREDICT, z -> z + 0.5), LOCATION);
  }

  @Test
  void scaleChange() {
    assertKnownShift(sample(3, TRAIN, z -> z), sample(4, PREDICT, z -> 1.5 * z), SCALE);
  }

  @Test
  void newSpikeOfZeros() {
    SplittableRandom spike = new SplittableRandom(7);
    double[] predict = sample(6, PREDICT, z -> spike.nextDouble() < 0.2 ? 0.0 : Math.exp(z));
    assertKnownShift(sample(5, TRAIN, Math::exp), predict, SPIKE);
  }

  @Test
  void sketchEdgesAreCloseToTheRawDeciles() {
    double[] train = sample(8, TRAIN, z -> z);
    double[] edges = NumericDrift.between(profile(train), profile(sample(9, 100, z -> z))).bins().edges();
    double[] raw = rawMeasures(train, train).edges();
    assertThat(edges).hasSize(9);
    double[] sorted = train.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < 9; i++) {
      // Compare ranks, not values: the sketch promises rank accuracy.
      double rankOfEdge = (double) Math.abs(Arrays.binarySearch(sorted, edges[i])) / sorted.length;
      assertThat(rankOfEdge).as("edge %s = %s (raw %s)", i, edges[i], raw[i]).isCloseTo((i + 1) / 10.0, within(0.02));
    }
  }

  @Test
  void sameProfileHasNoDrift() {
    ColumnStats s = profile(sample(10, 5_000, z -> z));
    NumericDrift d = NumericDrift.between(s, s);
    assertThat(d.psi()).isZero();
    assertThat(d.js()).isZero();
    assertThat(d.ks()).isZero();
    assertThat(d.ksPValue()).isEqualTo(1.0);
    assertThat(d.chiSquarePValue()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void twoSketchesOfTheSameValuesBarelyDiffer() {
    // KLL compaction flips coins, so two profiles of the same values hold different items. With
    // 50,000 values a side even those differences can be "significant" (the chi-square p-value is
    // often below 1e-6 here): the effect sizes are what keep them from being findings.
    double[] xs = sample(10, 50_000, z -> z);
    NumericDrift d = NumericDrift.between(profile(xs), profile(xs));
    assertThat(d.psi()).isLessThan(0.005);
    assertThat(d.js()).isLessThan(0.001);
    assertThat(d.ks()).isLessThan(AGREEMENT);
  }

  @Test
  void smallPredictSetHeldWholeGivesTheRawKs() {
    // 100 predict values stay whole in the sketch; the train sketch's rank error is all that is left.
    double[] train = sample(11, TRAIN, z -> z);
    for (long seed = 12; seed < 17; seed++) {
      double[] predict = sample(seed, 100, z -> z + 0.3);
      assertThat(NumericDrift.between(profile(train), profile(predict)).ks()).as("seed %s", seed)
          .isCloseTo(rawMeasures(train, predict).ks(), within(AGREEMENT));
    }
  }

  @Test
  void binaryColumnInExactModeIsExact() {
    // 30% ones in train, 60% in predict. Deciles 0.1 … 0.7 are 0, 0.8 and 0.9 are 1: bins (−∞, 0], (0, 1], (1, ∞).
    ColumnStats train = new ColumnStats();
    train.add(0, 700);
    train.add(1, 300);
    ColumnStats predict = new ColumnStats();
    predict.add(0, 40);
    predict.add(1, 60);
    NumericDrift d = NumericDrift.between(train, predict);
    assertThat(d.bins().edges()).containsExactly(0, 1);
    assertThat(d.trainProportions()).containsExactly(0.7, 0.3, 0);
    assertThat(d.predictProportions()).containsExactly(0.4, 0.6, 0);
    assertThat(d.psi()).isCloseTo(DriftMeasures.psi(new double[] {0.7, 0.3, 0}, new double[] {0.4, 0.6, 0}),
        within(1e-12));
    assertThat(d.psi()).isCloseTo(-0.3 * Math.log(0.4 / 0.7) + 0.3 * Math.log(2), within(1e-12));
    assertThat(d.ks()).isCloseTo(0.3, within(1e-12));
    assertThat(d.chiSquarePValue()).isCloseTo(
        DriftMeasures.chiSquarePValue(new double[] {700, 300}, new double[] {40, 60}), within(1e-15));
  }

  @Test
  void constantsAtDifferentValuesAreTheLargestDrift() {
    ColumnStats train = new ColumnStats();
    train.add(0, 1_000);
    ColumnStats predict = new ColumnStats();
    predict.add(1001, 50);
    NumericDrift d = NumericDrift.between(train, predict);
    assertThat(d.bins().edges()).containsExactly(0);
    assertThat(d.psi()).isCloseTo(2 * (1 - 1e-4) * Math.log(1 / 1e-4), within(1e-9));
    assertThat(d.js()).isEqualTo(1.0);
    assertThat(d.ks()).isEqualTo(1.0);
    assertThat(d.ksPValue()).isLessThan(1e-20);
    assertThat(d.chiSquarePValue()).isLessThan(1e-20);
  }

  @Test
  void predictBeyondTrainsRangeFillsTheOpenBins() {
    ColumnStats train = profile(sample(18, 5_000, z -> z));
    ColumnStats predict = profile(sample(19, 200, z -> z + 100));
    NumericDrift d = NumericDrift.between(train, predict);
    double[] q = d.predictProportions();
    assertThat(q[q.length - 1]).isEqualTo(1.0);
    assertThat(d.ks()).isEqualTo(1.0);
  }

  @Test
  void fewerThanTwoValuesOnASideAreRefused() {
    ColumnStats one = new ColumnStats();
    one.add(3.0);
    ColumnStats many = profile(sample(20, 50, z -> z));
    assertThatThrownBy(() -> NumericDrift.between(one, many)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2");
    assertThatThrownBy(() -> NumericDrift.between(many, new ColumnStats()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void proportionsAreCopies() {
    ColumnStats train = profile(sample(21, 100, z -> z));
    NumericDrift d = NumericDrift.between(train, train);
    d.trainProportions()[0] = 42;
    assertThat(d.trainProportions()[0]).isNotEqualTo(42);
  }
}
