package org.skewcheck.validation.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.stats.DatasetProfile;
import org.skewcheck.validation.stats.Table;

class UnseenCategoryCheckTest {
  /** A text column: row r holds {@code value.apply(r)}. */
  private static Table column(int rows, java.util.function.IntFunction<String> value) {
    Table t = new Table(rows).add("CAT_city", r -> Double.NaN);
    for (int r = 0; r < rows; r++) {
      t.text("CAT_city", r, value.apply(r));
    }
    return t;
  }

  private static List<Finding> check(SkewConfig config, Table train, Table predict) {
    return new UnseenCategoryCheck().check(Comparison.of(config, train.profile("train"), predict.profile("predict")));
  }

  private static final String[] CITIES = {"Oslo", "Rome", "Lima", "Pune", "Kyiv"};

  @Test
  void aNewValueInTenPercentOfPredictIsAnError() {
    SplittableRandom random = new SplittableRandom(601);
    Table train = column(5_000, r -> CITIES[random.nextInt(5)]);
    Table predict = column(100, r -> r < 10 ? "Atlantis" : CITIES[random.nextInt(5)]);
    List<Finding> findings = check(SkewConfig.defaults(), train, predict);

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.check()).isEqualTo(Check.UNSEEN_CATEGORIES);
      assertThat(f.scope()).isEqualTo(Scope.COLUMN);
      assertThat(f.target()).isEqualTo("CAT_city");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.message()).startsWith("CAT_city: 1 value train never had, in 10 of 100 predict values (10.0%):"
          + " 'Atlantis' (10)");
      assertThat(f.figures()).containsEntry("values", "Atlantis").containsEntry("unseenValues", 1)
          .containsEntry("predictCount", 10L).containsEntry("predictFraction", 0.1);
      assertThat(f.adjustedProbability()).isLessThan(1e-10);
    });
  }

  @Test
  void aSignificantButSmallShareIsAWarningAndTheShareIsConfigurable() {
    SplittableRandom random = new SplittableRandom(602);
    Table train = column(5_000, r -> CITIES[random.nextInt(5)]);
    Table predict = column(1_000, r -> r < 20 ? "Atlantis" : CITIES[random.nextInt(5)]);
    assertThat(check(SkewConfig.defaults(), train, predict)).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    SkewConfig strict = SkewConfig.parse("unseenCategories: {errorShare: 0.01}\n", "test.yaml");
    assertThat(check(strict, train, predict)).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
  }

  @Test
  void aSingleNewValueIsOnlyInfo() {
    // One row in 100 with a value 5,000 train rows never had happens by chance often enough (p ~ 0.02).
    SplittableRandom random = new SplittableRandom(603);
    Table train = column(5_000, r -> CITIES[random.nextInt(5)]);
    Table predict = column(100, r -> r == 0 ? "Atlantis" : CITIES[random.nextInt(5)]);
    assertThat(check(SkewConfig.defaults(), train, predict)).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
  }

  @Test
  void aLongTailMakesNewValuesExpected() {
    // Train sees a new name in about a third of its rows (Good-Turing), so 40 new names in 100 rows are no news.
    SplittableRandom random = new SplittableRandom(604);
    Table train = column(600, r -> random.nextDouble() < 0.6 ? CITIES[random.nextInt(5)] : "name" + r);
    Table predict = column(100, r -> random.nextDouble() < 0.6 ? CITIES[random.nextInt(5)] : "new" + r);
    List<Finding> findings = check(SkewConfig.defaults(), train, predict);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat((double) f.figures().get("newValueRate")).isGreaterThan(0.3);
      assertThat(f.message()).contains(", ...");
    });
  }

  @Test
  void longValuesThatTrainHasAreNotNew() {
    // values past the 200 characters a profile keeps, in both datasets: the same categories
    String[] long5 = new String[CITIES.length];
    for (int i = 0; i < CITIES.length; i++) {
      long5[i] = CITIES[i].repeat(100);
    }
    SplittableRandom random = new SplittableRandom(606);
    assertThat(check(SkewConfig.defaults(), column(500, r -> long5[random.nextInt(5)]),
        column(100, r -> long5[random.nextInt(5)]))).isEmpty();
  }

  @Test
  void noNewValueNoFinding() {
    SplittableRandom random = new SplittableRandom(605);
    assertThat(check(SkewConfig.defaults(), column(500, r -> CITIES[random.nextInt(5)]),
        column(100, r -> CITIES[random.nextInt(3)]))).isEmpty();
  }

  @Test
  void trainPastExactCountsCannotProveAValueNew() {
    Table train = column(5_000, r -> "v" + (r % 1_000));
    Table predict = column(100, r -> "Atlantis");
    DatasetProfile t = train.profile("train");
    assertThat(t.columns().get("CAT_city").valuesExact()).isFalse();
    assertThat(new UnseenCategoryCheck().check(Comparison.of(SkewConfig.defaults(), t, predict.profile("predict"))))
        .isEmpty();
  }
}
