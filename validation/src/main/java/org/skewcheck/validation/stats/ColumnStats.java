package org.skewcheck.validation.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * The mergeable profile of one column in one dataset: its numbers' {@link Moments} (counts,
 * extremes, the first four moments), their {@link NumericDistribution} (exact value counts while
 * the column has few distinct values, then a DDSketch of relative accuracy 0.1%; a distinct count of integers),
 * and the count of its present values that are not numbers. Missing cells are not counted here: a
 * column's missing count is the dataset's row count minus {@link #count()} and {@link
 * #nonNumeric()}, which also covers files that lack the column altogether.
 *
 * <p>A column that sees text is categorical: on its first text cell it creates its {@link
 * Categories} (value counts over text and numbers), so numeric columns never pay for them.
 *
 * <p>No read changes what {@link #writeTo} writes (see {@link NumericDistribution}): the checks
 * read the accumulators that the train profile saves afterwards. Reads cache what they decode, so
 * a ColumnStats is not safe for concurrent readers.
 *
 * <pre>{@code
 * ColumnStats s = new ColumnStats();
 * s.add(0.0); s.add(3.5); s.addText("n/a?");
 * s.mean();          // 1.75
 * s.topValues(10);   // [{0, 1}, {3.5, 1}, {n/a?, 1}]
 * }</pre>
 */
public final class ColumnStats {
  private final Moments moments;
  private long nonNumeric;
  private final NumericDistribution numbers;
  /** Null until the first text cell. */
  private Categories categories;

  public ColumnStats() {
    this(new Moments(), 0, new NumericDistribution(), null);
  }

  private ColumnStats(Moments moments, long nonNumeric, NumericDistribution numbers, Categories categories) {
    this.moments = moments;
    this.nonNumeric = nonNumeric;
    this.numbers = numbers;
    this.categories = categories;
  }

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
    moments.add(x, n);
    numbers.add(x, n);
    if (categories != null) {
      categories.addNumber(x, n);
    }
  }

  /**
   * Adds the values of {@code v[from, to)}, skipping NaN (missing) cells: what profiling a block's
   * column does. The slice's moments are computed in two passes and merged once (Chan/Pébay), and
   * its zeros are counted as one run.
   */
  public void addAll(double[] v, int from, int to) {
    moments.addAll(v, from, to);
    numbers.addAll(v, from, to);
    if (categories != null) {
      categories.addNumbers(v, from, to);
    }
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
      numbers.addTo(categories);
    }
    return categories;
  }

  /** Folds {@code other} into this one; {@code other} is left unchanged and must not be this. */
  public void merge(ColumnStats other) {
    if (other == this) {
      throw new IllegalArgumentException("cannot merge a ColumnStats into itself");
    }
    nonNumeric += other.nonNumeric;
    mergeCategories(other);
    moments.merge(other.moments);
    numbers.merge(other.numbers);
  }

  /** Folds {@code other}'s categories (or its numbers, when it has none) into this one's, when either has any. */
  private void mergeCategories(ColumnStats other) {
    if (categories == null && other.categories == null) {
      return;
    }
    if (other.categories != null) {
      categories().merge(other.categories);
    } else {
      other.numbers.addTo(categories);
    }
  }

  public long count() {
    return moments.count();
  }

  public long nonNumeric() {
    return nonNumeric;
  }

  public long zeros() {
    return moments.zeros();
  }

  /** Arithmetic mean of the numeric values; NaN when there are none. */
  public double mean() {
    return moments.mean();
  }

  /** Sample standard deviation (n − 1); NaN below two values. */
  public double stddev() {
    return moments.stddev();
  }

  /** Sample skewness g1 = √n·M3 / M2^1.5; NaN when undefined. */
  public double skewness() {
    return moments.skewness();
  }

  /** Excess kurtosis g2 = n·M4 / M2² − 3; NaN when undefined. */
  public double excessKurtosis() {
    return moments.excessKurtosis();
  }

  public double min() {
    return moments.min();
  }

  public double max() {
    return moments.max();
  }

  /** Whether every numeric value is the same (and there is at least one). */
  public boolean isConstant() {
    return moments.isConstant();
  }

  /**
   * The value at normalized rank {@code rank} (0..1): exact with few distinct values, else the
   * value of the sketch's bucket, within 0.1% of the data's; an integer column's rounded to an
   * integer, and never outside the column's range. NaN when empty.
   */
  public double quantile(double rank) {
    double q = numbers.quantile(rank);
    if (numbers.isExact() || Double.isNaN(q)) {
      return q;
    }
    return Math.min(max(), Math.max(min(), integral() ? Math.rint(q) : q));
  }

  /**
   * How many numeric values equal {@code v}: exact while the column has few distinct values, else
   * the count of the sketch's bucket that holds {@code v}.
   */
  public double countOf(double v) {
    return numbers.countOf(v);
  }

  /**
   * How many numeric values are at most {@code x}: exact while the column keeps exact value counts,
   * else the counts of the sketch's buckets up to the one that holds {@code x}. The cumulative
   * distribution the drift measures bin and compare.
   */
  public double countAtMost(double x) {
    return numbers.countUpTo(x, true);
  }

  /** How many numeric values are strictly below {@code x}; exact or from the sketch as {@link #countAtMost}. */
  public double countBelow(double x) {
    return numbers.countUpTo(x, false);
  }

  /** The distinct numeric values in ascending order while they are counted exactly, else null. */
  public double[] exactValues() {
    return numbers.exactValues();
  }

  /** Exact distinct count while it is at most {@link ValueCounts#CAPACITY}, else -1. */
  public int distinctNumeric() {
    return numbers.exactDistinct();
  }

  /** Whether every number is an integer (true when there is none). */
  public boolean integral() {
    return numbers.integral();
  }

  /** Whether the column has any text value, which makes it categorical. */
  public boolean hasText() {
    return nonNumeric > 0;
  }

  /** Present values: numbers and text. */
  public long present() {
    return count() + nonNumeric;
  }

  /**
   * Distinct present values, numbers and text: exact while every value is counted exactly, else
   * an estimate (relative standard error about 1.6%); NaN when unknown (more than {@link
   * ValueCounts#CAPACITY} numbers that are not all integers).
   */
  public double distinct() {
    if (valuesExact()) {
      return categories == null ? numbers.exactDistinct() : categories.valuesHeld();
    }
    return categories == null ? numbers.distinct() : numbers.distinct() + categories.textDistinct();
  }

  /** Whether every present value and its count is known exactly (see {@link #topValues}). */
  public boolean valuesExact() {
    return numbers.isExact() && (categories == null || categories.exact());
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
    List<Categories.ValueCount> out = numbers.exactCounts();
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
    return count() > 0 && Categories.canonical(x).equals(value) ? countOf(x) : 0;
  }

  /**
   * Writes the complete state (sketches included) in a compact, versionless binary form: the
   * moments, the count of text values, the numbers' distribution, then whether there are
   * categories and, if so, their sketches.
   */
  public void writeTo(DataOutput out) throws IOException {
    moments.writeTo(out);
    out.writeLong(nonNumeric);
    numbers.writeTo(out);
    out.writeBoolean(categories != null);
    if (categories != null) {
      categories.writeTo(out);
    }
  }

  /** Reads what {@link #writeTo} wrote. */
  public static ColumnStats readFrom(DataInput in) throws IOException {
    Moments moments = Moments.readFrom(in);
    long nonNumeric = in.readLong();
    NumericDistribution numbers = NumericDistribution.readFrom(in);
    Categories categories = in.readBoolean() ? Categories.readFrom(in) : null;
    return new ColumnStats(moments, nonNumeric, numbers, categories);
  }
}
