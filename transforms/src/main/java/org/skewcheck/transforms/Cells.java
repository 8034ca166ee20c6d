package org.skewcheck.transforms;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import org.skewcheck.validation.config.DateFormat;
import org.skewcheck.validation.stats.CellSyntax;

/**
 * How a CSV cell is read ({@link CellSyntax}): empty, {@code NA}, {@code NaN} or {@code null} (any
 * case, surrounding blanks ignored) is missing; a finite number is a value; anything else is text,
 * profiled as non-numeric. Numbers are read from the CSV reader's buffer without a String: plain integers, most of
 * a one-hot table, by a loop of their own, the rest by FastDoubleParser, which gives the same double as
 * {@link Double#parseDouble}. A cell of a column the config reads as dates is a number (epoch days or
 * seconds) when it matches the format, and text when it does not.
 */
final class Cells {
  /** A NaN with its own payload, so "text" needs no second return channel; never stored. */
  private static final long TEXT_BITS = 0x7ff8_0000_7e47_0001L;
  static final double TEXT = Double.longBitsToDouble(TEXT_BITS);

  /** The missing markers, matched ignoring ASCII case (no other character folds to one of their letters). */
  private static final char[][] MISSING = CellSyntax.MISSING.stream().map(String::toCharArray).toArray(char[][]::new);

  /** Longest plain integer read without the general parser: 9 digits always fit an int. */
  private static final int PLAIN_INTEGER_DIGITS = 9;

  /**
   * Longest exponent left to FastDoubleParser. Version 2.0.1 stops reading an exponent once it passes 1024, which
   * is right unless some 700 or more digits (or leading zeros after the point) pull the value back into range:
   * 1100 digits then {@code e-140697633} is 0 but reads as 7.8e-307, and {@code 0.} 1200 zeros {@code 7e10240} is
   * infinite (text) but reads as 7e-177. No real cell has a 5-digit exponent; the JDK reads those.
   */
  private static final int MAX_FAST_EXPONENT_DIGITS = 4;

  private Cells() {}

  /** {@link #parse(String)} of the characters {@code buf[offset, offset + len)}, without a String (bar 5-digit exponents). */
  static double parse(char[] buf, int offset, int len) {
    int start = offset;
    int end = offset + len;
    // Plain integers first: a blank around one sends it to the general path below, which strips it.
    boolean negative = len > 0 && buf[start] == '-';
    int digits = negative ? len - 1 : len;
    if (digits > 0 && digits <= PLAIN_INTEGER_DIGITS) {
      int v = 0;
      int i = negative ? start + 1 : start;
      for (; i < end; i++) {
        char c = buf[i];
        if (c < '0' || c > '9') {
          break;
        }
        v = v * 10 + (c - '0');
      }
      if (i == end) {
        return negative ? -(double) v : v; // "-0" is -0.0, as Double.parseDouble reads it
      }
    }
    while (start < end && Character.isWhitespace(buf[start])) {
      start++;
    }
    while (end > start && Character.isWhitespace(buf[end - 1])) {
      end--;
    }
    int n = end - start;
    if (n == 0) {
      return Double.NaN;
    }
    int exponent = literalExponent(buf, start, end);
    if (exponent < 0) {
      // Double.parseDouble also takes Java's "1d", "2f", hex "0x1p3" and "Infinity": none of them is a CSV number.
      return isMissing(buf, start, n) ? Double.NaN : TEXT;
    }
    if (exponent < end && exponentDigits(buf, exponent + 1, end) > MAX_FAST_EXPONENT_DIGITS) {
      return finiteOrText(Double.parseDouble(new String(buf, start, n)));
    }
    return finiteOrText(JavaDoubleParser.parseDouble(buf, start, n));
  }

  /**
   * Where the exponent of the decimal literal {@code buf[start, end)} starts ({@code end} when it has none), or -1
   * when the characters are no decimal literal: an optional sign; digits with at most one point, at least one
   * digit; then optionally {@code e} or {@code E}, an optional sign and at least one digit. Both parsers take
   * exactly these, and the check costs far less than the exception they throw for the rest: a categorical column
   * such as a carrier code "9E" would otherwise cost a stack trace per cell.
   */
  private static int literalExponent(char[] buf, int start, int end) {
    int i = skipSign(buf, start, end);
    int digitsFrom = i;
    i = skipDigits(buf, i, end);
    int digits = i - digitsFrom;
    if (i < end && buf[i] == '.') {
      int fractionFrom = ++i;
      i = skipDigits(buf, i, end);
      digits += i - fractionFrom;
    }
    if (digits == 0) {
      return -1;
    }
    int exponent = i;
    if (i < end && (buf[i] == 'e' || buf[i] == 'E')) {
      int exponentFrom = skipSign(buf, i + 1, end);
      i = skipDigits(buf, exponentFrom, end);
      if (i == exponentFrom) {
        return -1;
      }
    }
    return i == end ? exponent : -1;
  }

  private static int skipSign(char[] buf, int i, int end) {
    return i < end && (buf[i] == '+' || buf[i] == '-') ? i + 1 : i;
  }

  private static int skipDigits(char[] buf, int i, int end) {
    while (i < end && buf[i] >= '0' && buf[i] <= '9') {
      i++;
    }
    return i;
  }

  private static int exponentDigits(char[] buf, int from, int end) {
    return from < end && (buf[from] == '+' || buf[from] == '-') ? end - from - 1 : end - from;
  }

  private static double finiteOrText(double v) {
    return Double.isFinite(v) ? v : TEXT;
  }

  /** The cell's number; canonical NaN when missing; {@link #TEXT} (test with {@link #isText}) when text. */
  static double parse(String s) {
    return parse(s.toCharArray(), 0, s.length());
  }

  /** A date cell: its epoch days or seconds; canonical NaN when missing; {@link #TEXT} when it does not match. */
  static double parseDate(String s, DateFormat format) {
    String t = s.strip();
    if (t.isEmpty() || isMissing(t.toCharArray(), 0, t.length())) {
      return Double.NaN;
    }
    double v = format.parse(t);
    return Double.isNaN(v) ? TEXT : v;
  }

  /** Whether the stripped, non-empty {@code buf[start, start + n)} is a missing marker. */
  private static boolean isMissing(char[] buf, int start, int n) {
    for (char[] marker : MISSING) {
      if (marker.length == n && matchesIgnoringCase(buf, start, marker)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesIgnoringCase(char[] buf, int start, char[] lowerCase) {
    for (int i = 0; i < lowerCase.length; i++) {
      if ((buf[start + i] | 0x20) != lowerCase[i]) {
        return false;
      }
    }
    return true;
  }

  static boolean isText(double v) {
    return Double.doubleToRawLongBits(v) == TEXT_BITS;
  }
}
