package org.skewcheck.validation.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Columns holding dates in a known {@code format} (a {@link java.time.format.DateTimeFormatter}
 * pattern such as {@code yyyy-MM-dd}), selected by exactly one of {@code column} (a name), {@code
 * prefix} or {@code match} (a regex): read as numbers ({@link DateFormat}), so they are profiled and
 * drift-tested as numeric columns. Without one, dates are text, and their column is categorical.
 *
 * <pre>{@code
 * dateColumns:
 *   - column: signup_date
 *     format: "yyyy-MM-dd"          # epoch days
 *   - prefix: TS
 *     format: "yyyy-MM-dd HH:mm:ss" # epoch seconds, read as UTC
 * }</pre>
 */
public record DateColumn(String column, String prefix, String match, String format, @JsonIgnore Pattern pattern)
    implements Serializable {

  @JsonCreator
  public static DateColumn of(
      @JsonProperty("column") String column,
      @JsonProperty("prefix") String prefix,
      @JsonProperty("match") String match,
      @JsonProperty("format") String format) {
    Pattern pattern = ColumnSelection.check(column, prefix, match);
    if (format == null || format.isBlank()) {
      throw new ConfigException("needs a format, a java.time pattern such as \"yyyy-MM-dd\"", "format");
    }
    try {
      DateFormat.of(format);
    } catch (ConfigException e) {
      throw new ConfigException(e.getMessage(), "format");
    }
    return new DateColumn(column, prefix, match, format, pattern);
  }

  /** Whether this entry applies to {@code columnName} of prefix {@code columnPrefix}. */
  public boolean selects(String columnName, String columnPrefix) {
    return ColumnSelection.selects(column, prefix, pattern, columnName, columnPrefix);
  }

  /** The format of the first entry that selects {@code columnName}, or null when none does. */
  public static String formatOf(List<DateColumn> dateColumns, PrefixRules rules, String columnName) {
    if (dateColumns.isEmpty()) {
      return null;
    }
    String columnPrefix = rules.prefixOf(columnName);
    for (DateColumn d : dateColumns) {
      if (d.selects(columnName, columnPrefix)) {
        return d.format;
      }
    }
    return null;
  }
}
