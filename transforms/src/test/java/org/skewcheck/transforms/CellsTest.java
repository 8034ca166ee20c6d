package org.skewcheck.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CellsTest {
  private static final long CANONICAL_NAN = Double.doubleToRawLongBits(Double.NaN);

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "0|0",
      "1|1",
      "-3|-3",
      "123456789|123456789",        // longest input of the plain-integer path
      "-12345678|-12345678",
      "12345678901|12345678901",    // too long for the plain-integer path: general parser
      "-98765432109|-98765432109",
      "1.5e-3|0.0015",
      "' 2.5 '|2.5",                // surrounding blanks ignored
      "' 7'|7",                     // a blank sends a short integer to the general path
      "+4|4",
      ".5|0.5",
      "-0.25|-0.25",
      "007|7",
  })
  void numbersParseToTheirValue(String cell, double expected) {
    double v = Cells.parse(cell);

    assertThat(v).isEqualTo(expected);
    assertThat(Cells.isText(v)).isFalse();
  }

  @Test
  void minusZeroIsAZero() {
    assertThat(Cells.parse("-0")).isZero();
    assertThat(Cells.parse("-0.0") == 0).isTrue();
  }

  @ParameterizedTest(name = "\"{0}\" is missing")
  @ValueSource(strings = {"", "  ", "NA", "na", " NA ", "nan", "NaN", "NAN", "NULL", "null", "Null", "\tnull "})
  void missingMarkersAreCanonicalNaNNotText(String cell) {
    double v = Cells.parse(cell);

    assertThat(Double.doubleToRawLongBits(v)).isEqualTo(CANONICAL_NAN);
    assertThat(Cells.isText(v)).isFalse();
  }

  @ParameterizedTest(name = "\"{0}\" is text")
  @ValueSource(strings = {"abc", "Infinity", "-Infinity", "+Infinity", "inf", "1,5", "-", "+", ".", "1.2.3", "12abc",
      "1e400", "N/A", "1 2", "--1", "0x1F", "true", "1d", "2f", "3D", " 1.5F ", "0x1p3"})
  void nonNumbersAreText(String cell) {
    double v = Cells.parse(cell);

    assertThat(Cells.isText(v)).isTrue();
    assertThat(v).isNaN(); // text must never pass for a number in a statistic
  }

  @Test
  void onlyTheTextMarkerIsText() {
    assertThat(Cells.isText(Double.NaN)).isFalse();
    assertThat(Cells.isText(0.0)).isFalse();
    assertThat(Cells.isText(Double.longBitsToDouble(0x7ff8_0000_0000_0001L))).isFalse();
    assertThat(Cells.isText(Cells.TEXT)).isTrue();
  }

  @Test
  void plainIntegerPathAgreesWithTheGeneralParser() {
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 10_000; i++) {
      long n = random.nextInt(2_000_000_000) - 1_000_000_000L;
      String s = Long.toString(n);
      assertThat(Cells.parse(s)).as(s).isEqualTo(Double.parseDouble(s));
    }
  }
}
