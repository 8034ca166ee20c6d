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
 * The mergeable profile of one column in one dataset.
 *
 * <p>Counts, extremes and the first four central moments (Welford's update, Chan/Pébay's merge, so
 * one worker or a thousand give the same figures to rounding), and exact
 * value counts while the column has few distinct values (then a KLL quantile sketch takes over, so
 * one-hot columns stay exact and tiny). Missing cells are not counted here: a
 * column's missing count is the dataset's row count minus {@link #count()} and {@link
 * #nonNumeric()}, which also covers files that lack the column altogether.
 *
 * <p>A column that sees text is categorical: on its first text cell it creates its {@link
 * Categories} (value counts over text and numbers), so numeric columns never pay for them. The
 * distinct count of numbers is exact while the value counts are; past that, a {@link DistinctCount} estimates
 * it for integer columns (ids and timestamps are integers; a continuous measurement's distinct
 * count says nothing and would cost an update per value).
 *
 * <pre>{@code
 * ColumnStats s = new ColumnStats();
 * s.add(0.0); s.add(3.5); s.addText("n/a?");
 * s.mean();          // 1.75
 * s.topValues(10);   // [{0, 1}, {3.5, 1}, {n/a?, 1}]
 * }</pre>
 */
public final class ColumnStats {
  /**
   * KLL accuracy parameter: normalized rank error about 0.28% for a single rank, 0.36% for a
   * distribution (99% confidence). DataSketches' default of 200 (1.33% / 1.65%) moved PSI by up to
   * 0.04 between two profiles of the same data, more than the drift measures' 0.02 tolerance; 1000
   * costs about 23 KB per sketched column at a million values (5 KB at 200) and on Joot-sized data
   * about 5% more run time.
   */
  public static final int SKETCH_K = 1000;

  private long count;
  private long nonNumeric;
  private long zeros;
  private double mean;
  private double m2;
  private double m3;
  private double m4;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  /** Exact counts while there are few distinct values; null once {@link #sketch} took over. */
  private ValueCounts values = new ValueCounts();
  /**
   * Null while {@link #values} is exact, and while a decoded sketch has not been read yet: runners
   * copy accumulators through their coder (the DirectRunner on every access to its state), so a
   * decoded sketch stays in {@link #sketchBytes} until it is needed.
   */
  private KllDoublesSketch sketch;
  /** The serialized form of the current sketch, when known; null once the sketch changes. */
  private byte[] sketchBytes;
  /** Whether any number was not an integer. */
  private boolean fractional;
  /** Distinct numbers once {@link #sketch} took over, while every number is an integer; else null. */
  private DistinctCount numericDistinct;
  /** Null until the first text cell. */
  private Categories categories;

  /** Adds one finite numeric value. */
  public void add(double x) {
    add(x, 1);
  }

  /**
   * Adds {@code n} copies of the finite value {@code x}: the moments merge a constant block, so a
   * sparse column's run of zeros costs one update instead of one per cell.
   */
  public void add(double x, long n) {
    if (n <= 0) {
      return;
    }
    double na = count;
    double total = na + n;
    double delta = x - mean;
    double d2 = delta * delta;
    m4 += d2 * d2 * na * n * (na * na - na * n + (double) n * n) / (total * total * total)
        + 6 * d2 * ((double) n * n * m2) / (total * total)
        - 4 * delta * n * m3 / total;
    m3 += d2 * delta * na * n * (na - n) / (total * total) - 3 * delta * n * m2 / total;
    m2 += d2 * na * n / total;
    mean += delta * n / total;
    count += n;
    if (x == 0) {
      zeros += n;
    }
    if (x < min) {
      min = x;
    }
    if (x > max) {
      max = x;
    }
    if (!fractional && x != Math.rint(x)) {
      fractional = true;
      numericDistinct = null;
    }
    count(x, n);
    if (categories != null) {
      categories.addNumber(x, n);
    }
  }

  /**
   * Adds the values of {@code v[from, to)}, skipping NaN (missing) cells: what profiling a block's
   * column does. The slice's moments are computed in two passes and merged once (Chan/Pébay), which
   * is both faster and more accurate than a Welford update per value; zeros are counted as one run.
   */
  public void addAll(double[] v, int from, int to) {
    addAll(v, from, to, null);
  }

  /**
   * {@link #addAll(double[], int, int)}, also adding in the same pass, per row (indexes from {@code
   * from}), its numbers, non-zero numbers, their sum and their ln |x|: what {@link PrefixStats}
   * counts rows with and builds its row aggregates from.
   */
  void addAll(double[] v, int from, int to, RowTallies rows) {
    long n = 0;
    long zeroRun = 0;
    double sum = 0;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    boolean anyFraction = false;
    for (int i = from; i < to; i++) {
      double x = v[i];
      if (Double.isNaN(x)) {
        continue;
      }
      n++;
      sum += x;
      if (x == 0) {
        zeroRun++;
      }
      if (rows != null) {
        rows.add(i - from, x);
      }
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
      anyFraction |= x != Math.rint(x);
    }
    if (n == zeroRun) {
      // nothing but zeros (most slices of a one-hot column): one run
      add(0.0, zeroRun);
      return;
    }
    if (!Double.isFinite(sum)) {
      for (int i = from; i < to; i++) {
        if (!Double.isNaN(v[i])) {
          add(v[i]);
        }
      }
      return;
    }
    double blockMean = sum / n;
    double b2 = 0;
    double b3 = 0;
    double b4 = 0;
    for (int i = from; i < to; i++) {
      double x = v[i];
      if (!Double.isNaN(x)) {
        double d = x - blockMean;
        double d2 = d * d;
        b2 += d2;
        b3 += d2 * d;
        b4 += d2 * d2;
      }
    }
    mergeMoments(n, blockMean, b2, b3, b4);
    zeros += zeroRun;
    min = Math.min(min, lo);
    max = Math.max(max, hi);
    if (anyFraction && !fractional) {
      fractional = true;
      numericDistinct = null;
    }
    int i = from;
    // value by value while the counts are exact (or categories count numbers too) ...
    for (; i < to && (values != null || categories != null); i++) {
      double x = v[i];
      if (x != 0 && !Double.isNaN(x)) {
        tally(x, 1);
        if (categories != null) {
          categories.addNumber(x, 1);
        }
      }
    }
    // ... and, once the sketch has taken over, the rest of the slice in one bulk update
    if (i < to) {
      double[] bulk = new double[to - i];
      int k = 0;
      for (; i < to; i++) {
        double x = v[i];
        if (x != 0 && !Double.isNaN(x)) {
          bulk[k++] = x;
        }
      }
      sketchForUpdate().update(bulk, 0, k);
    }
    if (numericDistinct != null) {
      numericDistinct.addAll(v, from, to);
    }
    if (zeroRun > 0) {
      count(0.0, zeroRun);
      if (categories != null) {
        categories.addNumber(0.0, zeroRun);
      }
    }
  }

  /** Folds the moments of {@code nb} values with these mean and central sums into this column's (Chan/Pébay). */
  private void mergeMoments(long nb, double meanB, double m2b, double m3b, double m4b) {
    if (nb == 0) {
      return;
    }
    if (count == 0) {
      count = nb;
      mean = meanB;
      m2 = m2b;
      m3 = m3b;
      m4 = m4b;
      return;
    }
    double na = count;
    double n = na + nb;
    double delta = meanB - mean;
    double d2 = delta * delta;
    double newM4 = m4 + m4b
        + d2 * d2 * na * nb * (na * na - na * nb + (double) nb * nb) / (n * n * n)
        + 6 * d2 * (na * na * m2b + (double) nb * nb * m2) / (n * n)
        + 4 * delta * (na * m3b - nb * m3) / n;
    double newM3 = m3 + m3b
        + d2 * delta * na * nb * (na - nb) / (n * n)
        + 3 * delta * (na * m2b - nb * m2) / n;
    m2 = m2 + m2b + d2 * na * nb / n;
    m3 = newM3;
    m4 = newM4;
    mean += delta * nb / n;
    count += nb;
  }

  /** Records {@code n} copies of {@code x} in the value counts, or the sketch once they overflow, and in the distinct count. */
  private void count(double x, long n) {
    if (tally(x, n) && numericDistinct != null) {
      numericDistinct.add(x);
    }
  }

  /**
   * {@link #count} without the distinct count ({@link #addAll} adds a slice's at once); whether
   * the sketch took the value.
   */
  private boolean tally(double x, long n) {
    if (values != null && !values.tryAdd(x, n)) {
      switchToSketch();
    }
    if (values != null) {
      return false;
    }
    KllDoublesSketch sketch = sketchForUpdate();
    // DataSketches' weighted update builds and merges a temporary sketch: the plain one is a
    // hundred times cheaper, and most values come one at a time.
    if (n == 1) {
      sketch.update(x);
    } else {
      sketch.update(x, n);
    }
    return true;
  }

  /** Replaces the exact value counts by a sketch holding the same values. */
  private void switchToSketch() {
    sketch = KllDoublesSketch.newHeapInstance(SKETCH_K);
    sketchBytes = null;
    numericDistinct = fractional ? null : new DistinctCount();
    for (int i = 0; i < values.size(); i++) {
      sketch.update(values.value(i), values.count(i));
      if (numericDistinct != null) {
        numericDistinct.add(values.value(i));
      }
    }
    values = null;
  }

  /** Counts one present value that is not a finite number: a category. */
  public void addText(String text) {
    addText(text, 1);
  }

  /** Counts {@code n} occurrences of a present value that is not a finite number. */
  public void addText(String text, long n) {
    nonNumeric += n;
    categories().addText(text, n);
  }

  /**
   * This column's categories, created on first use with the numbers seen so far: exactly while
   * their counts are exact, else the quantile sketch's retained values with their weights (an
   * estimate; such a column mixes text with more than {@link ValueCounts#CAPACITY} numbers).
   */
  private Categories categories() {
    if (categories == null) {
      categories = new Categories();
      addNumbersTo(categories);
    }
    return categories;
  }

  private void addNumbersTo(Categories target) {
    if (values != null) {
      for (int i = 0; i < values.size(); i++) {
        target.addNumber(values.value(i), values.count(i));
      }
    } else if (count > 0) {
      QuantilesDoublesSketchIterator it = sketch().iterator();
      while (it.next()) {
        target.addNumber(it.getQuantile(), it.getWeight());
      }
    }
  }

  /** Folds {@code other} into this one; {@code other} is left unchanged and must not be this. */
  public void merge(ColumnStats other) {
    if (other == this) {
      throw new IllegalArgumentException("cannot merge a ColumnStats into itself");
    }
    nonNumeric += other.nonNumeric;
    mergeCategories(other);
    if (other.count == 0) {
      return;
    }
    mergeMoments(other.count, other.mean, other.m2, other.m3, other.m4);
    zeros += other.zeros;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    if (other.fractional) {
      fractional = true;
      numericDistinct = null;
    }
    if (other.values != null) {
      for (int i = 0; i < other.values.size(); i++) {
        count(other.values.value(i), other.values.count(i));
      }
    } else {
      if (values != null) {
        switchToSketch();
      }
      sketchForUpdate().merge(other.sketch());
      if (numericDistinct != null) {
        numericDistinct.merge(other.numericDistinct);
      }
    }
  }

  /** Folds {@code other}'s categories (or its numbers, when it has none) into this one's, when either has any. */
  private void mergeCategories(ColumnStats other) {
    if (categories == null && other.categories == null) {
      return;
    }
    if (other.categories != null) {
      categories().merge(other.categories);
    } else {
      other.addNumbersTo(categories);
    }
  }

  public long count() {
    return count;
  }

  public long nonNumeric() {
    return nonNumeric;
  }

  public long zeros() {
    return zeros;
  }

  /** Arithmetic mean of the numeric values; NaN when there are none. */
  public double mean() {
    return count == 0 ? Double.NaN : mean;
  }

  /** Sample standard deviation (n − 1); NaN below two values. */
  public double stddev() {
    return count < 2 ? Double.NaN : Math.sqrt(m2 / (count - 1));
  }

  /** Sample skewness g1 = √n·M3 / M2^1.5; NaN when undefined. */
  public double skewness() {
    return count < 3 || m2 == 0 ? Double.NaN : Math.sqrt(count) * m3 / Math.pow(m2, 1.5);
  }

  /** Excess kurtosis g2 = n·M4 / M2² − 3; NaN when undefined. */
  public double excessKurtosis() {
    return count < 4 || m2 == 0 ? Double.NaN : count * m4 / (m2 * m2) - 3;
  }

  public double min() {
    return count == 0 ? Double.NaN : min;
  }

  public double max() {
    return count == 0 ? Double.NaN : max;
  }

  /** Whether every numeric value is the same (and there is at least one). */
  public boolean isConstant() {
    return count > 0 && min == max;
  }

  /** The value at normalized rank {@code rank} (0..1): exact with few distinct values, else from the sketch; NaN when empty. */
  public double quantile(double rank) {
    if (count == 0) {
      return Double.NaN;
    }
    return values != null ? values.quantile(rank, count) : sketch().getQuantile(rank, QuantileSearchCriteria.INCLUSIVE);
  }

  /**
   * How many numeric values equal {@code v}: exact while the column has few distinct values, else
   * estimated from the sketch's ranks.
   */
  public double countOf(double v) {
    if (values != null) {
      return values.countOf(v);
    }
    double mass = sketch().getRank(v, QuantileSearchCriteria.INCLUSIVE)
        - sketch().getRank(v, QuantileSearchCriteria.EXCLUSIVE);
    return mass * count;
  }

  /**
   * How many numeric values are at most {@code x}: exact while the column keeps exact value counts,
   * else the sketch's inclusive normalized rank of {@code x} times {@link #count()}. The cumulative
   * distribution the drift measures bin and compare.
   *
   * <p>Reading the sketch may sort its level zero in place and caches a sorted view: the figures
   * do not change, but its serialized bytes may, so never compare bytes taken before and after a
   * read. Not safe for concurrent readers.
   */
  public double countAtMost(double x) {
    return countUpTo(x, QuantileSearchCriteria.INCLUSIVE);
  }

  /** How many numeric values are strictly below {@code x}; exact or from the sketch as {@link #countAtMost}. */
  public double countBelow(double x) {
    return countUpTo(x, QuantileSearchCriteria.EXCLUSIVE);
  }

  private double countUpTo(double x, QuantileSearchCriteria criteria) {
    if (count == 0) {
      return 0;
    }
    if (values != null) {
      return values.countUpTo(x, criteria == QuantileSearchCriteria.INCLUSIVE);
    }
    return sketch().getRank(x, criteria) * count;
  }

  /** The distinct numeric values in ascending order while they are counted exactly, else null. */
  public double[] exactValues() {
    return values == null ? null : values.sortedValues();
  }

  /** Exact distinct count while it is at most {@link ValueCounts#CAPACITY}, else -1. */
  public int distinctNumeric() {
    return values == null ? -1 : values.size();
  }

  /** Whether every number is an integer (true when there is none). */
  public boolean integral() {
    return !fractional;
  }

  /** Whether the column has any text value, which makes it categorical. */
  public boolean hasText() {
    return nonNumeric > 0;
  }

  /** Present values: numbers and text. */
  public long present() {
    return count + nonNumeric;
  }

  /**
   * Distinct present values, numbers and text: exact while every value is counted exactly, else
   * an estimate (relative standard error about 1.6%); NaN when unknown (more than {@link
   * ValueCounts#CAPACITY} numbers that are not all integers).
   */
  public double distinct() {
    if (valuesExact()) {
      return categories == null ? values.size() : categories.valuesHeld();
    }
    double numbers = values != null ? values.size() : numericDistinct != null ? numericDistinct.estimate() : Double.NaN;
    return categories == null ? numbers : numbers + categories.textDistinct();
  }

  /** Whether every present value and its count is known exactly (see {@link #topValues}). */
  public boolean valuesExact() {
    return values != null && (categories == null || categories.exact());
  }

  /**
   * Up to {@code limit} present values (numbers as {@link Categories#canonical} strings) by count,
   * highest first, ties by value: exact while {@link #valuesExact()}, else estimates of the
   * frequent ones. Empty for a column of more than {@link ValueCounts#CAPACITY} numbers and no text,
   * whose values are not counted.
   */
  public List<Categories.ValueCount> topValues(int limit) {
    if (categories != null) {
      return categories.top(limit);
    }
    List<Categories.ValueCount> out = new ArrayList<>();
    if (values != null) {
      for (int i = 0; i < values.size(); i++) {
        out.add(new Categories.ValueCount(Categories.canonical(values.value(i)), values.count(i)));
      }
    }
    out.sort(Categories.ValueCount.BY_COUNT);
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
  }

  /**
   * How many present values fall in category {@code value} (a text value, or a number's {@link
   * Categories#canonical} string): exact while {@link #valuesExact()}, else an estimate.
   */
  public double countOfCategory(String value) {
    if (categories != null) {
      return categories.count(value);
    }
    double x;
    try {
      x = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return 0;
    }
    return count > 0 && Categories.canonical(x).equals(value) ? countOf(x) : 0;
  }

  /** The quantile sketch, decoded from {@link #sketchBytes} on first use; only once {@link #values} is null. */
  private KllDoublesSketch sketch() {
    if (sketch == null) {
      sketch = KllDoublesSketch.heapify(Memory.wrap(sketchBytes));
    }
    return sketch;
  }

  /** {@link #sketch()}, about to change: its serialized form is dropped. */
  private KllDoublesSketch sketchForUpdate() {
    KllDoublesSketch s = sketch();
    sketchBytes = null;
    return s;
  }

  /** Writes the complete state (sketch included) in a compact, versionless binary form. */
  public void writeTo(DataOutput out) throws IOException {
    out.writeLong(count);
    out.writeLong(nonNumeric);
    out.writeLong(zeros);
    out.writeDouble(mean);
    out.writeDouble(m2);
    out.writeDouble(m3);
    out.writeDouble(m4);
    out.writeDouble(min);
    out.writeDouble(max);
    out.writeBoolean(fractional);
    out.writeBoolean(values != null);
    if (values != null) {
      values.writeTo(out);
    } else {
      if (sketchBytes == null) {
        sketchBytes = sketch.toByteArray();
      }
      writeBytes(out, sketchBytes);
      out.writeBoolean(numericDistinct != null);
      if (numericDistinct != null) {
        numericDistinct.writeTo(out);
      }
    }
    out.writeBoolean(categories != null);
    if (categories != null) {
      categories.writeTo(out);
    }
  }

  /** A sketch's bytes, length first: how every sketch in this package's binary forms is written. */
  static void writeBytes(DataOutput out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** Reads what {@link #writeBytes} wrote. */
  static byte[] readBytes(DataInput in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return bytes;
  }

  /** Reads what {@link #writeTo} wrote. */
  public static ColumnStats readFrom(DataInput in) throws IOException {
    long count = in.readLong();
    long nonNumeric = in.readLong();
    long zeros = in.readLong();
    double mean = in.readDouble();
    double m2 = in.readDouble();
    double m3 = in.readDouble();
    double m4 = in.readDouble();
    double min = in.readDouble();
    double max = in.readDouble();
    ColumnStats s = new ColumnStats();
    s.fractional = in.readBoolean();
    if (in.readBoolean()) {
      s.values = ValueCounts.readFrom(in);
    } else {
      s.values = null;
      s.sketchBytes = readBytes(in);
      if (in.readBoolean()) {
        s.numericDistinct = DistinctCount.readFrom(in);
      }
    }
    if (in.readBoolean()) {
      s.categories = Categories.readFrom(in);
    }
    s.count = count;
    s.nonNumeric = nonNumeric;
    s.zeros = zeros;
    s.mean = mean;
    s.m2 = m2;
    s.m3 = m3;
    s.m4 = m4;
    s.min = min;
    s.max = max;
    return s;
  }
}
