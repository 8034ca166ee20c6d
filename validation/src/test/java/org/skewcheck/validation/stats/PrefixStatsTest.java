package org.skewcheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrefixStatsTest {
  private static final double NA = Double.NaN;

  /**
   * Five rows of a, b, c:
   * r0 all there, one non-zero; r1 all zeros; r2 all missing; r3 only text; r4 a number and text.
   */
  private static PrefixBlock handMadeBlock() {
    String[] names = {"WI_a", "WI_b", "WI_c"};
    double[][] rows = {
        {0, 1, NA},
        {0, 0, 0},
        {NA, NA, NA},
        {NA, NA, NA},
        {2.5, NA, NA},
    };
    String[][] text = new String[5][3];
    text[3][1] = "x";
    text[4][2] = "y?";
    return ProfileFixtures.block(names, rows, text);
  }

  @Test
  void fixtureBuildsColumnMajorBlocksWithSortedTextIndex() {
    PrefixBlock block = handMadeBlock();
    assertThat(block.rows()).isEqualTo(5);
    assertThat(block.values()).hasSize(15);
    assertThat(block.values()[5]).as("b, row 0").isEqualTo(1.0);
    // b row 3 is cell 1 * 5 + 3 = 8; c row 4 is 2 * 5 + 4 = 14.
    assertThat(block.textIndex()).containsExactly(8, 14);
    assertThat(block.text()).containsExactly("x", "y?");
    assertThat(block.values()[8]).isNaN();
  }

  @Test
  void profilesMissingTextZerosAndRowLevelCounts() {
    PrefixStats s = new PrefixStats();
    s.add(handMadeBlock());

    assertThat(s.rows()).isEqualTo(5);
    assertThat(s.rowsAnyPresent()).as("r0, r1, r3 (text), r4").isEqualTo(4);
    assertThat(s.rowsAnyNonZero()).as("r0, r4").isEqualTo(2);
    assertThat(s.columns()).containsOnlyKeys("WI_a", "WI_b", "WI_c");

    ColumnStats a = s.columns().get("WI_a");
    assertThat(a.count()).isEqualTo(3);
    assertThat(a.zeros()).isEqualTo(2);
    assertThat(a.nonNumeric()).isZero();
    assertThat(a.max()).isEqualTo(2.5);
    assertThat(a.mean()).isCloseTo(2.5 / 3, within(1e-15));

    ColumnStats b = s.columns().get("WI_b");
    assertThat(b.count()).isEqualTo(2);
    assertThat(b.zeros()).isEqualTo(1);
    assertThat(b.nonNumeric()).isEqualTo(1);

    ColumnStats c = s.columns().get("WI_c");
    assertThat(c.count()).isEqualTo(1);
    assertThat(c.zeros()).isEqualTo(1);
    assertThat(c.nonNumeric()).isEqualTo(1);
    assertThat(c.isConstant()).isTrue();

    DatasetProfile d = new DatasetProfile(Dataset.TRAIN, 1, 5, 0, Map.of("WI", s));
    assertThat(d.missing(a)).isEqualTo(2);
    assertThat(d.missing(b)).isEqualTo(2);
    assertThat(d.missing(c)).isEqualTo(3);
    assertThat(d.columns()).containsOnlyKeys("WI_a", "WI_b", "WI_c");
  }

  @Test
  void profilesEachRowsTotalNonZeroCountNonZeroMeanAndNonZeroLogMean() {
    PrefixStats s = new PrefixStats();
    s.add(handMadeBlock());

    // r0 {0, 1}: total 1, one non-zero of mean 1 and log mean ln 1 = 0; r1 {0, 0, 0}: total 0, none;
    // r2 and r3 have no number, so no aggregate; r4 {2.5}: total 2.5, one non-zero of mean 2.5 and
    // log mean ln 2.5.
    RowAggregates a = s.aggregates();
    assertThat(a.total().count()).isEqualTo(3);
    assertThat(a.total().exactValues()).containsExactly(0, 1, 2.5);
    assertThat(a.nonZeroCount().exactValues()).containsExactly(0, 1);
    assertThat(a.nonZeroCount().countOf(1)).isEqualTo(2);
    assertThat(a.nonZeroMean().count()).isEqualTo(2);
    assertThat(a.nonZeroMean().mean()).isEqualTo(1.75);
    assertThat(a.nonZeroLogMean().exactValues()).containsExactly(0, Math.log(2.5));
    assertThat(s.columns()).as("the aggregates are not columns").containsOnlyKeys("WI_a", "WI_b", "WI_c");
  }

  @Test
  void theNonZeroLogMeanIsTheLogOfTheGeometricMeanOfAbsoluteValues() {
    PrefixStats s = ProfileFixtures.prefixStats(new String[] {"LG_a", "LG_b", "LG_c"},
        new double[][] {{-2, 0, 8}, {0.5, 0.5, 0.5}, {0, 0, 0}});

    // {-2, 8}: (ln 2 + ln 8) / 2 = ln 4; {0.5, 0.5, 0.5}: ln 0.5; no non-zero number: missing.
    ColumnStats logMean = s.aggregates().nonZeroLogMean();
    assertThat(logMean.count()).isEqualTo(2);
    assertThat(logMean.min()).isCloseTo(Math.log(0.5), within(1e-15));
    assertThat(logMean.max()).isCloseTo(Math.log(4), within(1e-15));
  }

  @Test
  void aOneColumnFamilyHasNoAggregates() {
    PrefixStats s = ProfileFixtures.prefixStats(new String[] {"DEP_delay"}, new double[][] {{1}, {2}});
    assertThat(s.aggregates()).isNull();
    PrefixStats wide = ProfileFixtures.prefixStats(new String[] {"DEP_a", "DEP_b"}, new double[][] {{1, 2}});
    s.merge(wide);
    assertThat(s.aggregates().total().exactValues()).as("only the two-column block's row").containsExactly(3);
  }

  @Test
  void emptyBlockAddsColumnsButNoRows() {
    PrefixStats s = new PrefixStats();
    s.add(new PrefixBlock(new String[] {"x", "y"}, 0, new double[0], new int[0], new String[0]));
    assertThat(s.rows()).isZero();
    assertThat(s.columns()).containsOnlyKeys("x", "y");
    assertThat(s.columns().get("x").count()).isZero();
  }

  @Test
  void blockRejectsInconsistentShapes() {
    assertThatThrownBy(() -> new PrefixBlock(new String[] {"a", "b"}, 3, new double[5], new int[0], new String[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 x 3");
    assertThatThrownBy(() -> new PrefixBlock(new String[] {"a"}, 1, new double[1], new int[] {0}, new String[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Rows with ~20% missing cells, ~2% text, ~40% zeros, integers and decimals. */
  private static double[][] randomRows(SplittableRandom random, int rows, int cols, String[][] text) {
    double[][] m = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double u = random.nextDouble();
        if (u < 0.2) {
          m[r][c] = NA;
        } else if (u < 0.22) {
          m[r][c] = NA;
          text[r][c] = "t" + random.nextInt(5);
        } else if (u < 0.6) {
          m[r][c] = 0;
        } else if (c % 2 == 0) {
          m[r][c] = random.nextInt(1, 5);
        } else {
          m[r][c] = random.nextDouble() * 100;
        }
      }
    }
    return m;
  }

  private static void assertSameProfile(PrefixStats actual, PrefixStats expected, double tolerance) {
    assertThat(actual.rows()).isEqualTo(expected.rows());
    assertThat(actual.rowsAnyPresent()).isEqualTo(expected.rowsAnyPresent());
    assertThat(actual.rowsAnyNonZero()).isEqualTo(expected.rowsAnyNonZero());
    assertThat(actual.columns().keySet()).containsExactlyElementsOf(expected.columns().keySet());
    expected.columns().forEach((name, e) -> assertSameColumn(name, actual.columns().get(name), e, tolerance));
    assertThat(actual.aggregates() == null).isEqualTo(expected.aggregates() == null);
    if (expected.aggregates() != null) {
      RowAggregates a = actual.aggregates();
      RowAggregates e = expected.aggregates();
      assertSameColumn("total", a.total(), e.total(), tolerance);
      assertSameColumn("nonZeroCount", a.nonZeroCount(), e.nonZeroCount(), tolerance);
      assertSameColumn("nonZeroMean", a.nonZeroMean(), e.nonZeroMean(), tolerance);
      assertSameColumn("nonZeroLogMean", a.nonZeroLogMean(), e.nonZeroLogMean(), tolerance);
    }
  }

  private static void assertSameColumn(String name, ColumnStats a, ColumnStats e, double tolerance) {
    assertThat(a.count()).as(name).isEqualTo(e.count());
    assertThat(a.zeros()).as(name).isEqualTo(e.zeros());
    assertThat(a.nonNumeric()).as(name).isEqualTo(e.nonNumeric());
    assertThat(Double.valueOf(a.min())).as(name).isEqualTo(Double.valueOf(e.min()));
    assertThat(Double.valueOf(a.max())).as(name).isEqualTo(Double.valueOf(e.max()));
    assertThat(a.mean()).as(name).isCloseTo(e.mean(), within(tolerance * Math.abs(e.mean())));
    assertThat(a.stddev()).as(name).isCloseTo(e.stddev(), within(tolerance * Math.abs(e.stddev())));
    assertThat(a.distinctNumeric()).as(name).isEqualTo(e.distinctNumeric());
    if (e.distinctNumeric() >= 0) {
      for (double rank = 0; rank <= 1; rank += 0.05) {
        assertThat(a.quantile(rank)).as("%s quantile(%s)", name, rank).isEqualTo(e.quantile(rank));
      }
    }
  }

  @Test
  void mergeOfTwoEqualsOneCombined() {
    SplittableRandom random = new SplittableRandom(31);
    String[] names = {"LG_0", "LG_1", "LG_2", "LG_3", "LG_4"};
    int rows = 3_000;
    String[][] text = new String[rows][names.length];
    double[][] m = randomRows(random, rows, names.length, text);
    int cut = 1_234;

    PrefixStats combined = ProfileFixtures.prefixStats(names, m, text);
    PrefixStats first = ProfileFixtures.prefixStats(names, Arrays.copyOfRange(m, 0, cut),
        Arrays.copyOfRange(text, 0, cut));
    PrefixStats second = ProfileFixtures.prefixStats(names, Arrays.copyOfRange(m, cut, rows),
        Arrays.copyOfRange(text, cut, rows));
    first.merge(second);

    assertThat(combined.rows()).isEqualTo(rows);
    assertSameProfile(first, combined, 1e-12);
    assertThat(combined.columns().get("LG_0").nonNumeric()).isPositive();
  }

  @Test
  void mergeAddsColumnsOnlyTheOtherHas() {
    // Two files with different headers: the second lacks c and has d.
    PrefixStats first = ProfileFixtures.prefixStats(new String[] {"a", "c"}, new double[][] {{1, 2}, {0, 3}});
    PrefixStats second = ProfileFixtures.prefixStats(new String[] {"a", "d"}, new double[][] {{5, 0}});
    first.merge(second);
    assertThat(first.rows()).isEqualTo(3);
    assertThat(first.rowsAnyNonZero()).isEqualTo(3);
    assertThat(first.columns()).containsOnlyKeys("a", "c", "d");
    assertThat(first.columns().get("a").count()).isEqualTo(3);
    assertThat(first.columns().get("c").count()).isEqualTo(2);
    assertThat(first.columns().get("d").zeros()).isEqualTo(1);
    assertThat(second.columns()).as("the other is left unchanged").containsOnlyKeys("a", "d");
    assertThat(second.columns().get("a").count()).isEqualTo(1);

    DatasetProfile d = new DatasetProfile(Dataset.TRAIN, 2, 3, 0, Map.of("p", first));
    assertThat(d.missing(first.columns().get("c"))).as("absent from a file counts as missing").isEqualTo(1);
    assertThat(d.missing(first.columns().get("d"))).isEqualTo(2);
  }

  @Test
  void mergeIntoItselfThrows() {
    PrefixStats s = new PrefixStats();
    s.add(handMadeBlock());
    assertThatThrownBy(() -> s.merge(s)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void roundTripPreservesEveryFigure() throws IOException {
    SplittableRandom random = new SplittableRandom(32);
    String[] names = {"c_z", "c_a", "c_m"};
    String[][] text = new String[2_000][names.length];
    PrefixStats s = ProfileFixtures.prefixStats(names, randomRows(random, 2_000, names.length, text), text);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    s.writeTo(new DataOutputStream(bytes));
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    PrefixStats read = PrefixStats.readFrom(in);
    assertThat(in.read()).isEqualTo(-1);

    assertSameProfile(read, s, 0);
    assertThat(read.columns().keySet()).containsExactly("c_a", "c_m", "c_z");
    s.columns().forEach((name, c) -> {
      ColumnStats r = read.columns().get(name);
      assertThat(r.skewness()).isEqualTo(c.skewness());
      assertThat(r.excessKurtosis()).isEqualTo(c.excessKurtosis());
      for (double rank = 0; rank <= 1; rank += 0.1) {
        assertThat(r.quantile(rank)).isEqualTo(c.quantile(rank));
      }
    });
  }

  /**
   * The checks read the very accumulators that are saved afterwards (the train profile), so no read
   * may change what is written: quantiles, counts up to a value (the drift bins), value counts,
   * distinct estimates and top values, of columns in every state (exact counts; a sketch of
   * decimals; a sketch of integers with its distinct count; categories) and of the row aggregates.
   * Fewer rows than the quantile sketch's k: it never compacts, so the twin built from the same
   * rows writes the same bytes.
   */
  @Test
  void readingEveryFigureLeavesTheSavedBytesAsTheyWere() throws IOException {
    SplittableRandom random = new SplittableRandom(33);
    String[] names = {"RD_flag", "RD_decimal", "RD_id", "RD_colour"};
    int rows = 900;
    double[][] m = new double[rows][names.length];
    String[][] text = new String[rows][names.length];
    for (int r = 0; r < rows; r++) {
      m[r][0] = random.nextInt(0, 3);
      m[r][1] = random.nextDouble() < 0.3 ? 0 : random.nextDouble() * 50;
      m[r][2] = random.nextInt(0, 100_000);
      m[r][3] = NA;
      if (random.nextDouble() < 0.5) {
        text[r][3] = "c" + random.nextInt(0, 1_000);
      } else {
        m[r][3] = random.nextInt(0, 40);
      }
    }
    PrefixStats read = ProfileFixtures.prefixStats(names, m, text);
    PrefixStats unread = ProfileFixtures.prefixStats(names, m, text);
    assertThat(read.columns().get("RD_decimal").distinctNumeric()).as("the sketch took over").isEqualTo(-1);

    read.columns().values().forEach(PrefixStatsTest::readEveryFigure);
    readEveryFigure(read.aggregates().total());
    readEveryFigure(read.aggregates().nonZeroCount());
    readEveryFigure(read.aggregates().nonZeroMean());

    assertThat(bytes(read)).isEqualTo(bytes(unread));
  }

  private static void readEveryFigure(ColumnStats s) {
    for (double rank = 0; rank <= 1; rank += 0.01) {
      double q = s.quantile(rank);
      s.countAtMost(q);
      s.countBelow(q);
      s.countOf(q);
      s.countOfCategory(Categories.canonical(q));
    }
    s.exactValues();
    s.distinctNumeric();
    s.distinct();
    s.valuesExact();
    s.topValues(10).forEach(v -> s.countOfCategory(v.value()));
  }

  private static byte[] bytes(PrefixStats s) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    s.writeTo(new DataOutputStream(bytes));
    return bytes.toByteArray();
  }
}
