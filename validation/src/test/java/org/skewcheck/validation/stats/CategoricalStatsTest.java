package org.skewcheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.stats.Categories.ValueCount;

/** The categorical side of {@link ColumnStats}: top values, category counts and distinct estimates. */
class CategoricalStatsTest {
  private static final String[] COLOURS = {"red", "green", "blue", "black", "white"};

  /** One cell: text, or a number when the drawn word is a digit string. */
  private static void addCell(ColumnStats s, String cell) {
    try {
      s.add(Double.parseDouble(cell));
    } catch (NumberFormatException e) {
      s.addText(cell);
    }
  }

  /** Cells from {@code vocabulary}, skewed towards its first entries. */
  private static List<String> cells(long seed, int n, String[] vocabulary) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(vocabulary[(int) (vocabulary.length * Math.pow(random.nextDouble(), 2))]);
    }
    return out;
  }

  private static ColumnStats of(List<String> cells) {
    ColumnStats s = new ColumnStats();
    cells.forEach(c -> addCell(s, c));
    return s;
  }

  private static TreeMap<String, Long> exactCounts(List<String> cells) {
    TreeMap<String, Long> counts = new TreeMap<>();
    cells.forEach(c -> counts.merge(c, 1L, Long::sum));
    return counts;
  }

  @Test
  void longValuesAreKeptBoundedAndStillApart() {
    String a = "x".repeat(500_000) + "a";
    String b = "x".repeat(500_000) + "b";
    Categories c = new Categories();
    c.addText(a, 2);
    c.addText(b, 1);
    c.addText("short", 1);

    assertThat(c.count(a)).isEqualTo(2);
    assertThat(c.count(b)).isEqualTo(1);
    assertThat(Categories.bounded(a)).hasSize(Categories.MAX_VALUE_CHARS)
        .contains("500001 chars").isNotEqualTo(Categories.bounded(b));
    assertThat(Categories.bounded("short")).isEqualTo("short");
    // a value as a report or profile holds it is found again: train's count of it is not 0
    assertThat(Categories.bounded(Categories.bounded(a))).isEqualTo(Categories.bounded(a));
    assertThat(c.count(Categories.bounded(a))).isEqualTo(2);
  }

  @Test
  void smallCardinalityIsExact() {
    String[] vocabulary = {"red", "green", "blue", "0", "1", "2.5"};
    List<String> cells = cells(1, 3_000, vocabulary);
    ColumnStats s = of(cells);
    TreeMap<String, Long> expected = exactCounts(cells);

    assertThat(s.valuesExact()).isTrue();
    assertThat(s.hasText()).isTrue();
    assertThat(s.present()).isEqualTo(3_000);
    assertThat(s.distinct()).isEqualTo(6.0);
    List<ValueCount> top = s.topValues(10);
    assertThat(top).hasSize(6);
    expected.forEach((value, n) -> assertThat(s.countOfCategory(value)).as(value).isEqualTo((double) n));
    assertThat(top).isSortedAccordingTo(ValueCount.BY_COUNT);
    assertThat(top.get(0)).isEqualTo(new ValueCount("red", expected.get("red")));
    assertThat(s.topValues(2)).containsExactlyElementsOf(top.subList(0, 2));
    assertThat(s.countOfCategory("purple")).isZero();
  }

  @Test
  void numbersSeenBeforeTheFirstTextAreCategoriesToo() {
    ColumnStats s = new ColumnStats();
    s.add(3.0, 5);
    s.add(0.0, 2);
    s.addText("unknown");
    s.add(3.0);
    assertThat(s.topValues(10)).containsExactly(new ValueCount("3", 6), new ValueCount("0", 2),
        new ValueCount("unknown", 1));
    assertThat(s.distinct()).isEqualTo(3.0);
  }

  @Test
  void tiesAreOrderedByValue() {
    ColumnStats s = new ColumnStats();
    for (String c : new String[] {"b", "a", "c", "a", "b", "c"}) {
      s.addText(c);
    }
    assertThat(s.topValues(10)).extracting(ValueCount::value).containsExactly("a", "b", "c");
  }

  @Test
  void numericColumnsOfFewValuesHaveExactCategoriesWithoutText() {
    ColumnStats s = new ColumnStats();
    s.add(1.0, 30);
    s.add(0.0, 70);
    s.add(-2.5, 1);
    assertThat(s.topValues(10)).containsExactly(new ValueCount("0", 70), new ValueCount("1", 30),
        new ValueCount("-2.5", 1));
    assertThat(s.countOfCategory("1")).isEqualTo(30.0);
    assertThat(s.countOfCategory("1.0")).as("not a canonical category").isZero();
    assertThat(s.countOfCategory("red")).isZero();
    assertThat(s.distinct()).isEqualTo(3.0);
  }

  @Test
  void canonicalNumbersAreIntegersWithoutAPointElseShortestDecimals() {
    assertThat(Categories.canonical(3.0)).isEqualTo("3");
    assertThat(Categories.canonical(-0.0)).isEqualTo("0");
    assertThat(Categories.canonical(-12)).isEqualTo("-12");
    assertThat(Categories.canonical(1.5)).isEqualTo("1.5");
    assertThat(Categories.canonical(1e-4)).isEqualTo("1.0E-4");
    assertThat(Categories.canonical(1e20)).isEqualTo("1.0E20");
  }

  @Test
  void mergeEqualsSequentialWhileExact() {
    String[] vocabulary = {"red", "green", "blue", "7", "8", "9", "x1", "x2"};
    List<String> cells = cells(2, 4_000, vocabulary);
    ColumnStats sequential = of(cells);
    // Shards in every combination: numbers only, text only, mixed, empty.
    ColumnStats merged = new ColumnStats();
    merged.merge(of(cells.subList(0, 1_000)));
    merged.merge(new ColumnStats());
    ColumnStats numbersOnly = new ColumnStats();
    ColumnStats textOnly = new ColumnStats();
    for (String c : cells.subList(1_000, 2_500)) {
      addCell(Character.isDigit(c.charAt(0)) ? numbersOnly : textOnly, c);
    }
    merged.merge(numbersOnly);
    merged.merge(textOnly);
    ColumnStats last = of(cells.subList(2_500, 4_000));
    ColumnStats numbersFirst = new ColumnStats();
    numbersFirst.add(7.0, 0);
    numbersFirst.merge(last);
    merged.merge(numbersFirst);

    assertThat(merged.valuesExact()).isTrue();
    assertThat(merged.topValues(100)).isEqualTo(sequential.topValues(100));
    assertThat(merged.distinct()).isEqualTo(sequential.distinct()).isEqualTo(8.0);
    assertThat(merged.nonNumeric()).isEqualTo(sequential.nonNumeric());
    assertThat(merged.count()).isEqualTo(sequential.count());
  }

  @Test
  void aNumericShardMergedIntoACategoricalOneBringsItsNumbers() {
    ColumnStats text = new ColumnStats();
    text.addText("red");
    ColumnStats numbers = new ColumnStats();
    numbers.add(4.0, 3);
    text.merge(numbers);
    assertThat(text.topValues(10)).containsExactly(new ValueCount("4", 3), new ValueCount("red", 1));

    ColumnStats numbersFirst = new ColumnStats();
    numbersFirst.add(4.0, 3);
    ColumnStats red = new ColumnStats();
    red.addText("red");
    numbersFirst.merge(red);
    assertThat(numbersFirst.topValues(10)).isEqualTo(text.topValues(10));
  }

  @Test
  void manyDistinctValuesKeepTheFrequentOnesAndEstimateTheDistinctCount() {
    ColumnStats s = new ColumnStats();
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 20_000; i++) {
      s.addText(random.nextDouble() < 0.3 ? "common" : "id-" + i);
    }
    assertThat(s.valuesExact()).isFalse();
    assertThat(s.topValues(1).get(0).value()).isEqualTo("common");
    assertThat(s.countOfCategory("common") / 6_000).isCloseTo(1, within(0.05));
    double ids = 20_000 - s.countOfCategory("common") + 1;
    assertThat(s.distinct() / ids).isCloseTo(1, within(0.05));
  }

  @Test
  void integerColumnsPastTheValueCountsEstimateTheirDistinctCount() {
    ColumnStats ids = new ColumnStats();
    ColumnStats measurements = new ColumnStats();
    for (int i = 0; i < 10_000; i++) {
      ids.add(1_700_000_000 + i);
      measurements.add(i + 0.5);
    }
    assertThat(ids.integral()).isTrue();
    assertThat(ids.distinct() / 10_000).isCloseTo(1, within(0.05));
    assertThat(measurements.integral()).isFalse();
    assertThat(measurements.distinct()).as("not counted for a continuous column").isNaN();
    assertThat(measurements.topValues(10)).isEmpty();
  }

  @Test
  void shardedIntegerDistinctMatchesSequential() {
    ColumnStats sequential = new ColumnStats();
    ColumnStats merged = new ColumnStats();
    ColumnStats shard = new ColumnStats();
    for (int i = 0; i < 5_000; i++) {
      sequential.add(i);
      shard.add(i);
      if (i % 700 == 699) {
        merged.merge(shard);
        shard = new ColumnStats();
      }
    }
    merged.merge(shard);
    assertThat(merged.distinct() / 5_000).isCloseTo(1, within(0.05));
    assertThat(merged.distinct()).isCloseTo(sequential.distinct(), within(0.02 * 5_000));
    ColumnStats fractional = new ColumnStats();
    fractional.add(0.5);
    merged.merge(fractional);
    assertThat(merged.integral()).isFalse();
    assertThat(merged.distinct()).isNaN();
  }

  @Test
  void roundTripKeepsCategoriesAndDistinctCounts() throws IOException {
    ColumnStats mixed = of(cells(4, 2_000, new String[] {"red", "green", "3", "4"}));
    ColumnStats wide = new ColumnStats();
    for (int i = 0; i < 3_000; i++) {
      wide.addText("v" + (i % 1_000));
      wide.add(i);
    }
    ColumnStats integers = new ColumnStats();
    for (int i = 0; i < 3_000; i++) {
      integers.add(i);
    }
    for (ColumnStats s : List.of(mixed, wide, integers)) {
      ColumnStats read = roundTrip(s);
      assertThat(read.topValues(20)).isEqualTo(s.topValues(20));
      assertThat(read.distinct()).isEqualTo(s.distinct());
      assertThat(read.valuesExact()).isEqualTo(s.valuesExact());
      assertThat(read.integral()).isEqualTo(s.integral());
      assertThat(read.nonNumeric()).isEqualTo(s.nonNumeric());
      // What was read keeps working as an accumulator.
      read.addText("new");
      assertThat(read.countOfCategory("new")).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void mergeLeavesTheOtherUnchangedAndRefusesItself() throws IOException {
    ColumnStats a = of(cells(5, 500, COLOURS));
    ColumnStats b = of(cells(6, 500, COLOURS));
    byte[] before = bytes(b);
    a.merge(b);
    assertThat(bytes(b)).isEqualTo(before);
    assertThat(a.present()).isEqualTo(1_000);
    Categories c = new Categories();
    assertThatThrownBy(() -> c.merge(c)).isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] bytes(ColumnStats s) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    s.writeTo(new DataOutputStream(bytes));
    return bytes.toByteArray();
  }

  private static ColumnStats roundTrip(ColumnStats s) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes(s)));
    ColumnStats read = ColumnStats.readFrom(in);
    assertThat(in.read()).as("everything written was read").isEqualTo(-1);
    return read;
  }
}
