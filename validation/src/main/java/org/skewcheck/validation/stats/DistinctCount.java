package org.skewcheck.validation.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.theta.SetOperation;
import org.apache.datasketches.theta.Sketches;
import org.apache.datasketches.theta.Union;

/**
 * A mergeable distinct-count estimate: a Theta sketch of 4,096 nominal entries (exact up to about
 * that many values, then a relative standard error of about 1.6%). Theta, not HLL, because its
 * ordered compact form is canonical: decoding and re-encoding gives the same bytes, as Beam's coder
 * checks require (HLL's coupon lists come back in another order).
 *
 * <pre>{@code
 * DistinctCount d = new DistinctCount();
 * d.add("a"); d.add("b"); d.add("a");
 * d.estimate();   // 2.0
 * }</pre>
 */
public final class DistinctCount {
  private static final int NOMINAL_ENTRIES = 4_096;
  /** Slots of the per-call look-up that {@link #addAll} skips repeated values with (a power of two). */
  private static final int SEEN_SLOTS = 4_096;

  private final Union union = SetOperation.builder().setNominalEntries(NOMINAL_ENTRIES).buildUnion();

  public void add(String value) {
    union.update(value);
  }

  public void add(double value) {
    union.update(value);
  }

  /**
   * Adds the values of {@code v[from, to)}, NaN cells skipped, each distinct value once: a block of
   * an integer column repeats few values, and a sketch update costs far more than a look-up.
   */
  public void addAll(double[] v, int from, int to) {
    long empty = Double.doubleToRawLongBits(Double.NaN);
    long[] seen = new long[SEEN_SLOTS];
    java.util.Arrays.fill(seen, empty);
    int distinct = 0;
    for (int i = from; i < to; i++) {
      double x = v[i];
      if (Double.isNaN(x)) {
        continue;
      }
      if (distinct >= SEEN_SLOTS / 2) {
        union.update(x);
        continue;
      }
      long bits = Double.doubleToRawLongBits(x);
      int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 52) & (SEEN_SLOTS - 1);
      while (seen[slot] != empty && seen[slot] != bits) {
        slot = (slot + 1) & (SEEN_SLOTS - 1);
      }
      if (seen[slot] == empty) {
        seen[slot] = bits;
        distinct++;
        union.update(x);
      }
    }
  }

  /** Folds {@code other} into this one; {@code other} is left unchanged. */
  public void merge(DistinctCount other) {
    union.union(other.union.getResult());
  }

  /** The estimated number of distinct values. */
  public double estimate() {
    return union.getResult().getEstimate();
  }

  void writeTo(DataOutput out) throws IOException {
    SketchBytes.write(out, union.getResult(true, null).toByteArray());
  }

  static DistinctCount readFrom(DataInput in) throws IOException {
    DistinctCount d = new DistinctCount();
    d.union.union(Sketches.heapifySketch(Memory.wrap(SketchBytes.read(in))));
    return d;
  }
}
