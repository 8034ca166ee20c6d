package org.skewcheck.validation.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A family's per-row aggregates, profiled as derived columns of its prefix: in each row with any
 * number of the family, the row's total (sum of its numbers), its count of non-zero numbers, and
 * the mean of its non-zero numbers (missing in a row without one). A shift spread thin over many
 * columns, each too weak to test alone, adds up in them: the row is the unit that is independent,
 * so their drift tests stay valid however the family's columns correlate.
 *
 * <pre>{@code
 * RowAggregates a = prefixStats.aggregates();   // null for a prefix of fewer than two columns
 * a.total().quantile(0.5); a.nonZeroCount().mean(); a.nonZeroMean().count();
 * }</pre>
 */
public final class RowAggregates {
  private final ColumnStats total;
  private final ColumnStats nonZeroCount;
  private final ColumnStats nonZeroMean;

  RowAggregates() {
    this(new ColumnStats(), new ColumnStats(), new ColumnStats());
  }

  private RowAggregates(ColumnStats total, ColumnStats nonZeroCount, ColumnStats nonZeroMean) {
    this.total = total;
    this.nonZeroCount = nonZeroCount;
    this.nonZeroMean = nonZeroMean;
  }

  /**
   * Profiles the rows of {@code tallies}, one derived column at a time through one buffer (a row
   * without a number of the family is missing in all three).
   */
  void add(RowTallies tallies) {
    int n = tallies.numbers.length;
    double[] buffer = new double[n];
    for (int r = 0; r < n; r++) {
      buffer[r] = tallies.numbers[r] > 0 ? tallies.sums[r] : Double.NaN;
    }
    total.addAll(buffer, 0, n);
    for (int r = 0; r < n; r++) {
      buffer[r] = tallies.numbers[r] > 0 ? tallies.nonZeros[r] : Double.NaN;
    }
    nonZeroCount.addAll(buffer, 0, n);
    for (int r = 0; r < n; r++) {
      buffer[r] = tallies.nonZeros[r] > 0 ? tallies.sums[r] / tallies.nonZeros[r] : Double.NaN;
    }
    nonZeroMean.addAll(buffer, 0, n);
  }

  void merge(RowAggregates other) {
    total.merge(other.total);
    nonZeroCount.merge(other.nonZeroCount);
    nonZeroMean.merge(other.nonZeroMean);
  }

  /** Each row's sum of the family's numbers. */
  public ColumnStats total() {
    return total;
  }

  /** Each row's count of non-zero numbers in the family. */
  public ColumnStats nonZeroCount() {
    return nonZeroCount;
  }

  /** Each row's mean of its non-zero numbers in the family (rows with none are missing). */
  public ColumnStats nonZeroMean() {
    return nonZeroMean;
  }

  void writeTo(DataOutput out) throws IOException {
    total.writeTo(out);
    nonZeroCount.writeTo(out);
    nonZeroMean.writeTo(out);
  }

  static RowAggregates readFrom(DataInput in) throws IOException {
    return new RowAggregates(ColumnStats.readFrom(in), ColumnStats.readFrom(in), ColumnStats.readFrom(in));
  }
}
