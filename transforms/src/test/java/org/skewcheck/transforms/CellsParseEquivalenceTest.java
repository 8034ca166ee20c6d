package org.skewcheck.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Cells#parse} reads numbers with FastDoubleParser and its own plain-integer loop; this checks,
 * bit for bit, that it gives what the rule "strip; missing marker -> NaN; only [0-9+-.eE] else text;
 * {@link Double#parseDouble}, finite else text" gives, through both entry points.
 */
class CellsParseEquivalenceTest {
  private static final long CANONICAL_NAN = Double.doubleToRawLongBits(Double.NaN);
  private static final int MAX_REPORTED = 20;

  /** What a cell means, spelled out with the JDK's parser. */
  private static double reference(String cell) {
    String t = cell.strip();
    if (t.isEmpty() || t.equalsIgnoreCase("NA") || t.equalsIgnoreCase("NaN") || t.equalsIgnoreCase("null")) {
      return Double.NaN;
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!(c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.' || c == 'e' || c == 'E')) {
        return Cells.TEXT;
      }
    }
    try {
      double v = Double.parseDouble(t);
      return Double.isFinite(v) ? v : Cells.TEXT;
    } catch (NumberFormatException e) {
      return Cells.TEXT;
    }
  }

  /** Compares both entry points with {@link #reference}; collects mismatches instead of stopping at the first. */
  private static final class Checker {
    private final Random random;
    private final List<String> mismatches = new ArrayList<>();
    private int checked;
    private int numbers;

    Checker(Random random) {
      this.random = random;
    }

    void check(String cell) {
      long expected = Double.doubleToRawLongBits(reference(cell));
      checked++;
      if (expected != Double.doubleToRawLongBits(Cells.TEXT) && expected != CANONICAL_NAN) {
        numbers++;
      }
      long fromString = Double.doubleToRawLongBits(Cells.parse(cell));
      // The cell inside a larger buffer, with digits and letters either side that must not be read.
      int before = 1 + random.nextInt(8);
      int after = random.nextInt(8);
      char[] buf = new char[before + cell.length() + after];
      for (int i = 0; i < buf.length; i++) {
        buf[i] = "9e.x-5".charAt(random.nextInt(6));
      }
      cell.getChars(0, cell.length(), buf, before);
      long fromChars = Double.doubleToRawLongBits(Cells.parse(buf, before, cell.length()));
      if ((fromString != expected || fromChars != expected) && mismatches.size() < MAX_REPORTED) {
        mismatches.add(String.format("\"%s\": expected %016x, parse(String) %016x, parse(char[]) %016x",
            cell.length() > 80 ? cell.substring(0, 80) + "...(" + cell.length() + " chars)" : cell,
            expected, fromString, fromChars));
      }
    }

    void assertAllMatched(int minNumbers) {
      assertThat(mismatches).as("mismatches among %d cells", checked).isEmpty();
      assertThat(numbers).as("cells that are numbers, of %d", checked).isGreaterThanOrEqualTo(minNumbers);
    }
  }

  @Test
  void randomDoublesInEveryFormat() {
    Random random = new Random(20260101L);
    Checker checker = new Checker(random);
    int doubles = 0;
    while (doubles < 200_000) {
      double d = Double.longBitsToDouble(random.nextLong());
      if (!Double.isFinite(d)) {
        continue;
      }
      doubles++;
      checker.check(Double.toString(d));
      checker.check(BigDecimal.valueOf(d).toPlainString()); // up to ~330 characters
      // String.format and exact expansions cost tens of microseconds each: a share of the doubles gets them.
      switch (doubles % 4) {
        case 0 -> checker.check(String.format(Locale.ROOT, "%." + (1 + random.nextInt(20)) + "g", d));
        case 1 -> checker.check(String.format(Locale.ROOT, "%e", d));
        default -> { }
      }
      if (doubles % 64 == 0) {
        checker.check(new BigDecimal(d).toPlainString()); // exact: up to ~1100 digits
      }
    }
    checker.assertAllMatched(2 * 200_000 + 100_000);
  }

  @Test
  void subnormalsAndTheirNeighbours() {
    Random random = new Random(7L);
    Checker checker = new Checker(random);
    for (int i = 0; i < 10_000; i++) {
      long bits = random.nextLong() & (i % 4 == 0 ? 0x3FFL : 0x000F_FFFF_FFFF_FFFFL); // some tiny payloads
      double d = Double.longBitsToDouble(bits | (random.nextBoolean() ? Long.MIN_VALUE : 0));
      checker.check(Double.toString(d));
      checker.check(String.format(Locale.ROOT, "%." + (1 + random.nextInt(25)) + "e", d));
      checker.check(new BigDecimal(d).toString());
    }
    checker.assertAllMatched(3 * 10_000);
  }

  @Test
  void valuesOnAndBesideRoundingBoundaries() {
    Random random = new Random(11L);
    Checker checker = new Checker(random);
    BigDecimal two = BigDecimal.valueOf(2);
    int boundaries = 0;
    while (boundaries < 10_000) {
      double d = Math.abs(Double.longBitsToDouble(random.nextLong()));
      if (boundaries % 4 == 0) {
        d = Math.abs(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20)); // everyday magnitudes
      }
      double up = Math.nextUp(d);
      if (!Double.isFinite(up)) {
        continue;
      }
      boundaries++;
      // The exact midpoint between two neighbours: the ties-to-even case; and just either side of it.
      BigDecimal mid = new BigDecimal(d).add(new BigDecimal(up)).divide(two);
      BigDecimal nudge = BigDecimal.ONE.movePointLeft(mid.scale() + 1 + random.nextInt(5));
      checker.check(mid.toString());
      checker.check(mid.add(nudge).toString());
      checker.check(mid.subtract(nudge).toPlainString());
      checker.check(mid.round(new java.math.MathContext(17)).toString()); // 17 digits: one ulp apart
    }
    checker.assertAllMatched(4 * 10_000);
  }

  @Test
  void randomDigitStrings() {
    Random random = new Random(42L);
    Checker checker = new Checker(random);
    for (int i = 0; i < 200_000; i++) {
      checker.check(randomDigitString(random));
    }
    checker.assertAllMatched(100_000);
  }

  private static String randomDigitString(Random random) {
    StringBuilder sb = new StringBuilder();
    switch (random.nextInt(4)) {
      case 0 -> sb.append('-');
      case 1 -> sb.append('+');
      default -> { }
    }
    if (random.nextInt(5) == 0) {
      sb.append("0".repeat(1 + random.nextInt(6))); // leading zeros
    }
    appendDigits(sb, random, randomLength(random));
    if (random.nextBoolean()) {
      sb.append('.');
      appendDigits(sb, random, randomLength(random));
    }
    if (random.nextInt(3) == 0) {
      sb.append(random.nextBoolean() ? 'e' : 'E');
      switch (random.nextInt(3)) {
        case 0 -> sb.append('-');
        case 1 -> sb.append('+');
        default -> { }
      }
      // Mostly short exponents; some that overflow an int, to 0 or infinity.
      appendDigits(sb, random, random.nextInt(10) == 0 ? 1 + random.nextInt(14) : 1 + random.nextInt(3));
    }
    if (random.nextInt(20) == 0 && sb.length() > 0) {
      sb.insert(random.nextInt(sb.length() + 1), "+-.eE".charAt(random.nextInt(5))); // mostly malformed
    }
    if (random.nextInt(10) == 0) {
      sb.insert(0, random.nextBoolean() ? " " : "\t").append(random.nextBoolean() ? " " : "");
    }
    return sb.toString();
  }

  private static int randomLength(Random random) {
    int kind = random.nextInt(40);
    if (kind == 0) {
      return 0;
    } else if (kind <= 3) {
      return 20 + random.nextInt(30); // beyond a long's 19 digits
    } else if (kind == 4) {
      return 800 + random.nextInt(400); // beyond the 768 digits that decide a double
    }
    return 1 + random.nextInt(random.nextBoolean() ? 9 : 19);
  }

  private static void appendDigits(StringBuilder sb, Random random, int n) {
    for (int i = 0; i < n; i++) {
      sb.append((char) ('0' + random.nextInt(10)));
    }
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {
      "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308", "2.225073858507201e-308",
      "9007199254740991", "9007199254740992", "9007199254740993", "9007199254740994", "9007199254740995",
      "1.7976931348623157e308", "1.7976931348623158e308", "-1.7976931348623157E+308",
      "4.9e-324", "5e-324", "2.4703282292062328e-324", "2.4703282292062327e-324", "1e-400", "-1e-400",
      "4.9406564584124654e-324", "2.2250738585072014E-308", "1.0E-323",
      "0.1", "0.3", "1e23", "8.41e21", "5e-1", "123456789012345678901234567890", "18446744073709551616",
      "000000000000000000000000000001", "00.000", "0.000000000000000000000000000000001e35",
      "-0", "+0", "-0.0", "+0.0", "0e0", "1.e5", "-.5E-3", "+5.e+2", "-0e-5", ".5", "-.5", "5.", "+5.", "1e+10", "1E-5", "1e0", "1E+0",
      "999999999", "-999999999", "1000000000", "-1000000000", "2147483647", "2147483648", "-2147483649",
      "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e99999999999", "1e-99999999999"})
  void hardCasesMatchTheJdk(String cell) {
    Checker checker = new Checker(new Random(cell.hashCode()));
    checker.check(cell);
    checker.check(" " + cell + "\t");
    checker.assertAllMatched(0);
  }

  @Test
  void extremesRoundTrip() {
    for (double d : new double[] {Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
        Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Math.ulp(1.0), 0.1 + 0.2, -0.0, 0.0}) {
      List<String> forms = d == 0 // a BigDecimal has no negative zero
          ? List.of(Double.toString(d))
          : List.of(Double.toString(d), new BigDecimal(d).toString(), new BigDecimal(d).toPlainString());
      for (String s : forms) {
        assertThat(Double.doubleToRawLongBits(Cells.parse(s))).as(s).isEqualTo(Double.doubleToRawLongBits(d));
        char[] buf = ("77" + s + "e9").toCharArray();
        assertThat(Double.doubleToRawLongBits(Cells.parse(buf, 2, s.length()))).as(s)
            .isEqualTo(Double.doubleToRawLongBits(d));
      }
    }
  }

  /**
   * FastDoubleParser 2.0.1 stops reading an exponent past 1024, so hundreds of digits (or of zeros after the point)
   * in front of a 5-digit exponent used to come out as a finite number; {@link Cells} leaves such cells to the JDK.
   */
  @Test
  void longExponentsBehindManyDigitsMatchTheJdk() {
    String manySevens = "7".repeat(1100);
    String manyZeros = "0." + "0".repeat(1200);
    assertThat(Double.doubleToRawLongBits(Cells.parse(manySevens + "e-140697633"))).isZero();
    assertThat(Double.doubleToRawLongBits(Cells.parse("-" + "7".repeat(800) + "e-10240")))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(Cells.isText(Cells.parse(manyZeros + "7e10240"))).isTrue();
    assertThat(Cells.isText(Cells.parse(manyZeros + "7e+140697633"))).isTrue();
    Checker checker = new Checker(new Random(3L));
    for (String exponent : List.of("e-10240", "e-140697633", "e-01024", "e-1024", "e-9999", "e10240", "e+99999")) {
      for (String digits : List.of(manySevens, "7".repeat(737), manyZeros + "7", "0".repeat(1500) + "7", "7")) {
        checker.check(digits + exponent);
      }
    }
    checker.assertAllMatched(1);
  }

  @ParameterizedTest(name = "\"{0}\" is text")
  @ValueSource(strings = {"1e999", "-1e999", "1e309", "1.7976931348623159e308", "Infinity", "-Infinity", "NaNx",
      "0x1p3", "0x10", "1d", "1f", "1D", "1.5F", "--1", "++1", "+-1", "-", "+", ".", "-.", ".e5", "e5", "E5",
      "1e", "1e+", "1e-", "9E", "1.e", "+.e1", "-e5", "1.2.3", "1e5e5", "1e5.5", "1 2", "1,5", "1_000", "\u0661\u0662", "12abc", "N/A", "nul", "nulls"})
  void textStaysText(String cell) {
    assertThat(Cells.isText(Cells.parse(cell))).isTrue();
    char[] buf = ("5" + cell + "5").toCharArray();
    assertThat(Cells.isText(Cells.parse(buf, 1, cell.length()))).isTrue();
    assertThat(Cells.isText(reference(cell))).isTrue();
  }

  @ParameterizedTest(name = "\"{0}\" is missing")
  @ValueSource(strings = {"", " ", "\t \u2003", "NA", "na", "nA", " NA ", "NaN", "nan", "NAN", "null", "NULL", "nUlL"})
  void missingStaysMissing(String cell) {
    assertThat(Double.doubleToRawLongBits(Cells.parse(cell))).isEqualTo(CANONICAL_NAN);
    char[] buf = ("1" + cell + "2").toCharArray();
    assertThat(Double.doubleToRawLongBits(Cells.parse(buf, 1, cell.length()))).isEqualTo(CANONICAL_NAN);
  }

  @Test
  void blanksAroundANumberAreIgnored() {
    assertThat(Cells.parse(" 42 ")).isEqualTo(42.0);
    assertThat(Cells.parse(" 42 ".toCharArray(), 0, 4)).isEqualTo(42.0);
    assertThat(Cells.parse("x\t-1.5e3 y".toCharArray(), 1, 8)).isEqualTo(-1500.0);
    assertThat(Double.doubleToRawLongBits(Cells.parse(" -0 "))).isEqualTo(Double.doubleToRawLongBits(-0.0));
  }
}
