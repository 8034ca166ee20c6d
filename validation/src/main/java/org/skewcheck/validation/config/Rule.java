package org.skewcheck.validation.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One validation rule for the columns it selects — a {@code column} by name, every column of a
 * {@code prefix}, or every column whose name {@code match}es a regex (exactly one of the three):
 * values within {@code range} [low, high], values among {@code allowedValues}, at most {@code
 * maxMissingFraction} of rows missing. Omitted constraints are not checked.
 */
public record Rule(String column, String prefix, String match, List<Double> range, List<Double> allowedValues,
    Double maxMissingFraction, @JsonIgnore Pattern pattern) implements Serializable {

  @JsonCreator
  public static Rule of(
      @JsonProperty("column") String column,
      @JsonProperty("prefix") String prefix,
      @JsonProperty("match") String match,
      @JsonProperty("range") List<Double> range,
      @JsonProperty("allowedValues") List<Double> allowedValues,
      @JsonProperty("maxMissingFraction") Double maxMissingFraction) {
    Pattern pattern = ColumnSelection.check(column, prefix, match);
    if (range != null && (range.size() != 2 || !(range.get(0) <= range.get(1)))) {
      throw new ConfigException("range must be [low, high] with low <= high, got " + range, "range");
    }
    if (allowedValues != null && allowedValues.isEmpty()) {
      throw new ConfigException("allowedValues must not be empty", "allowedValues");
    }
    if (maxMissingFraction != null && !(maxMissingFraction >= 0 && maxMissingFraction <= 1)) {
      throw new ConfigException("maxMissingFraction must be in [0, 1], got " + maxMissingFraction,
          "maxMissingFraction");
    }
    if (range == null && allowedValues == null && maxMissingFraction == null) {
      throw new ConfigException("needs at least one of range, allowedValues or maxMissingFraction");
    }
    return new Rule(column, prefix, match, range == null ? null : List.copyOf(range),
        allowedValues == null ? null : List.copyOf(allowedValues), maxMissingFraction, pattern);
  }

  /** Whether this rule applies to {@code columnName} of prefix {@code columnPrefix}. */
  public boolean selects(String columnName, String columnPrefix) {
    return ColumnSelection.selects(column, prefix, pattern, columnName, columnPrefix);
  }

  /** How this rule names what it selects, for messages. */
  public String selector() {
    return column != null ? "column " + column : prefix != null ? "prefix " + prefix : "match /" + match + "/";
  }
}
