package org.skewcheck.validation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.check.Check;
import org.skewcheck.validation.check.DuplicateCheck;
import org.skewcheck.validation.check.Finding;
import org.skewcheck.validation.check.Scope;
import org.skewcheck.validation.check.Severity;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.stats.Duplicates;
import org.skewcheck.validation.stats.Table;

/** Duplicates: paired unless the config declares rows unique, and a same-distribution split raises nothing. */
class DuplicateFindingsTest {
  /** Each of the three columns takes 50 values: 125,000 rows in all, so 5,000 rows repeat about 2% by nature. */
  private static final int VALUES = 50;

  /** Rows of three low-cardinality columns, e.g. carrier, origin and a delay bucket; row r is rows[r]. */
  private static int[][] rows(int n, SplittableRandom random) {
    int[][] out = new int[n][];
    for (int r = 0; r < n; r++) {
      out[r] = new int[] {random.nextInt(VALUES), random.nextInt(VALUES), random.nextInt(VALUES)};
    }
    return out;
  }

  /** Rows that repeat an earlier row of the same dataset, as the pipeline counts them. */
  private static long repeats(int[][] rows) {
    Set<List<Integer>> seen = new HashSet<>();
    long repeated = 0;
    for (int[] row : rows) {
      if (!seen.add(List.of(row[0], row[1], row[2]))) {
        repeated++;
      }
    }
    return repeated;
  }

  private static Report compare(SkewConfig config, int[][] train, int[][] predict) {
    return compare(config, train, predict, repeats(train), repeats(predict));
  }

  private static Report compare(SkewConfig config, int[][] train, int[][] predict, long trainRepeats,
      long predictRepeats) {
    return CompareProfiles.with(config)
        .withDuplicates(Map.of("train", new Duplicates(trainRepeats, null), "predict", new Duplicates(predictRepeats, null)))
        .compare(table(train).profile("train"), table(predict).profile("predict"));
  }

  private static Table table(int[][] rows) {
    Table t = new Table(rows.length);
    for (int c = 0; c < 3; c++) {
      int column = c;
      t.add("FL_" + c, r -> rows[r][column]);
    }
    return t;
  }

  private static List<Finding> duplicateFindings(Report report) {
    return report.findings().stream()
        .filter(f -> f.check() == Check.DUPLICATE_RATE || f.check() == Check.DUPLICATE_ROWS).toList();
  }

  private static int[][] slice(int[][] rows, int from, int to) {
    return Arrays.copyOfRange(rows, from, to);
  }

  @Test
  void randomSplitsOfDataThatRepeatsByNatureRaiseNothing() {
    int[][] all = rows(10_100, new SplittableRandom(1212));
    SkewConfig config = SkewConfig.defaults();

    Report halves = compare(config, slice(all, 0, 5_050), slice(all, 5_050, 10_100));
    assertThat(halves.datasets().get("train").duplicateRows()).as("about 2% repeat").isBetween(60L, 140L);
    assertThat(halves.datasets().get("predict").duplicateRows()).isBetween(60L, 140L);
    assertThat(duplicateFindings(halves)).isEmpty();

    assertThat(duplicateFindings(compare(config, slice(all, 0, 5_000), slice(all, 5_000, 5_100)))).isEmpty();
    assertThat(duplicateFindings(compare(config, slice(all, 0, 100), slice(all, 100, 5_100)))).isEmpty();
  }

  @Test
  void predictWithAFifthOfItsRowsDuplicatedIsAWarning() {
    SplittableRandom random = new SplittableRandom(1213);
    int[][] train = rows(5_000, random);
    int[][] predict = rows(1_000, random);
    for (int r = 800; r < predict.length; r++) {
      predict[r] = predict[random.nextInt(800)];
    }
    long trainRepeats = repeats(train);
    long predictRepeats = repeats(predict);
    assertThat(predictRepeats).isGreaterThanOrEqualTo(200);

    Report report = compare(SkewConfig.defaults(), train, predict);

    assertThat(duplicateFindings(report)).singleElement().satisfies(f -> {
      assertThat(f.check()).isEqualTo(Check.DUPLICATE_RATE);
      assertThat(f.scope()).isEqualTo(Scope.DATASET);
      assertThat(f.target()).isEqualTo("predict");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.figures()).containsEntry("trainRate", trainRepeats / 5_000.0)
          .containsEntry("predictRate", predictRepeats / 1_000.0).containsEntry("trainN", 5_000L)
          .containsEntry("predictN", 1_000L).containsEntry("heavierIn", "predict");
      assertThat(f.probability()).isLessThan(1e-30);
      assertThat(f.message()).startsWith("predict: 0.2").contains("of rows repeat an earlier row")
          .contains("in train").contains("Fisher's exact test");
    });
  }

  @Test
  void theProbabilityIsFishersOneSidedTail() {
    // 100 rows each, 12 repeats in predict and none in train: the tail is the one table with all 12
    // repeats in predict, C(100, 12) / C(200, 12).
    int[][] train = rows(100, new SplittableRandom(1214));
    int[][] predict = rows(100, new SplittableRandom(1215));
    double tail = 1;
    for (int i = 0; i < 12; i++) {
      tail *= (100.0 - i) / (200.0 - i);
    }
    double expected = tail;

    assertThat(duplicateFindings(compare(SkewConfig.defaults(), train, predict, 0, 12))).singleElement()
        .satisfies(f -> assertThat(f.probability()).isCloseTo(expected, offset(expected * 1e-9)));
  }

  @Test
  void withRowsDeclaredUniqueOneRepeatIsAWarningThatAPairedRunDoesNotRaise() {
    int[][] train = rows(500, new SplittableRandom(1216));
    int[][] predict = rows(100, new SplittableRandom(1217));
    SkewConfig unique = SkewConfig.parse("rowsUnique: true\n", "t");

    assertThat(duplicateFindings(compare(unique, train, predict, 0, 1))).singleElement().satisfies(f -> {
      assertThat(f.check()).isEqualTo(Check.DUPLICATE_ROWS);
      assertThat(f.target()).isEqualTo("predict");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.message()).isEqualTo("predict: 1 rows repeat an earlier row in every column");
    });
    assertThat(duplicateFindings(compare(SkewConfig.defaults(), train, predict, 0, 1))).isEmpty();
  }
}
