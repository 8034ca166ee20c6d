package org.skewcheck.validation.config;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a config entry picks its columns: exactly one of {@code column} (a name), {@code prefix}
 * (every column of a family) or {@code match} (every column whose name a regex finds), as in
 * {@code rules[]} and {@code dateColumns[]}.
 */
final class ColumnSelection {
  private ColumnSelection() {}

  /**
   * Checks that exactly one selector is given and returns the compiled {@code match}, or null
   * without one; {@code list} names the config list in the error ({@code rules[]}).
   */
  static Pattern check(String list, String column, String prefix, String match) {
    int selectors = (column == null ? 0 : 1) + (prefix == null ? 0 : 1) + (match == null ? 0 : 1);
    if (selectors != 1) {
      throw new ConfigException(list + " need exactly one of column, prefix or match");
    }
    if (match == null) {
      return null;
    }
    try {
      return Pattern.compile(match);
    } catch (PatternSyntaxException e) {
      throw new ConfigException(list + ".match '" + match + "' is not a valid regex: " + e.getDescription());
    }
  }

  /** Whether the entry selecting by {@code column}, {@code prefix} or {@code pattern} picks this column. */
  static boolean selects(String column, String prefix, Pattern pattern, String columnName, String columnPrefix) {
    if (column != null) {
      return column.equals(columnName);
    }
    if (prefix != null) {
      return prefix.equals(columnPrefix);
    }
    return pattern.matcher(columnName).find();
  }
}
