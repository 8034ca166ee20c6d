package org.skewcheck.transforms;

import java.util.Arrays;
import org.skewcheck.validation.stats.PrefixBlock;

/**
 * A block of rows with the same header (from one file, or from several small files that share it):
 * the unit that travels from reading to exploding.
 *
 * <p>Values are column-major ({@code values[c * rows + r]}), missing cells NaN; present cells that
 * are not finite numbers are NaN too and listed in {@code textIndex}/{@code text}, sorted by index
 * (the same layout as {@link PrefixBlock}, so exploding is array slicing).
 *
 * @param dataset the label of its {@link org.skewcheck.validation.stats.Dataset}
 * @param columns the header's column names, id column excluded
 * @param rowIds each row's id: the id column's value, or {@code file:line} when the file has none;
 *     empty when the reader was told not to keep ids (nothing is scored)
 */
public record RowBlock(String dataset, String[] columns, int rows, double[] values, int[] textIndex,
    String[] text, String[] rowIds) {

  public RowBlock {
    if (values.length != columns.length * rows || (rowIds.length != rows && rowIds.length != 0)
        || textIndex.length != text.length) {
      throw new IllegalArgumentException("inconsistent RowBlock: " + columns.length + " columns x " + rows
          + " rows, " + values.length + " values, " + rowIds.length + " ids");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RowBlock b
        && rows == b.rows
        && dataset.equals(b.dataset)
        && Arrays.equals(columns, b.columns)
        && Arrays.equals(values, b.values)
        && Arrays.equals(textIndex, b.textIndex)
        && Arrays.equals(text, b.text)
        && Arrays.equals(rowIds, b.rowIds);
  }

  @Override
  public int hashCode() {
    return 31 * dataset.hashCode() + Arrays.hashCode(rowIds);
  }

  @Override
  public String toString() {
    return "RowBlock[" + dataset + ", " + columns.length + " columns x " + rows + " rows]";
  }
}
