package org.skewcheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MomentsTest {
  /** 30% zeros, 10% missing, the rest lognormal around 20 (skewed, so the third and fourth moments matter). */
  private static double[] column(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      double u = random.nextDouble();
      xs[i] = u < 0.3 ? 0.0 : u < 0.4 ? Double.NaN : 20 * Math.exp(0.5 * Table.gaussian(random));
    }
    return xs;
  }

  private static void assertMatches(Moments m, PlainMoments e) {
    assertThat(m.count()).as("count").isEqualTo(e.count());
    assertThat(m.zeros()).as("zeros").isEqualTo(e.zeros());
    assertThat(m.min()).as("min").isEqualTo(e.min());
    assertThat(m.max()).as("max").isEqualTo(e.max());
    assertThat(m.mean()).as("mean").isCloseTo(e.mean(), within(1e-12 * Math.abs(e.mean())));
    assertThat(m.stddev()).as("stddev").isCloseTo(e.stddev(), within(1e-12 * e.stddev()));
    assertThat(m.skewness()).as("skewness").isCloseTo(e.skewness(), within(1e-10 * Math.abs(e.skewness())));
    assertThat(m.excessKurtosis()).as("excess kurtosis")
        .isCloseTo(e.excessKurtosis(), within(1e-10 * Math.abs(e.excessKurtosis())));
  }

  /** Bit for bit the same figures (NaN equals NaN: an absent figure stays absent). */
  private static void assertSameFigures(Moments actual, Moments expected) {
    assertThat(actual.count()).isEqualTo(expected.count());
    assertThat(actual.zeros()).isEqualTo(expected.zeros());
    assertThat(actual.isConstant()).isEqualTo(expected.isConstant());
    double[] a = {actual.mean(), actual.stddev(), actual.skewness(), actual.excessKurtosis(), actual.min(), actual.max()};
    double[] e = {expected.mean(), expected.stddev(), expected.skewness(), expected.excessKurtosis(), expected.min(),
        expected.max()};
    assertThat(Arrays.stream(a).mapToObj(Double::valueOf).toList())
        .isEqualTo(Arrays.stream(e).mapToObj(Double::valueOf).toList());
  }

  private static Moments oneByOne(double[] cells) {
    Moments m = new Moments();
    for (double x : cells) {
      if (!Double.isNaN(x)) {
        m.add(x, 1);
      }
    }
    return m;
  }

  private static Moments inSlices(double[] cells, int slice) {
    Moments m = new Moments();
    for (int from = 0; from < cells.length; from += slice) {
      m.addAll(cells, from, Math.min(cells.length, from + slice));
    }
    return m;
  }

  @Test
  void javadocExample() {
    Moments m = new Moments();
    m.add(1.0, 1);
    m.add(3.0, 2);
    assertThat(m.mean()).isCloseTo(7.0 / 3, within(1e-15));
    assertThat(m.zeros()).isZero();
    assertThat(m.count()).isEqualTo(3);
  }

  @Test
  void valueByValueAndSliceBySliceMatchTheTwoPassFigures() {
    double[] cells = column(1, 20_000);
    PlainMoments e = PlainMoments.of(cells);
    assertMatches(oneByOne(cells), e);
    assertMatches(inSlices(cells, 500), e);
    assertMatches(inSlices(cells, cells.length), e);
  }

  @Test
  void mergedPartsAgreeWithAddingEverythingToOne() {
    double[] cells = column(2, 10_000);
    Moments whole = oneByOne(cells);
    SplittableRandom random = new SplittableRandom(3);
    for (int trial = 0; trial < 5; trial++) {
      // uneven cuts: some parts tiny or empty, each added value by value or in slices
      int c = random.nextInt(cells.length);
      int[] cuts = IntStream.concat(random.ints(4, 0, cells.length + 1), IntStream.of(c, c, c + 1)).sorted().toArray();
      Moments merged = new Moments();
      int from = 0;
      for (int i = 0; i <= cuts.length; i++) {
        int to = i < cuts.length ? cuts[i] : cells.length;
        double[] part = Arrays.copyOfRange(cells, from, to);
        merged.merge(random.nextBoolean() ? oneByOne(part) : inSlices(part, 97));
        from = to;
      }
      assertThat(merged.count()).isEqualTo(whole.count());
      assertThat(merged.zeros()).isEqualTo(whole.zeros());
      assertThat(merged.min()).isEqualTo(whole.min());
      assertThat(merged.max()).isEqualTo(whole.max());
      assertThat(merged.mean()).isCloseTo(whole.mean(), within(1e-12 * whole.mean()));
      assertThat(merged.stddev()).isCloseTo(whole.stddev(), within(1e-12 * whole.stddev()));
      assertThat(merged.skewness()).isCloseTo(whole.skewness(), within(1e-10 * whole.skewness()));
      assertThat(merged.excessKurtosis()).isCloseTo(whole.excessKurtosis(), within(1e-10 * whole.excessKurtosis()));
    }
  }

  @Test
  void aRunOfEqualValuesIsThoseValuesOneByOne() {
    Moments run = new Moments();
    Moments single = new Moments();
    double[] values = {0, 4.5, -2, 0, 7.25};
    int[] copies = {1_000, 3, 17, 1, 250};
    for (int i = 0; i < values.length; i++) {
      run.add(values[i], copies[i]);
      for (int j = 0; j < copies[i]; j++) {
        single.add(values[i], 1);
      }
    }
    run.add(99, 0);
    run.add(99, -4);
    assertThat(run.count()).as("n <= 0 adds nothing").isEqualTo(single.count());
    assertThat(run.zeros()).isEqualTo(1_001);
    assertThat(run.max()).isEqualTo(7.25);
    assertThat(run.mean()).isCloseTo(single.mean(), within(1e-13 * Math.abs(single.mean())));
    assertThat(run.stddev()).isCloseTo(single.stddev(), within(1e-13 * single.stddev()));
    assertThat(run.skewness()).isCloseTo(single.skewness(), within(1e-11 * Math.abs(single.skewness())));
    assertThat(run.excessKurtosis()).isCloseTo(single.excessKurtosis(),
        within(1e-11 * Math.abs(single.excessKurtosis())));
  }

  @Test
  void mergingWithEmptyChangesNothing() {
    Moments m = inSlices(column(4, 3_000), 256);
    Moments copy = inSlices(column(4, 3_000), 256);
    m.merge(new Moments());
    assertSameFigures(m, copy);

    Moments empty = new Moments();
    empty.merge(copy);
    assertSameFigures(empty, copy);

    Moments bothEmpty = new Moments();
    bothEmpty.merge(new Moments());
    assertSameFigures(bothEmpty, new Moments());
  }

  @Test
  void emptyAllMissingAndSingleValueFiguresDoNotExist() {
    Moments empty = new Moments();
    empty.addAll(new double[] {Double.NaN, Double.NaN}, 0, 2);
    assertThat(empty.count()).isZero();
    assertThat(empty.mean()).isNaN();
    assertThat(empty.stddev()).isNaN();
    assertThat(empty.min()).isNaN();
    assertThat(empty.max()).isNaN();
    assertThat(empty.isConstant()).isFalse();

    Moments one = new Moments();
    one.add(4.5, 1);
    assertThat(one.mean()).isEqualTo(4.5);
    assertThat(one.stddev()).isNaN();
    assertThat(one.skewness()).isNaN();
    assertThat(one.isConstant()).isTrue();

    Moments zeros = new Moments();
    zeros.addAll(new double[] {0, Double.NaN, 0, 0}, 0, 4);
    assertThat(zeros.count()).isEqualTo(3);
    assertThat(zeros.zeros()).isEqualTo(3);
    assertThat(zeros.stddev()).isZero();
    assertThat(zeros.skewness()).as("undefined with zero variance").isNaN();
    assertThat(zeros.excessKurtosis()).isNaN();
    assertThat(zeros.isConstant()).isTrue();
  }

  @Test
  void aSliceWhoseSumOverflowsIsAddedValueByValue() {
    double[] cells = {1e308, 1.5e308, Double.NaN, 0, 1.7e308};
    Moments slice = new Moments();
    slice.addAll(cells, 0, cells.length);
    assertSameFigures(slice, oneByOne(cells));
    assertThat(slice.max()).isEqualTo(1.7e308);
    assertThat(slice.zeros()).isEqualTo(1);
  }

  private static Moments roundTrip(Moments m) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    m.writeTo(new DataOutputStream(bytes));
    assertThat(bytes.size()).as("two longs and six doubles").isEqualTo(64);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    Moments read = Moments.readFrom(in);
    assertThat(in.read()).as("everything written was read").isEqualTo(-1);
    return read;
  }

  @Test
  void roundTripKeepsEveryFigureAndKeepsAccumulating() throws IOException {
    Moments m = inSlices(column(5, 5_000), 300);
    Moments read = roundTrip(m);
    assertSameFigures(read, m);

    double[] more = column(6, 700);
    read.addAll(more, 0, more.length);
    m.addAll(more, 0, more.length);
    assertSameFigures(read, m);

    assertSameFigures(roundTrip(new Moments()), new Moments());
  }
}
