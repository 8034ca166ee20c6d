package org.skewcheck.validation.check;

import org.skewcheck.validation.config.DateColumn;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.stats.ColumnStats;

/**
 * Whether a column is compared as numeric or categorical. A column is categorical when its
 * reference dataset holds any text value: train, or predict when train has no value of the column.
 * Train decides because it defines what the model learnt; a dataset that disagrees gets the type
 * finding ({@link SchemaCheck}), and its values are compared the reference's way (a categorical
 * column's numbers are categories too; a numeric column's text is left out of its drift). A column
 * the config reads as dates is numeric: its cells that do not match the format are text, counted as
 * non-numeric and reported by the type check, but they do not turn it categorical.
 *
 * <pre>{@code
 * ColumnType.categorical(config, "city", trainStats, predictStats);  // true when train has text
 * }</pre>
 */
public final class ColumnType {
  public static final String NUMERIC = "numeric";
  public static final String CATEGORICAL = "categorical";

  private ColumnType() {}

  /**
   * Whether column {@code name} is categorical under {@code config} (which may read it as dates);
   * either profile may be null (the column is not in that dataset).
   */
  public static boolean categorical(SkewConfig config, String name, ColumnStats train, ColumnStats predict) {
    if (DateColumn.formatOf(config.dateColumns(), config.prefixRules(), name) != null) {
      return false;
    }
    ColumnStats reference = train != null && train.present() > 0 ? train : predict;
    return reference != null && reference.hasText();
  }
}
