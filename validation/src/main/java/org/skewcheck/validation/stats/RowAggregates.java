package org.skewcheck.validation.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A family's per-row aggregates, profiled as derived columns of its prefix: in each row with any
 * number of the family, the row's total (sum of its numbers), its count of non-zero numbers, the
 * mean of its non-zero numbers and the mean of their ln |x| (the last two missing in a row without
 * one). A shift spread thin over many columns, each too weak to test alone, adds up in them: the
 * row is the unit that is independent, so their drift tests stay valid however the family's
 * columns correlate.
 *
 * <p>The non-zero log mean, the log of the row's geometric mean of |x|, is scale-free: multiplying
 * every column of the family by k moves it by exactly ln k in every row, whatever the columns'
 * scales and however sparse they are, so a family's multiplicative change is a pure location shift
 * of it. It also weighs a change of small values as much as one of large values, which the total
 * and the non-zero mean, dominated by a row's largest numbers, do not.
 *
 * <pre>{@code
 * RowAggregates a = prefixStats.aggregates();   // null for a prefix of fewer than two columns
 * a.total().quantile(0.5); a.nonZeroCount().mean(); a.nonZeroMean().count(); a.nonZeroLogMean().mean();
 * }</pre>
 */
public final class RowAggregates {
  private final ColumnStats total;
  private final ColumnStats nonZeroCount;
  private final ColumnStats nonZeroMean;
  private final ColumnStats nonZeroLogMean;

  RowAggregates() {
    this(new ColumnStats(), new ColumnStats(), new ColumnStats(), new ColumnStats());
  }

  private RowAggregates(ColumnStats total, ColumnStats nonZeroCount, ColumnStats nonZeroMean,
      ColumnStats nonZeroLogMean) {
    this.total = total;
    this.nonZeroCount = nonZeroCount;
    this.nonZeroMean = nonZeroMean;
    this.nonZeroLogMean = nonZeroLogMean;
  }

  /**
   * Profiles the rows of {@code tallies}, one derived column at a time through one buffer (a row
   * without a number of the family is missing in all four).
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
    for (int r = 0; r < n; r++) {
      buffer[r] = tallies.nonZeros[r] > 0 ? tallies.logSums[r] / tallies.nonZeros[r] : Double.NaN;
    }
    nonZeroLogMean.addAll(buffer, 0, n);
  }

  void merge(RowAggregates other) {
    total.merge(other.total);
    nonZeroCount.merge(other.nonZeroCount);
    nonZeroMean.merge(other.nonZeroMean);
    nonZeroLogMean.merge(other.nonZeroLogMean);
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

  /** Each row's mean of ln |x| over its non-zero numbers in the family (rows with none are missing). */
  public ColumnStats nonZeroLogMean() {
    return nonZeroLogMean;
  }

  void writeTo(DataOutput out) throws IOException {
    total.writeTo(out);
    nonZeroCount.writeTo(out);
    nonZeroMean.writeTo(out);
    nonZeroLogMean.writeTo(out);
  }

  static RowAggregates readFrom(DataInput in) throws IOException {
    return new RowAggregates(ColumnStats.readFrom(in), ColumnStats.readFrom(in), ColumnStats.readFrom(in),
        ColumnStats.readFrom(in));
  }
}
