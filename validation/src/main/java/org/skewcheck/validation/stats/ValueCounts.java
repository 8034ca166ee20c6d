package org.skewcheck.validation.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Exact counts of a column's distinct numeric values while there are at most {@link #CAPACITY} of
 * them; past that it only remembers that there were more.
 *
 * <p>One-hot and flag columns (most of a wide feature table) stay exact, which makes "this column is
 * constant at v, and v had frequency f in training" an exact figure rather than a sketch estimate.
 */
public final class ValueCounts {
  /** How many distinct values are tracked exactly. */
  public static final int CAPACITY = 16;

  private double[] values = new double[4];
  private long[] counts = new long[4];
  private int size;
  private boolean overflow;

  /** Counts one occurrence of {@code v} (a finite number). */
  public void add(double v) {
    add(v, 1);
  }

  /** Counts {@code n} occurrences of {@code v}. */
  public void add(double v, long n) {
    if (overflow) {
      return;
    }
    for (int i = 0; i < size; i++) {
      if (values[i] == v) {
        counts[i] += n;
        return;
      }
    }
    if (size == CAPACITY) {
      overflow = true;
      values = null;
      counts = null;
      return;
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
      counts = Arrays.copyOf(counts, size * 2);
    }
    values[size] = v;
    counts[size] = n;
    size++;
  }

  /** Folds {@code other} into this one. */
  public void merge(ValueCounts other) {
    if (other.overflow) {
      overflow = true;
      values = null;
      counts = null;
      return;
    }
    for (int i = 0; i < other.size; i++) {
      add(other.values[i], other.counts[i]);
    }
  }

  /** Whether more than {@link #CAPACITY} distinct values were seen (counts are then unknown). */
  public boolean overflowed() {
    return overflow;
  }

  /** The number of distinct values, or -1 when it is above {@link #CAPACITY}. */
  public int distinct() {
    return overflow ? -1 : size;
  }

  /** The exact count of {@code v}, or -1 when counts are unknown. */
  public long countOf(double v) {
    if (overflow) {
      return -1;
    }
    for (int i = 0; i < size; i++) {
      if (values[i] == v) {
        return counts[i];
      }
    }
    return 0;
  }

  /** The i-th tracked value, in first-seen order; {@code i < distinct()}. */
  public double value(int i) {
    return values[i];
  }

  void writeTo(DataOutput out) throws IOException {
    out.writeBoolean(overflow);
    if (overflow) {
      return;
    }
    out.writeByte(size);
    for (int i = 0; i < size; i++) {
      out.writeDouble(values[i]);
      out.writeLong(counts[i]);
    }
  }

  static ValueCounts readFrom(DataInput in) throws IOException {
    ValueCounts vc = new ValueCounts();
    if (in.readBoolean()) {
      vc.overflow = true;
      vc.values = null;
      vc.counts = null;
      return vc;
    }
    int n = in.readByte();
    for (int i = 0; i < n; i++) {
      double v = in.readDouble();
      vc.add(v, in.readLong());
    }
    return vc;
  }
}
