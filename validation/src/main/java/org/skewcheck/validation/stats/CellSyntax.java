package org.skewcheck.validation.stats;

import java.util.List;
import java.util.Locale;

/**
 * How a CSV cell's text reads, in one place for the reader and the config's {@code allowedValues}:
 * empty or a missing marker (any case, blanks around ignored) is missing; text made only of number
 * characters that parses to a finite double is a number; anything else is text.
 */
public final class CellSyntax {
  /** The missing markers besides the empty cell, lower case. */
  public static final List<String> MISSING = List.of("na", "nan", "null");

  private CellSyntax() {}

  /** Whether {@code c} may be part of a number: a digit, a sign, the point or an exponent mark. */
  public static boolean isNumberChar(char c) {
    return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
  }

  /** Whether the stripped {@code text} is missing: empty or a missing marker. */
  public static boolean isMissing(String text) {
    return text.isEmpty() || MISSING.contains(text.toLowerCase(Locale.ROOT));
  }
}
