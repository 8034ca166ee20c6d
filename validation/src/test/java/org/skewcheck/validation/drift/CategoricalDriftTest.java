package org.skewcheck.validation.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.stats.ColumnStats;

class CategoricalDriftTest {
  /** The bar: the profiles' measures agree with an independent computation to within 0.02. */
  private static final double AGREEMENT = 0.02;
  /** Half a unit of the fourth decimal, the precision known_categorical_shifts.py prints. */
  private static final double PRINTED = 0.00005 + 1e-12;
  private static final String[] NAMES = {"a", "b", "c", "d", "e", "f"};
  private static final double[] TRAIN_MIX = {0.4, 0.25, 0.15, 0.12, 0.08, 0.0};

  /*
   * Expected {PSI, L-inf} of the two known-shift scenarios below (train 50,000 and predict 10,000
   * values, fixed seeds), computed outside Java by src/test/resources/org/skewcheck/validation/drift/
   * known_categorical_shifts.py (Python 3, numpy 2.4): it re-draws the same samples (SplitMix64 as in
   * java.util.SplittableRandom; a draw is the first category whose cumulative probability exceeds
   * nextDouble()), counts exactly and uses the same categories: train's values by count, plus
   * "(other)". For reference, the population values are PSI 0.1497 / L-inf 0.15 (mix) and PSI 0.7190
   * / L-inf 0.10 (a new value in 10% of predict); the samples differ by sampling noise.
   */
  private static final double[] MIX = {0.1394, 0.1513};
  private static final double[] UNSEEN = {0.6648, 0.0955};

  private static List<String> draws(long seed, int n, double[] probabilities) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] cumulative = new double[probabilities.length];
    double sum = 0;
    for (int i = 0; i < probabilities.length; i++) {
      sum += probabilities[i];
      cumulative[i] = sum;
    }
    List<String> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      double u = random.nextDouble();
      int i = 0;
      while (i < cumulative.length - 1 && !(u < cumulative[i])) {
        i++;
      }
      out.add(NAMES[i]);
    }
    return out;
  }

  private static ColumnStats profile(List<String> values) {
    ColumnStats s = new ColumnStats();
    values.forEach(s::addText);
    return s;
  }

  /** PSI and L-inf from the raw values, sharing no code with the class under test. */
  private static double[] raw(List<String> train, List<String> predict) {
    Map<String, Integer> t = new TreeMap<>();
    train.forEach(v -> t.merge(v, 1, Integer::sum));
    List<String> categories = new ArrayList<>(t.keySet());
    categories.sort((x, y) -> t.get(y) - t.get(x) != 0 ? t.get(y) - t.get(x) : x.compareTo(y));
    double[] p = new double[categories.size() + 1];
    double[] q = new double[categories.size() + 1];
    train.forEach(v -> p[categories.indexOf(v)] += 1.0 / train.size());
    predict.forEach(v -> q[categories.contains(v) ? categories.indexOf(v) : categories.size()] += 1.0 / predict.size());
    double psi = 0;
    double linf = 0;
    for (int i = 0; i < p.length; i++) {
      double a = p[i] == 0 ? 1e-4 : p[i];
      double b = q[i] == 0 ? 1e-4 : q[i];
      psi += p[i] == 0 && q[i] == 0 ? 0 : (b - a) * Math.log(b / a);
      linf = Math.max(linf, Math.abs(p[i] - q[i]));
    }
    return new double[] {psi, linf};
  }

  private static CategoricalDrift assertKnownShift(List<String> train, List<String> predict, double[] expected) {
    CategoricalDrift d = CategoricalDrift.between(profile(train), profile(predict));
    double[] raw = raw(train, predict);
    assertThat(d.psi()).as("PSI from the profiles").isCloseTo(expected[0], within(AGREEMENT));
    assertThat(d.linf()).as("L-inf from the profiles").isCloseTo(expected[1], within(AGREEMENT));
    assertThat(raw).as("the Java and Python raw computations").containsExactly(expected, within(PRINTED));
    // Exact counts at this cardinality: the profiles' figures are the raw ones.
    assertThat(d.psi()).isCloseTo(raw[0], within(1e-9));
    assertThat(d.linf()).isCloseTo(raw[1], within(1e-9));
    assertThat(Arrays.stream(d.trainProportions()).sum()).isCloseTo(1, within(1e-9));
    assertThat(Arrays.stream(d.predictProportions()).sum()).isCloseTo(1, within(1e-9));
    assertThat(d.chiSquarePValue()).as("shifts this size in 10,000 values are no noise").isLessThan(1e-10);
    assertThat(d.trainN()).isEqualTo(train.size());
    assertThat(d.predictN()).isEqualTo(predict.size());
    return d;
  }

  @Test
  void shiftedMix() {
    CategoricalDrift d = assertKnownShift(draws(1, 50_000, TRAIN_MIX),
        draws(2, 10_000, new double[] {0.25, 0.25, 0.2, 0.15, 0.15, 0.0}), MIX);
    assertThat(d.categories()).containsExactly("a", "b", "c", "d", "e");
  }

  @Test
  void unseenCategoryLandsInOther() {
    CategoricalDrift d = assertKnownShift(draws(1, 50_000, TRAIN_MIX),
        draws(3, 10_000, new double[] {0.36, 0.225, 0.135, 0.108, 0.072, 0.1}), UNSEEN);
    assertThat(d.categories()).containsExactly("a", "b", "c", "d", "e", CategoricalDrift.OTHER);
    assertThat(d.trainProportions()[5]).isZero();
    assertThat(d.predictProportions()[5]).isCloseTo(0.1, within(0.01));
  }

  @Test
  void sameProfileHasNoDrift() {
    ColumnStats s = profile(draws(4, 5_000, TRAIN_MIX));
    CategoricalDrift d = CategoricalDrift.between(s, s);
    assertThat(d.psi()).isZero();
    assertThat(d.linf()).isZero();
    assertThat(d.chiSquarePValue()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void numbersAreCategoriesAndTrainsTailIsOther() {
    ColumnStats train = new ColumnStats();
    // Text first, so the 25 numbers are counted exactly as categories from the start.
    train.addText("unknown");
    for (int v = 0; v < 25; v++) {
      train.add(v, 100 - v);
    }
    ColumnStats predict = new ColumnStats();
    predict.add(0, 50);
    predict.add(24, 50);
    CategoricalDrift d = CategoricalDrift.between(train, predict);
    assertThat(d.categories()).hasSize(CategoricalDrift.CATEGORIES + 1).startsWith("0", "1", "2")
        .endsWith(CategoricalDrift.OTHER);
    double[] q = d.predictProportions();
    assertThat(q[0]).isEqualTo(0.5);
    assertThat(q[q.length - 1]).as("24 is not among train's top 20").isEqualTo(0.5);
    assertThat(d.linf()).as("category 0: 100 of train's values, half of predict's")
        .isCloseTo(0.5 - 100.0 / train.present(), within(1e-12));
  }

  @Test
  void fewerThanTwoValuesOnASideAreRefused() {
    ColumnStats one = profile(List.of("a"));
    assertThatThrownBy(() -> CategoricalDrift.between(one, profile(List.of("a", "b"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
  }
}
