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

  private final Union union = SetOperation.builder().setNominalEntries(NOMINAL_ENTRIES).buildUnion();

  public void add(String value) {
    union.update(value);
  }

  public void add(double value) {
    union.update(value);
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
    ColumnStats.writeBytes(out, union.getResult(true, null).toByteArray());
  }

  static DistinctCount readFrom(DataInput in) throws IOException {
    DistinctCount d = new DistinctCount();
    d.union.union(Sketches.heapifySketch(Memory.wrap(ColumnStats.readBytes(in))));
    return d;
  }
}
