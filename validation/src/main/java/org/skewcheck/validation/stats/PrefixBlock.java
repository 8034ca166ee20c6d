package org.skewcheck.validation.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * The values of one prefix's columns for a block of rows: what travels between reading and
 * combining, so that a row is a handful of elements (one per prefix), never one per cell.
 *
 * <p>Values are column-major ({@code values[c * rows + r]}); a missing cell is NaN. A present cell
 * that is not a finite number is also NaN in {@code values} and is listed in {@code textIndex} /
 * {@code text} (sorted by index) so it is profiled as non-numeric rather than missing.
 */
public record PrefixBlock(String[] columns, int rows, double[] values, int[] textIndex, String[] text) {
  public PrefixBlock {
    Objects.requireNonNull(columns, "columns");
    if (values.length != columns.length * rows) {
      throw new IllegalArgumentException(
          "values has " + values.length + " cells, expected " + columns.length + " x " + rows);
    }
    if (textIndex.length != text.length) {
      throw new IllegalArgumentException("textIndex and text differ in length");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrefixBlock b
        && rows == b.rows
        && Arrays.equals(columns, b.columns)
        && Arrays.equals(values, b.values)
        && Arrays.equals(textIndex, b.textIndex)
        && Arrays.equals(text, b.text);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(columns) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "PrefixBlock" + Arrays.toString(columns) + " x " + rows + " rows";
  }
}
