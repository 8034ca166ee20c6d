package org.skewcheck.validation.stats;

/**
 * Per-row tallies of one prefix block, filled while its columns are profiled (one pass over the
 * column-major values): which rows have any value, and each row's count of numbers, of non-zero
 * numbers and their sum. {@link PrefixStats} counts rows and builds its {@link RowAggregates} from
 * them, so no row is ever an object.
 */
final class RowTallies {
  final boolean[] present;
  final int[] numbers;
  final int[] nonZeros;
  final double[] sums;

  RowTallies(int rows) {
    present = new boolean[rows];
    numbers = new int[rows];
    nonZeros = new int[rows];
    sums = new double[rows];
  }

  /** Tallies the finite number {@code x} in row {@code r}. */
  void add(int r, double x) {
    present[r] = true;
    numbers[r]++;
    nonZeros[r] += x != 0 ? 1 : 0;
    sums[r] += x;
  }
}
