package org.skewcheck.validation.stats;

/**
 * Per-row tallies of one prefix block, filled one column at a time: which rows have any value, and
 * each row's count of numbers, of non-zero numbers, their sum and the sum of the non-zero numbers'
 * ln |x|. {@link PrefixStats} counts rows and builds its {@link RowAggregates} from them, so no row
 * is ever an object.
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

  /** Tallies one column's cells {@code v[from, from + rows)}, row r at {@code v[from + r]}; NaN (missing) cells skipped. */
  void add(double[] v, int from) {
    for (int r = 0; r < present.length; r++) {
      double x = v[from + r];
      if (Double.isNaN(x)) {
        continue;
      }
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
}
