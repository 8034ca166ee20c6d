package org.skewcheck.validation.config;

import java.util.ArrayList;
import java.util.List;
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
   * without one. An error names the selectors given, or none when none is.
   */
  static Pattern check(String column, String prefix, String match) {
    List<String> given = new ArrayList<>();
    if (column != null) {
      given.add("column");
    }
    if (prefix != null) {
      given.add("prefix");
    }
    if (match != null) {
      given.add("match");
    }
    if (given.size() != 1) {
      throw new ConfigException("needs exactly one of column, prefix or match", given.toArray(String[]::new));
    }
    if (match == null) {
      return null;
    }
    try {
      return Pattern.compile(match);
    } catch (PatternSyntaxException e) {
      throw new ConfigException("match '" + match + "' is not a valid regex: " + e.getDescription(), "match");
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
