package org.skewcheck.validation.stats;

/**
 * Per-row tallies of one prefix block, filled while its columns are profiled (one pass over the
 * column-major values): which rows have any value, and each row's count of numbers, of non-zero
 * numbers, their sum and the sum of the non-zero numbers' ln |x|. {@link PrefixStats} counts rows
 * and builds its {@link RowAggregates} from them, so no row is ever an object.
 */
final class RowTallies {
  final boolean[] present;
  final int[] nonZeros;
  /** Null unless the block's row aggregates are wanted: a one-column family does not pay for them. */
  final int[] numbers;
  final double[] sums;
  /** Each row's sum of ln |x| over its non-zero numbers; null with {@link #numbers}. */
  final double[] logSums;

  RowTallies(int rows, boolean aggregates) {
    present = new boolean[rows];
    nonZeros = new int[rows];
    numbers = aggregates ? new int[rows] : null;
    sums = aggregates ? new double[rows] : null;
    logSums = aggregates ? new double[rows] : null;
  }

  /** Tallies the finite number {@code x} in row {@code r}. */
  void add(int r, double x) {
    present[r] = true;
    nonZeros[r] += x != 0 ? 1 : 0;
    if (numbers != null) {
      numbers[r]++;
      sums[r] += x;
      if (x != 0) {
        logSums[r] += Math.log(Math.abs(x));
      }
    }
  }
}
