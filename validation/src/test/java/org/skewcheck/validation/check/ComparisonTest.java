package org.skewcheck.validation.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.drift.CategoricalDrift;
import org.skewcheck.validation.drift.NumericDrift;
import org.skewcheck.validation.report.CompareProfiles;
import org.skewcheck.validation.report.Report;
import org.skewcheck.validation.stats.DatasetProfile;
import org.skewcheck.validation.stats.Table;

/** The facts a comparison derives once for every check and the report, on ten hand-made rows. */
class ComparisonTest {
  private static final SkewConfig ROLES = SkewConfig.parse("columns: {id: row_id, label: target}\n", "t");
  private static final String[] CITIES = {"Oslo", "Rome", "Lima"};

  /**
   * Ten rows: U_a always 1, U_b 1 but missing in row 0, U_c always 0, U_d 1 or 2; LG_x and LG_y
   * both zero in rows 1-4, both missing in row 0, non-zero in one of them in rows 5-9; a city;
   * an id and a label.
   */
  private static DatasetProfile train() {
    Table t = new Table(10)
        .add("U_a", r -> 1.0)
        .add("U_b", r -> r == 0 ? Double.NaN : 1.0)
        .add("U_c", r -> 0.0)
        .add("U_d", r -> 1 + r % 2)
        .add("LG_x", r -> r == 0 ? Double.NaN : r < 5 ? 0.0 : r)
        .add("LG_y", r -> r == 0 ? Double.NaN : r < 5 || r == 9 ? 0.0 : 2 * r)
        .add("CAT_city", r -> Double.NaN)
        .add("row_id", r -> r)
        .add("target", r -> r % 2);
    for (int r = 0; r < 10; r++) {
      t.text("CAT_city", r, CITIES[r % 3]);
    }
    return t.profile("train");
  }

  /** Five rows: the same columns but U_d, LG never zero, U_a constant at 3. */
  private static DatasetProfile predict() {
    Table p = new Table(5)
        .add("U_a", r -> 3.0)
        .add("U_b", r -> 1.0)
        .add("U_c", r -> 0.0)
        .add("LG_x", r -> 1 + r)
        .add("LG_y", r -> 2 + r)
        .add("CAT_city", r -> Double.NaN)
        .add("row_id", r -> 100 + r)
        .add("target", r -> r % 2);
    for (int r = 0; r < 5; r++) {
      p.text("CAT_city", r, CITIES[r % 2]);
    }
    return p.profile("predict");
  }

  @Test
  void eachColumnHasItsPrefixRoleAndTypeAndTheFeaturesAreTheColumnsWithoutAnotherRole() {
    Comparison c = Comparison.of(ROLES, train(), predict());

    assertThat(c.features()).containsExactly("CAT_city", "LG_x", "LG_y", "U_a", "U_b", "U_c", "U_d");
    assertThat(c.columns().get("row_id").role()).isEqualTo("id");
    assertThat(c.columns().get("target").role()).isEqualTo("label");
    assertThat(c.columns().get("CAT_city").type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(c.columns().get("LG_x").type()).isEqualTo(ColumnType.NUMERIC);
    assertThat(c.prefixOf()).containsEntry("LG_x", "LG").containsEntry("U_d", "U");
    assertThat(c.columns().get("U_d").predict()).as("predict lacks U_d").isNull();
    assertThat(c.prefixes()).containsExactly("CAT", "LG", "U", "row", "target");
  }

  @Test
  void driftIsMeasuredOnceForEveryTestableColumnAndTheOthersSayWhyNot() {
    Comparison c = Comparison.of(ROLES, train(), predict());

    assertThat(c.columnDrift().get("CAT_city")).isInstanceOf(CategoricalDrift.class);
    assertThat(c.columnDrift().get("LG_x")).isInstanceOf(NumericDrift.class);
    assertThat(c.untestedReasons()).containsEntry("target", "not a feature (label)")
        .containsEntry("row_id", "not a feature (id)").containsEntry("U_d", "only in train");
    assertThat(c.columnDrift().keySet()).doesNotContainAnyElementsOf(c.untestedReasons().keySet());
    assertThat(c.familyDrift()).as("every numeric column of LG is a feature in both datasets").containsOnlyKeys("LG");
  }

  @Test
  void aConstantColumnHoldsOneNumberInEveryRowAndAPinnedOneANonZeroNumberInAllItsValues() {
    DatasetProfile train = train();
    Map<String, Boolean> constant = Map.of("U_a", true, "U_b", false, "U_c", true, "U_d", false, "LG_x", false);
    constant.forEach((name, expected) -> assertThat(Comparison.constant(train, train.columns().get(name)))
        .as(name).isEqualTo(expected));

    assertThat(Comparison.pinnedValue(train.columns().get("U_a"))).isEqualTo(1.0);
    assertThat(Comparison.pinnedValue(train.columns().get("U_b"))).as("missing cells aside").isEqualTo(1.0);
    assertThat(Comparison.pinnedValue(train.columns().get("U_c"))).as("all zero is sparsity's").isNaN();
    assertThat(Comparison.pinnedValue(train.columns().get("U_d"))).isNaN();
  }

  @Test
  void aPrefixsRowRatesCountRowsNotCells() {
    Comparison c = Comparison.of(ROLES, train(), predict());

    Comparison.PrefixRows lg = c.prefixRows(c.train(), "LG");
    assertThat(lg).isEqualTo(new Comparison.PrefixRows(10, 9, 5));
    assertThat(lg.zeroRows()).isEqualTo(4);
    assertThat(lg.zeroRowRate()).isCloseTo(4 / 9.0, within(1e-15));
    assertThat(lg.withoutValue()).isEqualTo(1);
    assertThat(lg.missingRowRate()).isEqualTo(0.1);
    assertThat(c.prefixRows(c.predict(), "LG").zeroRowRate()).isZero();
    assertThat(c.prefixRows(c.predict(), "NOPE")).isNull();
  }

  @Test
  void theReportRollsUpPrefixesWithTheComparisonsDefinitions() {
    Comparison c = Comparison.of(ROLES, train(), predict());
    Report report = CompareProfiles.with(ROLES).compare(c.train(), c.predict());

    Report.PrefixReport u = report.prefixes().stream().filter(p -> p.prefix().equals("U")).findFirst().orElseThrow();
    assertThat(u.train().constantColumns()).as("U_a and U_c").isEqualTo(2);
    assertThat(u.predict().constantColumns()).as("U_a, U_b and U_c").isEqualTo(3);
    Report.PrefixReport lg = report.prefixes().stream().filter(p -> p.prefix().equals("LG")).findFirst().orElseThrow();
    assertThat(lg.train().rowsWithoutNonZero()).isEqualTo(c.prefixRows(c.train(), "LG").zeroRowRate());
    assertThat(lg.train().rowsWithoutValue()).isEqualTo(c.prefixRows(c.train(), "LG").missingRowRate());
  }
}
