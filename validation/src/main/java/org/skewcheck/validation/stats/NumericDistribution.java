package org.skewcheck.validation.stats;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.mapping.CubicallyInterpolatedMapping;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;
import com.datadoghq.sketch.ddsketch.store.Bin;
import com.datadoghq.sketch.ddsketch.store.PaginatedStore;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.apache.datasketches.quantilescommon.QuantilesUtil;

/**
 * How a column's numbers spread over their values, the part of a {@link ColumnStats} that answers
 * quantiles and counts up to a value: exact {@link ValueCounts} while the column has at most {@link
 * ValueCounts#CAPACITY} distinct numbers (one-hot columns stay exact and tiny), then a DDSketch
 * that takes over their values. Once the sketch took over, a {@link DistinctCount} estimates the
 * distinct numbers while every number is an integer (ids and timestamps are integers; a continuous
 * measurement's distinct count says nothing and would cost an update per value).
 *
 * <p>The sketch counts values in buckets of relative width {@link #RELATIVE_ACCURACY}: every value
 * it reports is within 0.1% of the values its bucket holds. Its state is the bucket counts alone,
 * so adding and merging in any order, read whole or in ranges, on any runner, gives the same
 * sketch to the bit, and the report's figures with it (a KLL sketch, used before, compacts at
 * random and gave other quantiles and p-values on every run). Both datasets use the same buckets,
 * so counts up to a bin edge or a quantile of either side are exact for the bucketed values.
 */
final class NumericDistribution {
  /** Relative accuracy of the sketch's values. */
  static final double RELATIVE_ACCURACY = 0.001;

  /** Buckets from the bits of a double with a cubic interpolation of the logarithm: no Math.log, the same index on every JVM. */
  private static final IndexMapping MAPPING = new CubicallyInterpolatedMapping(RELATIVE_ACCURACY);
  private static final double MAX_INDEXABLE = MAPPING.maxIndexableValue();

  /** Exact counts while there are few distinct values; null once the sketch took over. */
  private ValueCounts exact = new ValueCounts();
  /** The bucket counts; null while {@link #exact} counts, and while decoded bytes were not used. */
  private DDSketch sketch;
  /** The sketch's encoded form; null from a change until it is written. */
  private byte[] sketchBytes;
  /** Whether any number was not an integer. */
  private boolean fractional;
  /** Distinct numbers once the sketch took over, while every number is an integer; else null. */
  private DistinctCount distinct;
  /** The sketch's buckets for reading, built on the first read after a change; null until then. */
  private Buckets buckets;

  /** Counts {@code n} copies of the finite value {@code x}. */
  void add(double x, long n) {
    if (!fractional && x != Math.rint(x)) {
      markFractional();
    }
    count(x, n);
  }

  /**
   * Counts the values of {@code v[from, to)}, NaN (missing) cells skipped: one at a time while the
   * counts are exact, then straight into the sketch, and the zeros as one run.
   */
  void addAll(double[] v, int from, int to) {
    long zeroRun = 0;
    int i = from;
    for (; i < to && exact != null; i++) {
      double x = v[i];
      if (x == 0) {
        zeroRun++;
      } else if (!Double.isNaN(x)) {
        if (!fractional && x != Math.rint(x)) {
          markFractional();
        }
        tally(x, 1);
      }
    }
    if (i < to) {
      DDSketch s = updatable();
      boolean anyFraction = false;
      for (; i < to; i++) {
        double x = v[i];
        if (x == 0) {
          zeroRun++;
        } else if (!Double.isNaN(x)) {
          s.accept(indexable(x));
          anyFraction |= x != Math.rint(x);
        }
      }
      if (anyFraction) {
        markFractional();
      }
    }
    if (distinct != null) {
      distinct.addAll(v, from, to);
    }
    if (zeroRun > 0) {
      count(0.0, zeroRun);
    }
  }

  /** Folds {@code other} into this one; {@code other} is left unchanged and must not be this. */
  void merge(NumericDistribution other) {
    if (other.fractional) {
      markFractional();
    }
    if (other.exact != null) {
      for (int i = 0; i < other.exact.size(); i++) {
        count(other.exact.value(i), other.exact.count(i));
      }
      return;
    }
    if (exact != null) {
      switchToSketch();
    }
    DDSketch s = updatable();
    DDSketch o = other.sketch();
    // bin by bin: PaginatedStore.mergeWith (sketches-java 0.8.3) indexes past its pages when the
    // other store starts lower and ends within this one
    o.getPositiveValueStore().forEach(s.getPositiveValueStore()::add);
    o.getNegativeValueStore().forEach(s.getNegativeValueStore()::add);
    double zeros = other.zeroCount();
    if (zeros > 0) {
      s.accept(0, zeros);
    }
    if (distinct != null) {
      distinct.merge(other.distinct);
    }
  }

  private void markFractional() {
    fractional = true;
    distinct = null;
  }

  /** Counts {@code n} copies of {@code x} in the exact counts, or the sketch once they overflow, and in the distinct count. */
  private void count(double x, long n) {
    if (tally(x, n) && distinct != null) {
      distinct.add(x);
    }
  }

  /** {@link #count} without the distinct count ({@link #addAll} adds a slice's at once); whether the sketch took the value. */
  private boolean tally(double x, long n) {
    if (exact != null && !exact.tryAdd(x, n)) {
      switchToSketch();
    }
    if (exact != null) {
      return false;
    }
    updatable().accept(indexable(x), n);
    return true;
  }

  /** Replaces the exact counts by a sketch holding the same values. */
  private void switchToSketch() {
    sketch = newSketch();
    sketchBytes = null;
    buckets = null;
    distinct = fractional ? null : new DistinctCount();
    for (int i = 0; i < exact.size(); i++) {
      sketch.accept(indexable(exact.value(i)), exact.count(i));
      if (distinct != null) {
        distinct.add(exact.value(i));
      }
    }
    exact = null;
  }

  private static DDSketch newSketch() {
    return new DDSketch(MAPPING, PaginatedStore::new);
  }

  /**
   * The sketch, decoded from its bytes on first use: runners copy accumulators through their coder
   * (the DirectRunner on every access to its state), so a decoded sketch stays in its bytes until it
   * is read or changed.
   */
  private DDSketch sketch() {
    if (sketch == null) {
      sketch = newSketch();
      try {
        sketch.decodeAndMergeWith(ByteArrayInput.wrap(sketchBytes));
      } catch (IOException e) {
        throw new UncheckedIOException("a quantile sketch's bytes are damaged", e);
      }
    }
    return sketch;
  }

  /** The sketch, about to change: its bytes and buckets are dropped. */
  private DDSketch updatable() {
    DDSketch s = sketch();
    sketchBytes = null;
    buckets = null;
    return s;
  }

  /** The sketch's encoded form, encoded on first use after a change. */
  private byte[] serialized() throws IOException {
    if (sketchBytes == null) {
      GrowingByteArrayOutput bytes = GrowingByteArrayOutput.withDefaultInitialCapacity();
      sketch.encode(bytes, false);
      sketchBytes = bytes.trimmedCopy();
    }
    return sketchBytes;
  }

  /** {@code x}, or the largest magnitude the buckets reach (about 1.8e308) when it lies beyond: the sketch refuses those. */
  private static double indexable(double x) {
    return Math.max(-MAX_INDEXABLE, Math.min(MAX_INDEXABLE, x));
  }

  /** The value at normalized rank {@code rank} (0..1), inclusive; NaN when there is none. */
  double quantile(double rank) {
    if (exact != null) {
      return exact.quantile(rank, exact.total());
    }
    Buckets b = buckets();
    double target = QuantilesUtil.getNaturalRank(rank, (long) sketch().getCount(), QuantileSearchCriteria.INCLUSIVE);
    int i = Arrays.binarySearch(b.cumulative, target);
    i = i >= 0 ? i : Math.min(b.values.length - 1, -i - 1);
    while (i > 0 && b.cumulative[i - 1] >= target) {
      i--;
    }
    return b.values[i];
  }

  /** How many values equal {@code v}: exact, or the count of {@code v}'s bucket. */
  double countOf(double v) {
    if (exact != null) {
      return exact.countOf(v);
    }
    Buckets b = buckets();
    int i = Arrays.binarySearch(b.values, bucketValue(v));
    return i < 0 ? 0 : b.cumulative[i] - (i == 0 ? 0 : b.cumulative[i - 1]);
  }

  /**
   * How many values are at most {@code x} ({@code inclusive}) or below it: exact, or the counts of
   * the buckets below {@code x}'s, and with {@code inclusive} of {@code x}'s bucket too.
   */
  double countUpTo(double x, boolean inclusive) {
    if (exact != null) {
      return exact.countUpTo(x, inclusive);
    }
    Buckets b = buckets();
    int i = Arrays.binarySearch(b.values, bucketValue(x));
    // the buckets before i (and i itself when it is x's bucket and inclusive) count
    int upTo = i >= 0 ? (inclusive ? i + 1 : i) : -i - 1;
    return upTo == 0 ? 0 : b.cumulative[upTo - 1];
  }

  /** The value the sketch reports for {@code x}'s bucket: 0 for the zero bucket. */
  private static double bucketValue(double x) {
    double magnitude = Math.abs(indexable(x));
    if (magnitude <= MAPPING.minIndexableValue()) {
      return 0;
    }
    double v = MAPPING.value(MAPPING.index(magnitude));
    return x > 0 ? v : -v;
  }

  /** The count of the zero bucket: exact zeros and magnitudes too small to index (subnormals). */
  private double zeroCount() {
    DDSketch s = sketch();
    return s.getCount() - s.getPositiveValueStore().getTotalCount() - s.getNegativeValueStore().getTotalCount();
  }

  /** The sketch's buckets, values ascending, with their cumulative counts. */
  private record Buckets(double[] values, double[] cumulative) {}

  private Buckets buckets() {
    if (buckets == null) {
      List<Bin> negative = new ArrayList<>();
      sketch().getNegativeValueStore().getDescendingIterator().forEachRemaining(negative::add);
      List<Bin> positive = new ArrayList<>();
      sketch().getPositiveValueStore().getAscendingIterator().forEachRemaining(positive::add);
      double zeros = zeroCount();
      int n = negative.size() + (zeros > 0 ? 1 : 0) + positive.size();
      double[] values = new double[n];
      double[] cumulative = new double[n];
      int k = 0;
      double total = 0;
      for (Bin bin : negative) {
        values[k] = -MAPPING.value(bin.getIndex());
        total += bin.getCount();
        cumulative[k++] = total;
      }
      if (zeros > 0) {
        values[k] = 0;
        total += zeros;
        cumulative[k++] = total;
      }
      for (Bin bin : positive) {
        values[k] = MAPPING.value(bin.getIndex());
        total += bin.getCount();
        cumulative[k++] = total;
      }
      buckets = new Buckets(values, cumulative);
    }
    return buckets;
  }

  /** Whether the counts are exact (the sketch has not taken over). */
  boolean isExact() {
    return exact != null;
  }

  /** The distinct values in ascending order while counted exactly, else null. */
  double[] exactValues() {
    return exact == null ? null : exact.sortedValues();
  }

  /** The number of distinct values while counted exactly, else -1. */
  int exactDistinct() {
    return exact == null ? -1 : exact.size();
  }

  /** Distinct values: exact, else estimated while every number is an integer, else NaN. */
  double distinct() {
    return exact != null ? exact.size() : distinct != null ? distinct.estimate() : Double.NaN;
  }

  /** Whether every number is an integer (true when there is none). */
  boolean integral() {
    return !fractional;
  }

  /** The exactly counted values as categories ({@link Categories#canonical} strings) in first-seen order; empty once the sketch took over. */
  List<Categories.ValueCount> exactCounts() {
    List<Categories.ValueCount> out = new ArrayList<>();
    if (exact != null) {
      for (int i = 0; i < exact.size(); i++) {
        out.add(new Categories.ValueCount(Categories.canonical(exact.value(i)), exact.count(i)));
      }
    }
    return out;
  }

  /** Adds the numbers to {@code target}: exactly while counted exactly, else each bucket's value with its count. */
  void addTo(Categories target) {
    if (exact != null) {
      for (int i = 0; i < exact.size(); i++) {
        target.addNumber(exact.value(i), exact.count(i));
      }
      return;
    }
    Buckets b = buckets();
    for (int i = 0; i < b.values.length; i++) {
      target.addNumber(b.values[i], Math.round(b.cumulative[i] - (i == 0 ? 0 : b.cumulative[i - 1])));
    }
  }

  /**
   * Writes whether any number was fractional and whether the counts are exact; then the exact
   * counts, or the sketch's bytes and, when there is one, the distinct count.
   */
  void writeTo(DataOutput out) throws IOException {
    out.writeBoolean(fractional);
    out.writeBoolean(exact != null);
    if (exact != null) {
      exact.writeTo(out);
      return;
    }
    SketchBytes.write(out, serialized());
    out.writeBoolean(distinct != null);
    if (distinct != null) {
      distinct.writeTo(out);
    }
  }

  /** Reads what {@link #writeTo} wrote. */
  static NumericDistribution readFrom(DataInput in) throws IOException {
    NumericDistribution d = new NumericDistribution();
    d.fractional = in.readBoolean();
    if (in.readBoolean()) {
      d.exact = ValueCounts.readFrom(in);
      return d;
    }
    d.exact = null;
    d.sketchBytes = SketchBytes.read(in);
    if (in.readBoolean()) {
      d.distinct = DistinctCount.readFrom(in);
    }
    return d;
  }
}
