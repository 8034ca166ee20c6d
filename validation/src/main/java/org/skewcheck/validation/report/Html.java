package org.skewcheck.validation.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Text for {@code report.html}: escaping of everything that comes from the data or the config, and
 * the way figures are written (three significant digits, counts with thousands separators).
 *
 * <pre>{@code
 * Html.escape("<script>")   // "&lt;script&gt;"
 * Html.figure(0.0144609)    // "0.0145"
 * Html.count(5026)          // "5,026"
 * }</pre>
 */
final class Html {
  private static final MathContext THREE_DIGITS = new MathContext(3);

  private Html() {}

  /** {@code s} safe as element text and as a quoted attribute value; null becomes the empty string. */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A figure to three significant digits, plain between 0.001 and 10,000; a dash when it does not exist. */
  static String figure(double x) {
    if (!Double.isFinite(x)) {
      return "–";
    }
    if (x == 0) {
      return "0";
    }
    double abs = Math.abs(x);
    if (abs >= 1e4 || abs < 1e-3) {
      return String.format(Locale.ROOT, "%.2e", x);
    }
    return new BigDecimal(x).round(THREE_DIGITS).stripTrailingZeros().toPlainString();
  }

  /** A share as a percentage with one decimal ({@code 0.049 → "4.9%"}); a dash when it does not exist. */
  static String percent(double share) {
    return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", 100 * share) : "–";
  }

  /** A count with thousands separators. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
