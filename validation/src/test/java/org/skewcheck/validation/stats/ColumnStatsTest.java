package org.skewcheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ColumnStatsTest {
  private static final double[] RANKS = ranks();
  /** Ranks are exact for the bucketed values: this only absorbs the arithmetic of ranks as doubles. */
  private static final double RANK_TOLERANCE = 1e-9;

  /** 0, 0.01, ..., 1 plus the report's ranks: every percentile, both ends included. */
  private static double[] ranks() {
    double[] r = new double[101];
    for (int i = 0; i <= 100; i++) {
      r[i] = i / 100.0;
    }
    return r;
  }

  /** 30% zeros, 20% small repeated integers, 50% N(10, 3): a typical colour-fraction-like column. */
  private static double[] mixture(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      double u = random.nextDouble();
      xs[i] = u < 0.3 ? 0.0 : u < 0.5 ? random.nextInt(1, 6) : 10 + 3 * gaussian(random);
    }
    return xs;
  }

  /** Integers 0..5 (with zeros the most frequent): at most 6 distinct values, so counts stay exact. */
  private static double[] smallIntegers(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = random.nextDouble() < 0.4 ? 0.0 : random.nextInt(1, 6);
    }
    return xs;
  }

  static double gaussian(SplittableRandom random) {
    // Box-Muller, so the data depends on the seed alone.
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  private static ColumnStats of(double[] xs, int nonNumeric) {
    ColumnStats s = new ColumnStats();
    for (double x : xs) {
      s.add(x);
    }
    for (int i = 0; i < nonNumeric; i++) {
      s.addText("n/a?");
    }
    return s;
  }

  /** The figures computed the plain way: two passes over the data. */
  private record Reference(long count, long zeros, double min, double max, double mean, double stddev,
      double skewness, double excessKurtosis, double[] sorted) {

    static Reference of(double[] xs) {
      PlainMoments m = PlainMoments.of(xs);
      double[] sorted = xs.clone();
      Arrays.sort(sorted);
      return new Reference(m.count(), m.zeros(), m.min(), m.max(), m.mean(), m.stddev(), m.skewness(),
          m.excessKurtosis(), sorted);
    }

    /** Smallest value whose cumulative share of the data reaches {@code rank}. */
    double exactQuantile(double rank) {
      int n = sorted.length;
      for (int i = 0; i < n; i++) {
        if ((i == n - 1 || sorted[i + 1] != sorted[i]) && (double) (i + 1) / n >= rank) {
          return sorted[i];
        }
      }
      return sorted[n - 1];
    }

    long countOf(double v) {
      return Arrays.stream(sorted).filter(x -> x == v).count();
    }
  }

  private static void assertRelative(double actual, double expected, double tolerance, String what) {
    assertThat(actual).as(what).isCloseTo(expected, within(tolerance * Math.max(Math.abs(expected), 1e-300)));
  }

  private static void assertMatches(ColumnStats s, Reference ref, long nonNumeric) {
    assertThat(s.count()).as("count").isEqualTo(ref.count());
    assertThat(s.nonNumeric()).as("nonNumeric").isEqualTo(nonNumeric);
    assertThat(s.zeros()).as("zeros").isEqualTo(ref.zeros());
    assertThat(s.min()).as("min").isEqualTo(ref.min());
    assertThat(s.max()).as("max").isEqualTo(ref.max());
    assertRelative(s.mean(), ref.mean(), 1e-9, "mean");
    assertRelative(s.stddev(), ref.stddev(), 1e-9, "stddev");
    assertRelative(s.skewness(), ref.skewness(), 1e-7, "skewness");
    assertRelative(s.excessKurtosis(), ref.excessKurtosis(), 1e-7, "excess kurtosis");
  }

  /**
   * The sketch's answer must be its bucket's value: the data's values within the bucket's relative
   * width of it must reach the requested rank, and the values below them must not.
   */
  private static void assertQuantilesWithinRank(ColumnStats s, Reference ref) {
    double[] sorted = ref.sorted();
    double n = sorted.length;
    for (double rank : RANKS) {
      double q = s.quantile(rank);
      double width = 2 * NumericDistribution.RELATIVE_ACCURACY * Math.abs(q) + (s.integral() ? 0.5 : 0);
      int below = lowerBound(sorted, q - width);
      int atOrBelow = upperBound(sorted, q + width);
      assertThat(atOrBelow).as("quantile(%s) = %s is near no value of the column", rank, q).isGreaterThan(below);
      assertThat(rank).as("rank of quantile(%s) = %s", rank, q)
          .isBetween(below / n - RANK_TOLERANCE, atOrBelow / n + RANK_TOLERANCE);
    }
  }

  private static void assertQuantilesExact(ColumnStats s, Reference ref) {
    for (double rank : RANKS) {
      assertThat(s.quantile(rank)).as("quantile(%s)", rank).isEqualTo(ref.exactQuantile(rank));
    }
  }

  private static int lowerBound(double[] sorted, double v) {
    int i = 0;
    while (i < sorted.length && sorted[i] < v) {
      i++;
    }
    return i;
  }

  private static int upperBound(double[] sorted, double v) {
    int i = lowerBound(sorted, v);
    while (i < sorted.length && sorted[i] == v) {
      i++;
    }
    return i;
  }

  @Test
  void mixtureMatchesTwoPassComputation() {
    double[] xs = mixture(1, 20_000);
    ColumnStats s = of(xs, 321);
    Reference ref = Reference.of(xs);

    assertMatches(s, ref, 321);
    assertThat(s.distinctNumeric()).as("many distinct values: the sketch took over").isEqualTo(-1);
    assertThat(s.isConstant()).isFalse();
    assertQuantilesWithinRank(s, ref);
  }

  @Test
  void continuousColumnQuantilesAreWithinSketchRankError() {
    SplittableRandom random = new SplittableRandom(2);
    double[] xs = new double[50_000];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = Math.exp(gaussian(random));
    }
    ColumnStats s = of(xs, 0);
    Reference ref = Reference.of(xs);

    assertMatches(s, ref, 0);
    assertQuantilesWithinRank(s, ref);
  }

  @Test
  void fewDistinctValuesGiveExactQuantilesAndCounts() {
    double[] xs = smallIntegers(3, 10_000);
    ColumnStats s = of(xs, 5);
    Reference ref = Reference.of(xs);

    assertMatches(s, ref, 5);
    assertThat(s.distinctNumeric()).isEqualTo(6);
    assertQuantilesExact(s, ref);
    for (double v = 0; v <= 5; v++) {
      assertThat(s.countOf(v)).as("countOf(%s)", v).isEqualTo((double) ref.countOf(v));
    }
    assertThat(s.countOf(7.0)).isZero();
    assertThat(s.countOf(0.5)).isZero();
  }

  @Test
  void sketchedIntegersGiveTheExactQuantilesAndCounts() {
    // Random layouts of 17 to 400 distinct integers up to 400: more than the exact counts hold, and
    // below 500 every integer has a bucket of its own, so the sketch must answer as exact counts do.
    SplittableRandom random = new SplittableRandom(20);
    for (int layout = 0; layout < 100; layout++) {
      int distinct = random.nextInt(ValueCounts.CAPACITY + 1, 401);
      double[] xs = new double[0];
      for (int v = 1; v <= distinct; v++) {
        int copies = random.nextInt(1, 13);
        int at = xs.length;
        xs = Arrays.copyOf(xs, at + copies);
        Arrays.fill(xs, at, xs.length, 400 - v);
      }
      ColumnStats s = of(xs, 0);
      Reference ref = Reference.of(xs);
      assertThat(s.distinctNumeric()).as("layout %s: the sketch took over", layout).isEqualTo(-1);
      for (double rank : RANKS) {
        assertThat(s.quantile(rank)).as("layout %s, quantile(%s)", layout, rank).isEqualTo(ref.exactQuantile(rank));
      }
      for (double v = 0; v <= 400; v += 7) {
        assertThat(s.countOf(v)).as("layout %s, countOf(%s)", layout, v).isEqualTo((double) ref.countOf(v));
        assertThat(s.countAtMost(v)).isEqualTo((double) upperBound(ref.sorted(), v));
        assertThat(s.countBelow(v)).isEqualTo((double) lowerBound(ref.sorted(), v));
      }
    }
  }

  @Test
  void theSketchIsTheSameToTheByteWhateverTheOrderOfValuesAndMerges() throws IOException {
    SplittableRandom random = new SplittableRandom(9);
    double[] xs = new double[30_000];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = i % 10 == 0 ? 0 : Math.exp(3 * gaussian(random)) * (i % 3 == 0 ? -1 : 1);
    }
    byte[] whole = bytes(distribution(xs));
    for (int trial = 0; trial < 5; trial++) {
      double[] shuffled = shuffled(xs, random);
      // cut into parts at random, profiled apart and merged from the last part to the first
      NumericDistribution merged = null;
      for (int end = shuffled.length; end > 0; ) {
        int from = Math.max(0, end - random.nextInt(1, 9_000));
        NumericDistribution part = distribution(Arrays.copyOfRange(shuffled, from, end));
        if (merged == null) {
          merged = part;
        } else {
          part.merge(merged);
          merged = part;
        }
        end = from;
      }
      assertThat(bytes(merged)).as("trial %s", trial).isEqualTo(whole);
    }
  }

  @Test
  void mergingSketchesOfAnyRangesKeepsEveryCount() throws IOException {
    // parts that start lower, higher, inside or apart, merged into one another in chains: the
    // layouts a paged store must grow, shift and fill for
    SplittableRandom random = new SplittableRandom(31);
    for (int trial = 0; trial < 500; trial++) {
      double[] all = new double[0];
      NumericDistribution merged = null;
      for (int part = 0; part < 6; part++) {
        double[] xs = logRange(random);
        all = Arrays.copyOf(all, all.length + xs.length);
        System.arraycopy(xs, 0, all, all.length - xs.length, xs.length);
        NumericDistribution d = distribution(xs);
        if (merged == null) {
          merged = d;
        } else if (random.nextBoolean()) {
          merged.merge(d);
        } else {
          d.merge(merged);
          merged = d;
        }
      }
      assertThat(bytes(merged)).as("trial %s", trial).isEqualTo(bytes(distribution(all)));
    }
  }

  /** 20 to 2,000 values of one sign whose logarithms are uniform over a random stretch of [-3, 3]. */
  private static double[] logRange(SplittableRandom random) {
    double lo = random.nextDouble(-3, 3);
    double hi = random.nextDouble(lo, 3.5);
    double sign = random.nextBoolean() ? 1 : -1;
    double[] xs = new double[random.nextInt(20, 2_001)];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = sign * Math.exp(random.nextDouble(lo, hi));
    }
    return xs;
  }

  @Test
  void theSketchTakesTheExtremesOfADouble() {
    // past the buckets' reach (about 1.8e308) and below it (subnormals, in the zero bucket)
    double[] xs = new double[40];
    for (int i = 0; i < 20; i++) {
      xs[i] = i + 1;
    }
    Arrays.fill(xs, 20, 25, Double.MAX_VALUE);
    Arrays.fill(xs, 25, 30, -Double.MAX_VALUE);
    Arrays.fill(xs, 30, 35, Double.MIN_VALUE);
    Arrays.fill(xs, 35, 40, 0);
    ColumnStats s = of(xs, 0);
    assertThat(s.distinctNumeric()).as("the sketch took over").isEqualTo(-1);
    assertThat(s.quantile(0)).isCloseTo(-Double.MAX_VALUE, withinPercentage(0.2));
    assertThat(s.quantile(1)).isCloseTo(Double.MAX_VALUE, withinPercentage(0.2));
    assertThat(s.countAtMost(Double.MAX_VALUE)).isEqualTo(40);
    assertThat(s.countBelow(1)).isEqualTo(15);
    assertThat(s.countOf(0)).as("zeros and subnormals share the zero bucket").isEqualTo(10);
  }

  /** A copy of {@code xs} in a random order (Fisher-Yates). */
  private static double[] shuffled(double[] xs, SplittableRandom random) {
    double[] out = xs.clone();
    for (int i = out.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  private static NumericDistribution distribution(double[] xs) {
    NumericDistribution d = new NumericDistribution();
    d.addAll(xs, 0, xs.length);
    return d;
  }

  private static byte[] bytes(NumericDistribution d) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    d.writeTo(new DataOutputStream(out));
    return out.toByteArray();
  }

  @Test
  void exactQuantileAtARankWhoseProductRoundsUp() {
    // 0.07 * 100 is 7.000000000000001 in floating point, yet 7 of 100 values do reach rank 0.07.
    ColumnStats s = new ColumnStats();
    s.add(1.0, 7);
    s.add(2.0, 93);
    assertThat(s.quantile(0.07)).isEqualTo(1.0);
    assertThat(s.quantile(0.0701)).isEqualTo(2.0);
    assertThat(s.quantile(0.0)).isEqualTo(1.0);
    assertThat(s.quantile(1.0)).isEqualTo(2.0);
  }

  @Test
  void seventeenthDistinctValueSwitchesToTheSketchWithoutLosingValues() {
    ColumnStats s = new ColumnStats();
    for (int v = 1; v <= ValueCounts.CAPACITY; v++) {
      s.add(v, 10);
    }
    assertThat(s.distinctNumeric()).isEqualTo(ValueCounts.CAPACITY);
    s.add(100, 10);
    assertThat(s.distinctNumeric()).isEqualTo(-1);
    assertThat(s.count()).isEqualTo(170);
    // small integers: each has a bucket of its own
    assertThat(s.quantile(0.5)).isEqualTo(9.0);
    assertThat(s.quantile(1.0)).isEqualTo(100.0);
    assertThat(s.countOf(100)).isCloseTo(10, within(1e-9));
  }

  @Test
  void sketchModeCountsZerosExactly() {
    double[] xs = mixture(4, 20_000);
    ColumnStats s = of(xs, 0);
    long zeros = Reference.of(xs).zeros();
    assertThat(s.exactValues()).as("the sketch took over").isNull();
    assertThat(s.countOf(0.0)).isEqualTo((double) zeros);
  }

  @Test
  void exactModeCountsUpToAValueExactly() {
    double[] xs = smallIntegers(21, 5_000);
    ColumnStats s = of(xs, 7);
    Reference ref = Reference.of(xs);
    assertThat(s.exactValues()).containsExactly(0, 1, 2, 3, 4, 5);
    for (double x : new double[] {-1, 0, 0.5, 1, 2, 2.5, 3, 4, 5, 6}) {
      assertThat(s.countAtMost(x)).as("countAtMost(%s)", x).isEqualTo((double) upperBound(ref.sorted(), x));
      assertThat(s.countBelow(x)).as("countBelow(%s)", x).isEqualTo((double) lowerBound(ref.sorted(), x));
    }
  }

  @Test
  void sketchModeCountsUpToAValueAreThoseOfItsBucket() {
    double[] xs = mixture(22, 30_000);
    ColumnStats s = of(xs, 0);
    Reference ref = Reference.of(xs);
    assertThat(s.exactValues()).as("the sketch took over").isNull();
    for (double rank : RANKS) {
      double x = ref.exactQuantile(rank);
      // the values of x's bucket count with x, at most 0.2% of |x| either side of it
      double width = 2 * NumericDistribution.RELATIVE_ACCURACY * Math.abs(x);
      assertThat(s.countAtMost(x)).as("countAtMost(%s)", x)
          .isBetween((double) upperBound(ref.sorted(), x), (double) upperBound(ref.sorted(), x + width));
      assertThat(s.countBelow(x)).as("countBelow(%s)", x)
          .isBetween((double) lowerBound(ref.sorted(), x - width), (double) lowerBound(ref.sorted(), x));
      assertThat(s.countBelow(x)).isLessThanOrEqualTo(s.countAtMost(x));
    }
    assertThat(s.countAtMost(ref.max())).isEqualTo(xs.length);
    assertThat(s.countBelow(ref.min())).isZero();
    assertThat(s.countAtMost(ref.min() - 1)).isZero();
  }

  @Test
  void emptyColumnCountsNothing() {
    ColumnStats empty = new ColumnStats();
    assertThat(empty.countAtMost(0)).isZero();
    assertThat(empty.countBelow(0)).isZero();
    assertThat(empty.exactValues()).isEmpty();
  }

  @Test
  void readingTheSketchChangesNoFigureAndItStillMergesAndRoundTrips() throws IOException {
    // Reads go through a read-only view of the sketch's bytes: what it answers, serializes and
    // merges must not change, nor its bytes.
    // KLL compaction flips coins, so the unread twin is a copy, not a second sketch of the same values.
    double[] xs = mixture(23, 20_000);
    ColumnStats read = of(xs, 0);
    ColumnStats unread = roundTrip(read);
    for (double rank : RANKS) {
      read.countAtMost(read.quantile(rank));
    }
    assertThat(bytes(read)).isEqualTo(bytes(unread));
    assertSameFigures(read, unread);
    assertSameFigures(roundTrip(read), unread);
    double[] more = mixture(24, 3_000);
    read.merge(of(more, 0));
    double[] both = Arrays.copyOf(xs, xs.length + more.length);
    System.arraycopy(more, 0, both, xs.length, more.length);
    assertQuantilesWithinRank(read, Reference.of(both));
    assertQuantilesWithinRank(roundTrip(read), Reference.of(both));
  }

  @Test
  void emptyAndSingleValueFiguresDoNotExist() {
    ColumnStats empty = new ColumnStats();
    assertThat(empty.count()).isZero();
    assertThat(empty.mean()).isNaN();
    assertThat(empty.stddev()).isNaN();
    assertThat(empty.min()).isNaN();
    assertThat(empty.max()).isNaN();
    assertThat(empty.quantile(0.5)).isNaN();
    assertThat(empty.isConstant()).isFalse();

    ColumnStats one = new ColumnStats();
    one.add(4.5);
    assertThat(one.mean()).isEqualTo(4.5);
    assertThat(one.stddev()).isNaN();
    assertThat(one.skewness()).isNaN();
    assertThat(one.excessKurtosis()).isNaN();
    assertThat(one.isConstant()).isTrue();
    assertThat(one.quantile(0.01)).isEqualTo(4.5);

    ColumnStats constant = new ColumnStats();
    constant.add(2.0, 50);
    assertThat(constant.stddev()).isZero();
    assertThat(constant.skewness()).as("undefined with zero variance").isNaN();
    assertThat(constant.excessKurtosis()).isNaN();
    assertThat(constant.isConstant()).isTrue();
  }

  @Test
  void javadocExample() {
    ColumnStats s = new ColumnStats();
    s.add(0.0);
    s.add(3.5);
    s.addText("n/a?");
    assertThat(s.mean()).isEqualTo(1.75);
    assertThat(s.count()).isEqualTo(2);
    assertThat(s.nonNumeric()).isEqualTo(1);
    assertThat(s.zeros()).isEqualTo(1);
  }

  @Test
  void addWithMultiplicityEqualsRepeatedAdds() {
    SplittableRandom random = new SplittableRandom(5);
    ColumnStats block = new ColumnStats();
    ColumnStats single = new ColumnStats();
    List<Double> all = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      double x = random.nextDouble() < 0.3 ? 0.0 : Math.rint(10 * gaussian(random)) / 4;
      int n = random.nextInt(0, 40);
      block.add(x, n);
      for (int j = 0; j < n; j++) {
        single.add(x);
        all.add(x);
      }
    }
    block.add(42.0, 0);
    block.add(42.0, -3);
    Reference ref = Reference.of(all.stream().mapToDouble(Double::doubleValue).toArray());

    assertMatches(block, ref, 0);
    assertMatches(single, ref, 0);
    assertThat(block.count()).isEqualTo(single.count());
    assertThat(block.countOf(42.0)).as("n <= 0 adds nothing").isZero();
    assertQuantilesWithinRank(block, ref);
    assertQuantilesWithinRank(single, ref);
  }

  @Test
  void addWithMultiplicityInExactModeKeepsExactCounts() {
    ColumnStats block = new ColumnStats();
    ColumnStats single = new ColumnStats();
    double[] values = {0, 1, 0, 2.5, 1, -3};
    int[] copies = {1000, 7, 1, 3, 11, 2};
    for (int i = 0; i < values.length; i++) {
      block.add(values[i], copies[i]);
      for (int j = 0; j < copies[i]; j++) {
        single.add(values[i]);
      }
    }
    for (double v : new double[] {0, 1, 2.5, -3, 9}) {
      assertThat(block.countOf(v)).isEqualTo(single.countOf(v));
    }
    assertThat(block.countOf(0)).isEqualTo(1001);
    assertThat(block.zeros()).isEqualTo(1001);
    for (double rank : RANKS) {
      assertThat(block.quantile(rank)).isEqualTo(single.quantile(rank));
    }
    assertRelative(block.mean(), single.mean(), 1e-12, "mean");
    assertRelative(block.stddev(), single.stddev(), 1e-12, "stddev");
    assertRelative(block.skewness(), single.skewness(), 1e-10, "skewness");
    assertRelative(block.excessKurtosis(), single.excessKurtosis(), 1e-10, "excess kurtosis");
  }

  /** Splits {@code xs} into {@code shards} + 1 random shards (some empty, some tiny), merged in random order. */
  private static ColumnStats shardedMerge(double[] xs, long seed, int shards, int nonNumericPerShard) {
    SplittableRandom random = new SplittableRandom(seed);
    List<List<Double>> parts = new ArrayList<>();
    for (int i = 0; i < shards; i++) {
      parts.add(new ArrayList<>());
    }
    // Half the shards get a handful of values (0 to 8: some empty, most exact), the rest share
    // what is left in random proportions.
    double[] shuffled = shuffled(xs, random);
    int next = 0;
    for (int i = 0; i < shards / 2; i++) {
      for (int k = random.nextInt(0, 9); k > 0; k--) {
        parts.get(i).add(shuffled[next++]);
      }
    }
    for (; next < shuffled.length; next++) {
      int big = shards / 2 + (int) (Math.pow(random.nextDouble(), 2) * (shards - shards / 2));
      parts.get(big).add(shuffled[next]);
    }
    parts.add(new ArrayList<>());
    List<ColumnStats> stats = new ArrayList<>();
    for (List<Double> part : parts) {
      ColumnStats s = new ColumnStats();
      part.forEach(s::add);
      for (int i = 0; i < nonNumericPerShard; i++) {
        s.addText("n/a?");
      }
      stats.add(s);
    }
    assertThat(stats).as("some shards are empty").anyMatch(s -> s.count() == 0);
    assertThat(stats).as("some shards are exact").anyMatch(s -> s.count() > 0 && s.distinctNumeric() >= 0);
    Collections.shuffle(stats, new Random(seed));
    ColumnStats merged = stats.get(0);
    for (ColumnStats s : stats.subList(1, stats.size())) {
      merged.merge(s);
    }
    return merged;
  }

  @Test
  void shardedMergeMatchesTwoPassComputation() {
    double[] xs = mixture(6, 20_000);
    Reference ref = Reference.of(xs);
    for (long seed = 10; seed < 15; seed++) {
      ColumnStats merged = shardedMerge(xs, seed, 40, 2);
      assertMatches(merged, ref, 41 * 2);
      assertQuantilesWithinRank(merged, ref);
    }
  }

  @Test
  void shardedMergeOfFewDistinctValuesStaysExact() {
    double[] xs = smallIntegers(7, 5_000);
    Reference ref = Reference.of(xs);
    ColumnStats merged = shardedMerge(xs, 8, 25, 1);
    assertMatches(merged, ref, 26);
    assertThat(merged.distinctNumeric()).isEqualTo(6);
    assertQuantilesExact(merged, ref);
    for (double v = 0; v <= 5; v++) {
      assertThat(merged.countOf(v)).isEqualTo((double) ref.countOf(v));
    }
  }

  @Test
  void mergeOfExactShardsThatTogetherOverflowSwitchesToSketch() {
    ColumnStats a = new ColumnStats();
    ColumnStats b = new ColumnStats();
    List<Double> all = new ArrayList<>();
    for (int v = 0; v < 12; v++) {
      a.add(v, 3);
      b.add(v + 6, 2);
      for (int i = 0; i < 3; i++) {
        all.add((double) v);
      }
      for (int i = 0; i < 2; i++) {
        all.add(v + 6.0);
      }
    }
    assertThat(a.distinctNumeric()).isEqualTo(12);
    a.merge(b);
    Reference ref = Reference.of(all.stream().mapToDouble(Double::doubleValue).toArray());
    assertMatches(a, ref, 0);
    assertThat(a.distinctNumeric()).isEqualTo(-1);
    // 60 values: the sketch holds them all, so its quantiles are the exact ones.
    assertQuantilesExact(a, ref);
  }

  @Test
  void mergeWithEmptyChangesNothingButNonNumeric() {
    double[] xs = mixture(9, 1_000);
    ColumnStats s = of(xs, 0);
    ColumnStats textOnly = new ColumnStats();
    textOnly.addText("n/a?");
    textOnly.addText("n/a?");
    s.merge(new ColumnStats());
    s.merge(textOnly);
    assertMatches(s, Reference.of(xs), 2);

    ColumnStats empty = new ColumnStats();
    empty.merge(of(xs, 1));
    assertMatches(empty, Reference.of(xs), 1);
    assertQuantilesWithinRank(empty, Reference.of(xs));
  }

  @Test
  void mergeLeavesTheOtherUnchanged() throws IOException {
    ColumnStats a = of(mixture(10, 500), 1);
    ColumnStats b = of(mixture(11, 500), 2);
    byte[] before = bytes(b);
    a.merge(b);
    assertThat(bytes(b)).isEqualTo(before);
  }

  @Test
  void mergeIntoItselfThrows() {
    ColumnStats s = of(mixture(12, 100), 0);
    assertThatThrownBy(() -> s.merge(s)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("itself");
  }

  private static byte[] bytes(ColumnStats s) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    s.writeTo(new DataOutputStream(bytes));
    return bytes.toByteArray();
  }

  private static ColumnStats roundTrip(ColumnStats s) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes(s)));
    ColumnStats read = ColumnStats.readFrom(in);
    assertThat(in.read()).as("everything written was read").isEqualTo(-1);
    return read;
  }

  /** Bit-for-bit the same figures (NaN equals NaN here: an absent figure must stay absent). */
  private static void assertSameFigures(ColumnStats read, ColumnStats s) {
    assertSameCounts(read, s);
    for (double rank : RANKS) {
      assertThat(Double.valueOf(read.quantile(rank))).as("quantile(%s)", rank)
          .isEqualTo(Double.valueOf(s.quantile(rank)));
    }
    if (s.count() > 0) {
      for (double v : new double[] {0, 1, 2, 3, 5, 10, -1}) {
        assertThat(read.countOf(v)).as("countOf(%s)", v).isEqualTo(s.countOf(v));
      }
    }
  }

  private static void assertSameCounts(ColumnStats read, ColumnStats s) {
    assertThat(read.count()).isEqualTo(s.count());
    assertThat(read.nonNumeric()).isEqualTo(s.nonNumeric());
    assertThat(read.zeros()).isEqualTo(s.zeros());
    assertThat(Double.valueOf(read.mean())).isEqualTo(Double.valueOf(s.mean()));
    assertThat(Double.valueOf(read.stddev())).isEqualTo(Double.valueOf(s.stddev()));
    assertThat(Double.valueOf(read.skewness())).isEqualTo(Double.valueOf(s.skewness()));
    assertThat(Double.valueOf(read.excessKurtosis())).isEqualTo(Double.valueOf(s.excessKurtosis()));
    assertThat(Double.valueOf(read.min())).isEqualTo(Double.valueOf(s.min()));
    assertThat(Double.valueOf(read.max())).isEqualTo(Double.valueOf(s.max()));
    assertThat(read.isConstant()).isEqualTo(s.isConstant());
    assertThat(read.distinctNumeric()).isEqualTo(s.distinctNumeric());
  }

  @Test
  void roundTripInExactMode() throws IOException {
    ColumnStats s = of(smallIntegers(13, 2_000), 17);
    assertThat(s.distinctNumeric()).isPositive();
    ColumnStats read = roundTrip(s);
    assertSameFigures(read, s);

    // What was read keeps working as an accumulator.
    read.add(3.0, 5);
    s.add(3.0, 5);
    assertSameFigures(read, s);
  }

  @Test
  void roundTripInSketchMode() throws IOException {
    ColumnStats s = of(mixture(14, 20_000), 3);
    assertThat(s.distinctNumeric()).isEqualTo(-1);
    ColumnStats read = roundTrip(s);
    assertSameFigures(read, s);

    // What was read keeps working as an accumulator. (KLL compaction flips coins, so two sketches
    // fed the same values may keep different items: compare the exact figures and the ranks.)
    double[] first = mixture(14, 20_000);
    double[] second = mixture(15, 1_000);
    read.merge(of(second, 0));
    s.merge(of(second, 0));
    assertSameCounts(read, s);
    double[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    assertQuantilesWithinRank(read, Reference.of(both));
  }

  @Test
  void roundTripOfEmptyAndTextOnly() throws IOException {
    ColumnStats empty = new ColumnStats();
    assertSameFigures(roundTrip(empty), empty);
    ColumnStats textOnly = new ColumnStats();
    textOnly.addText("n/a?");
    ColumnStats read = roundTrip(textOnly);
    assertSameFigures(read, textOnly);
    read.add(2.0);
    assertThat(read.min()).isEqualTo(2.0);
    assertThat(read.max()).isEqualTo(2.0);
  }

  @Test
  void valueCountsOfEveryRoundTripArePreservedInFirstSeenOrder() throws IOException {
    TreeMap<Double, Long> counts = new TreeMap<>();
    ColumnStats s = new ColumnStats();
    for (int v = ValueCounts.CAPACITY; v >= 1; v--) {
      s.add(v * 1.5, v);
      counts.put(v * 1.5, (long) v);
    }
    ColumnStats read = roundTrip(s);
    assertThat(read.distinctNumeric()).isEqualTo(ValueCounts.CAPACITY);
    counts.forEach((v, n) -> assertThat(read.countOf(v)).isEqualTo((double) n));
  }
}
