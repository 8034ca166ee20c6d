package org.skewcheck.validation.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.memory.Memory;

/**
 * The categorical side of a {@link ColumnStats}, which creates it on the column's first text cell:
 * how often each value occurs (a frequent-items sketch over text and, as their {@link
 * #canonical} strings, numbers) and how many distinct text values there are ({@link DistinctCount}).
 *
 * <p>The frequent-items sketch is exact (every value, exact counts) while the column has at most
 * {@link #EXACT_VALUES} distinct values; past that it keeps the most frequent ones, each count
 * off by at most {@link #maximumError()}. Mergeable; a merge never changes its argument.
 *
 * <pre>{@code
 * Categories c = new Categories();
 * c.addText("red", 1); c.addNumber(3, 2);
 * c.count("3");   // 2
 * }</pre>
 */
public final class Categories {
  /** The frequent-items map size: DataSketches keeps 0.75 of it, so counts are exact up to 768 values. */
  static final int MAP_SIZE = 1024;
  /** Distinct values counted exactly. */
  public static final int EXACT_VALUES = MAP_SIZE * 3 / 4;
  /** Longer category values are kept {@link #bounded}. */
  public static final int MAX_VALUE_CHARS = 200;
  private static final ArrayOfStringsSerDe SERDE = new ArrayOfStringsSerDe();

  private ItemsSketch<String> items = new ItemsSketch<>(MAP_SIZE);
  private DistinctCount textDistinct = new DistinctCount();

  /**
   * The category a number falls in: an integer without a decimal point ({@code 3}, {@code -12}),
   * any other value as Java's shortest round-tripping decimal ({@code 1.5}, {@code 1.0E-4}).
   */
  public static String canonical(double x) {
    return Numbers.plain(x);
  }

  /** Counts {@code n} occurrences of a text value (past {@link #MAX_VALUE_CHARS}, as its {@link #bounded} form). */
  public void addText(String value, long n) {
    String v = bounded(value);
    items.update(v, n);
    textDistinct.add(v);
  }

  /**
   * A category value as profiles and reports keep it: as it is up to {@link #MAX_VALUE_CHARS}
   * characters; a longer one is cut to that length, ending with its full length and a hash of the
   * whole, so two long values stay two categories while neither the sketch nor a report holds
   * megabytes of one cell. {@code bounded(bounded(v)) == bounded(v)}.
   */
  public static String bounded(String value) {
    if (value.length() <= MAX_VALUE_CHARS) {
      return value;
    }
    long h = 1125899906842597L;
    for (int i = 0; i < value.length(); i++) {
      h = 31 * h + value.charAt(i);
    }
    String suffix = "… (" + value.length() + " chars, #" + String.format("%016x", h) + ")";
    // cut to MAX_VALUE_CHARS in all, so a bounded value is bounded already: categories read back
    // from a profile or a report can be looked up again
    return value.substring(0, MAX_VALUE_CHARS - suffix.length()) + suffix;
  }

  /** Counts {@code n} occurrences of a number, as its {@link #canonical} category. */
  public void addNumber(double x, long n) {
    items.update(canonical(x), n);
  }

  /** Counts the numbers of {@code v[from, to)}, NaN (missing) cells skipped, the zeros as one run. */
  void addNumbers(double[] v, int from, int to) {
    long zeroRun = 0;
    for (int i = from; i < to; i++) {
      double x = v[i];
      if (x == 0) {
        zeroRun++;
      } else if (!Double.isNaN(x)) {
        addNumber(x, 1);
      }
    }
    if (zeroRun > 0) {
      addNumber(0.0, zeroRun);
    }
  }

  /** Folds {@code other} into this one; {@code other} must not be this. */
  public void merge(Categories other) {
    if (other == this) {
      throw new IllegalArgumentException("cannot merge Categories into itself");
    }
    items.merge(other.items);
    textDistinct.merge(other.textDistinct);
  }

  /** Whether every value and its count is known exactly (no more than {@link #EXACT_VALUES} values). */
  public boolean exact() {
    return items.getMaximumError() == 0;
  }

  /** The most a count may be under- or overstated; 0 while {@link #exact()}. */
  public long maximumError() {
    return items.getMaximumError();
  }

  /** The estimated count of {@code value}; 0 when the sketch does not hold it. */
  public long count(String value) {
    return items.getEstimate(bounded(value));
  }

  /** Distinct values the sketch holds (all of them while {@link #exact()}). */
  public int valuesHeld() {
    return items.getNumActiveItems();
  }

  /** The estimated number of distinct text values (numbers not included). */
  public double textDistinct() {
    return textDistinct.estimate();
  }

  /**
   * Up to {@code limit} values by estimated count, highest first, ties by value, so the order is
   * stable: all values while {@link #exact()}, else those that may be frequent.
   */
  public List<ValueCount> top(int limit) {
    List<ValueCount> out = new ArrayList<>();
    for (ItemsSketch.Row<String> row : items.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)) {
      out.add(new ValueCount(row.getItem(), row.getEstimate()));
    }
    out.sort(ValueCount.BY_COUNT);
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
  }

  void writeTo(DataOutput out) throws IOException {
    SketchBytes.write(out, items.toByteArray(SERDE));
    textDistinct.writeTo(out);
  }

  static Categories readFrom(DataInput in) throws IOException {
    Categories c = new Categories();
    c.items = ItemsSketch.getInstance(Memory.wrap(SketchBytes.read(in)), SERDE);
    c.textDistinct = DistinctCount.readFrom(in);
    return c;
  }

  /**
   * One value and its (estimated) count.
   *
   * <pre>{@code
   * new ValueCount("red", 42)
   * }</pre>
   */
  public record ValueCount(String value, long count) {
    /** Highest count first, then by value. */
    public static final Comparator<ValueCount> BY_COUNT =
        Comparator.comparingLong((ValueCount v) -> -v.count).thenComparing(ValueCount::value);
  }
}
