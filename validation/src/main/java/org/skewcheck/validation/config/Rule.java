package org.skewcheck.validation.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;
import org.skewcheck.validation.stats.CellSyntax;

/**
 * One validation rule for the columns it selects — a {@code column} by name, every column of a
 * {@code prefix}, or every column whose name {@code match}es a regex (exactly one of the three):
 * values within {@code range} [low, high], values among {@code allowedValues}, at most {@code
 * maxMissingFraction} of rows missing. Omitted constraints are not checked.
 *
 * <p>Each allowed value is read as a CSV cell is: one written as a number, quoted or not, is that
 * number (a {@link Double}: {@code 1}, {@code "01"} and {@code 1.0} are the same value); any other is
 * text (a {@link String}, as written: {@code red}, {@code yes}, {@code 0x10}), matching text cells.
 *
 * <pre>{@code
 * rules:
 *   - column: colour
 *     allowedValues: [red, blue]
 *   - prefix: WI
 *     allowedValues: [0, 1, unknown]
 * }</pre>
 */
public record Rule(String column, String prefix, String match, List<Double> range, List<Object> allowedValues,
    Double maxMissingFraction, @JsonIgnore Pattern pattern) implements Serializable {

  @JsonCreator
  public static Rule of(
      @JsonProperty("column") String column,
      @JsonProperty("prefix") String prefix,
      @JsonProperty("match") String match,
      @JsonProperty("range") List<Double> range,
      @JsonProperty("allowedValues") @JsonDeserialize(contentUsing = AllowedValueReader.class)
          List<Object> allowedValues,
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

  /**
   * Reads one allowed value from its scalar as written, the way the reader reads a cell: blank
   * surrounding the value ignored, a value of digits, signs, points and exponents that is a finite
   * number is a {@link Double}; a missing marker is refused; anything else is the text itself. So
   * YAML's own readings do not apply: {@code yes} is text, not true, and {@code 010} is 10, not 8.
   */
  static final class AllowedValueReader extends StdDeserializer<Object> {
    AllowedValueReader() {
      super(Object.class);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.currentToken().isScalarValue()) {
        return ctxt.handleUnexpectedToken(Object.class, p.currentToken(), p, "expected a number or text");
      }
      String text = p.getText();
      String t = text.strip();
      if (CellSyntax.isMissing(t)) {
        throw InvalidFormatException.from(p, "'" + text + "' is read as a missing cell, never a value", text,
            Object.class);
      }
      if (t.chars().allMatch(c -> CellSyntax.isNumberChar((char) c))) {
        try {
          double v = Double.parseDouble(t);
          if (Double.isFinite(v)) {
            return v;
          }
        } catch (NumberFormatException e) {
          // not a number after all ("1-2", "e"): text, as the reader keeps it
        }
      }
      return text;
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) throws InvalidFormatException {
      throw InvalidFormatException.from(ctxt.getParser(), "an empty value is read as a missing cell, never a value",
          null, Object.class);
    }
  }
}
