package org.skewcheck.transforms;

import org.skewcheck.validation.config.DateFormat;

/**
 * How a CSV cell is read: empty, {@code NA}, {@code NaN} or {@code null} (any case, surrounding
 * blanks ignored) is missing; a finite number is a value; anything else is text, profiled as
 * non-numeric. Plain integers, most of a one-hot table, skip the general parser. A cell of a column
 * the config reads as dates is a number (epoch days or seconds) when it matches the format, and text
 * when it does not.
 */
final class Cells {
  /** A NaN with its own payload, so "text" needs no second return channel; never stored. */
  private static final long TEXT_BITS = 0x7ff8_0000_7e47_0001L;
  static final double TEXT = Double.longBitsToDouble(TEXT_BITS);

  private Cells() {}

  /** {@link #parse(String)} of the characters {@code buf[offset, offset + len)}, without a String for plain integers. */
  static double parse(char[] buf, int offset, int len) {
    if (len > 0 && len <= 9) {
      boolean negative = buf[offset] == '-';
      int i = negative ? 1 : 0;
      int v = 0;
      for (; i < len; i++) {
        char c = buf[offset + i];
        if (c < '0' || c > '9') {
          break;
        }
        v = v * 10 + (c - '0');
      }
      if (i == len && len > (negative ? 1 : 0)) {
        return negative ? -v : v;
      }
    }
    return parse(new String(buf, offset, len));
  }

  /** The cell's number; canonical NaN when missing; {@link #TEXT} (test with {@link #isText}) when text. */
  static double parse(String s) {
    int n = s.length();
    if (n > 0 && n <= 9) {
      boolean negative = s.charAt(0) == '-';
      int i = negative ? 1 : 0;
      int v = 0;
      for (; i < n; i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        v = v * 10 + (c - '0');
      }
      if (i == n && n > (negative ? 1 : 0)) {
        return negative ? -v : v;
      }
    }
    String t = s.strip();
    if (isMissing(t)) {
      return Double.NaN;
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      // Double.parseDouble also takes Java's "1d", "2f" and hex "0x1p3": none of them is a CSV number.
      if (!(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')) {
        return TEXT;
      }
    }
    try {
      double v = Double.parseDouble(t);
      return Double.isFinite(v) ? v : TEXT;
    } catch (NumberFormatException e) {
      return TEXT;
    }
  }

  /** A date cell: its epoch days or seconds; canonical NaN when missing; {@link #TEXT} when it does not match. */
  static double parseDate(String s, DateFormat format) {
    String t = s.strip();
    if (isMissing(t)) {
      return Double.NaN;
    }
    double v = format.parse(t);
    return Double.isNaN(v) ? TEXT : v;
  }

  private static boolean isMissing(String stripped) {
    return stripped.isEmpty() || stripped.equalsIgnoreCase("NA") || stripped.equalsIgnoreCase("NaN")
        || stripped.equalsIgnoreCase("null");
  }

  static boolean isText(double v) {
    return Double.doubleToRawLongBits(v) == TEXT_BITS;
  }
}
