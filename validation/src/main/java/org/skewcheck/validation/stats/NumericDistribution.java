package org.skewcheck.validation.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.apache.datasketches.quantilescommon.QuantilesDoublesSketchIterator;

/**
 * How a column's numbers spread over their values, the part of a {@link ColumnStats} that answers
 * quantiles and counts up to a value: exact {@link ValueCounts} while the column has at most {@link
 * ValueCounts#CAPACITY} distinct numbers (one-hot columns stay exact and tiny), then a KLL quantile
 * sketch that takes over their values. Once the sketch took over, a {@link DistinctCount}
 * estimates the distinct numbers while every number is an integer (ids and timestamps are
 * integers; a continuous measurement's distinct count says nothing and would cost an update per
 * value).
 *
 * <p>Reading never changes what is written. DataSketches sorts a heap sketch's first level in place
 * on its first read, which changes its serialized bytes, and the checks read the very accumulators
 * that the train profile saves afterwards. So the updatable sketch is only updated, merged into and
 * serialized; every read (quantiles, ranks, the values a merge or the categories take) goes through
 * a read-only view over the serialized bytes that {@link #writeTo} writes. Runners copy
 * accumulators through their coder (the DirectRunner on every access to its state), so a decoded
 * sketch stays in its bytes until it is read or updated.
 */
final class NumericDistribution {
  /**
   * KLL accuracy parameter: normalized rank error about 0.28% for a single rank, 0.36% for a
   * distribution (99% confidence). DataSketches' default of 200 (1.33% / 1.65%) moved PSI by up to
   * 0.04 between two profiles of the same data, more than the drift measures' 0.02 tolerance; 1000
   * costs about 23 KB per sketched column at a million values (5 KB at 200) and on Joot-sized data
   * about 5% more run time.
   */
  static final int SKETCH_K = 1000;

  /** Exact counts while there are few distinct values; null once the sketch took over. */
  private ValueCounts exact = new ValueCounts();
  /** The sketch that is updated; null while {@link #exact} counts, and while decoded bytes were not updated. */
  private KllDoublesSketch sketch;
  /** The serialized form of the current sketch; null from an update until it is read or written. */
  private byte[] sketchBytes;
  /** The read-only view over {@link #sketchBytes} that every read goes through; null until read. */
  private KllDoublesSketch readView;
  /** Whether any number was not an integer. */
  private boolean fractional;
  /** Distinct numbers once the sketch took over, while every number is an integer; else null. */
  private DistinctCount distinct;

  /** Counts {@code n} copies of the finite value {@code x}. */
  void add(double x, long n) {
    if (!fractional && x != Math.rint(x)) {
      markFractional();
    }
    count(x, n);
  }

  /**
   * Counts the values of {@code v[from, to)}, NaN (missing) cells skipped: one at a time while the
   * counts are exact, the rest in one bulk update of the sketch, and the zeros as one run.
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
      double[] bulk = new double[to - i];
      int k = 0;
      boolean anyFraction = false;
      for (; i < to; i++) {
        double x = v[i];
        if (x == 0) {
          zeroRun++;
        } else if (!Double.isNaN(x)) {
          bulk[k++] = x;
          anyFraction |= x != Math.rint(x);
        }
      }
      if (anyFraction) {
        markFractional();
      }
      updatable().update(bulk, 0, k);
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
    updatable().merge(other.readView());
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
    KllDoublesSketch s = updatable();
    // DataSketches' weighted update builds and merges a temporary sketch: the plain one is a
    // hundred times cheaper, and most values come one at a time.
    if (n == 1) {
      s.update(x);
    } else {
      s.update(x, n);
    }
    return true;
  }

  /** Replaces the exact counts by a sketch holding the same values. */
  private void switchToSketch() {
    sketch = KllDoublesSketch.newHeapInstance(SKETCH_K);
    sketchBytes = null;
    readView = null;
    distinct = fractional ? null : new DistinctCount();
    for (int i = 0; i < exact.size(); i++) {
      sketch.update(exact.value(i), exact.count(i));
      if (distinct != null) {
        distinct.add(exact.value(i));
      }
    }
    exact = null;
  }

  /** The sketch, about to change: decoded from its bytes if need be; its bytes and read view are dropped. */
  private KllDoublesSketch updatable() {
    if (sketch == null) {
      sketch = KllDoublesSketch.heapify(Memory.wrap(sketchBytes));
    }
    sketchBytes = null;
    readView = null;
    return sketch;
  }

  /** The current sketch's bytes, serialized on first use after a change. */
  private byte[] serialized() {
    if (sketchBytes == null) {
      sketchBytes = sketch.toByteArray();
    }
    return sketchBytes;
  }

  /** The read-only view over the sketch's bytes that every read goes through; only once {@link #exact} is null. */
  private KllDoublesSketch readView() {
    if (readView == null) {
      readView = KllDoublesSketch.wrap(Memory.wrap(serialized()));
    }
    return readView;
  }

  /** The value at normalized rank {@code rank} (0..1), inclusive; NaN when there is none. */
  double quantile(double rank) {
    return exact != null ? exact.quantile(rank, exact.total()) : readView().getQuantile(rank,
        QuantileSearchCriteria.INCLUSIVE);
  }

  /** How many values equal {@code v}: exact, or estimated from the sketch's ranks. */
  double countOf(double v) {
    if (exact != null) {
      return exact.countOf(v);
    }
    KllDoublesSketch s = readView();
    double mass = s.getRank(v, QuantileSearchCriteria.INCLUSIVE) - s.getRank(v, QuantileSearchCriteria.EXCLUSIVE);
    return mass * s.getN();
  }

  /** How many values are at most {@code x} ({@code inclusive}) or below it: exact, or the sketch's rank times the count. */
  double countUpTo(double x, boolean inclusive) {
    if (exact != null) {
      return exact.countUpTo(x, inclusive);
    }
    KllDoublesSketch s = readView();
    return s.getRank(x, inclusive ? QuantileSearchCriteria.INCLUSIVE : QuantileSearchCriteria.EXCLUSIVE) * s.getN();
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

  /** Adds the numbers to {@code target}: exactly while counted exactly, else the sketch's retained values with their weights. */
  void addTo(Categories target) {
    if (exact != null) {
      for (int i = 0; i < exact.size(); i++) {
        target.addNumber(exact.value(i), exact.count(i));
      }
      return;
    }
    QuantilesDoublesSketchIterator it = readView().iterator();
    while (it.next()) {
      target.addNumber(it.getQuantile(), it.getWeight());
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
