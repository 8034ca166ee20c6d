package org.skewcheck.validation.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.apache.datasketches.quantilescommon.QuantilesUtil;

/**
 * Exact counts of a column's distinct numeric values, for at most {@link #CAPACITY} of them.
 *
 * <p>One-hot and flag columns — most of a wide feature table — never need more, so their counts,
 * quantiles and "constant at v with train frequency f" stay exact and cost a few bytes instead of
 * a sketch.
 */
public final class ValueCounts {
  /** How many distinct values are tracked exactly. */
  public static final int CAPACITY = 16;

  private double[] values = new double[2];
  private long[] counts = new long[2];
  private int size;

  /**
   * Counts {@code n} occurrences of {@code v}, unless that would make more than {@link #CAPACITY}
   * distinct values.
   *
   * @return false, changing nothing, when {@code v} is new and the capacity is used up
   */
  public boolean tryAdd(double v, long n) {
    for (int i = 0; i < size; i++) {
      if (values[i] == v) {
        counts[i] += n;
        return true;
      }
    }
    if (size == CAPACITY) {
      return false;
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, Math.min(CAPACITY, size * 2));
      counts = Arrays.copyOf(counts, values.length);
    }
    values[size] = v;
    counts[size] = n;
    size++;
    return true;
  }

  /** The number of distinct values. */
  public int size() {
    return size;
  }

  /** The sum of the counts. */
  public long total() {
    long total = 0;
    for (int i = 0; i < size; i++) {
      total += counts[i];
    }
    return total;
  }

  /** The i-th value, in first-seen order. */
  public double value(int i) {
    return values[i];
  }

  /** The i-th value's count. */
  public long count(int i) {
    return counts[i];
  }

  /** The count of {@code v} (0 when never seen). */
  public long countOf(double v) {
    for (int i = 0; i < size; i++) {
      if (values[i] == v) {
        return counts[i];
      }
    }
    return 0;
  }

  /** How many counted values are at most {@code x} ({@code inclusive}) or below it. */
  public long countUpTo(double x, boolean inclusive) {
    long total = 0;
    for (int i = 0; i < size; i++) {
      if (inclusive ? values[i] <= x : values[i] < x) {
        total += counts[i];
      }
    }
    return total;
  }

  /** The distinct values in ascending order. */
  public double[] sortedValues() {
    double[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    return sorted;
  }

  /**
   * The smallest value whose cumulative share of {@code total} reaches {@code rank} (the same
   * inclusive convention as the quantile sketch).
   */
  public double quantile(double rank, long total) {
    double[] sorted = sortedValues();
    // The sketch's own natural rank: rank * total rounded before the ceiling, so that 0.07 * 100
    // (7.000000000000001 in floating point) asks for 7 values, as it does in sketch mode.
    double target = QuantilesUtil.getNaturalRank(rank, total, QuantileSearchCriteria.INCLUSIVE);
    long cumulative = 0;
    for (double v : sorted) {
      cumulative += countOf(v);
      if (cumulative >= target) {
        return v;
      }
    }
    return size == 0 ? Double.NaN : sorted[size - 1];
  }

  void writeTo(DataOutput out) throws IOException {
    out.writeByte(size);
    for (int i = 0; i < size; i++) {
      out.writeDouble(values[i]);
      out.writeLong(counts[i]);
    }
  }

  static ValueCounts readFrom(DataInput in) throws IOException {
    ValueCounts vc = new ValueCounts();
    int n = in.readByte();
    for (int i = 0; i < n; i++) {
      double v = in.readDouble();
      vc.tryAdd(v, in.readLong());
    }
    return vc;
  }
}
