package org.skewcheck.validation.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.config.ConfigException;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.stats.DatasetProfile;
import org.skewcheck.validation.stats.Table;

/** Each validation rule, once triggered and once not. */
class RuleCheckTest {
  private static List<Finding> check(String yaml, DatasetProfile train, DatasetProfile predict) {
    return new RuleCheck().check(Comparison.of(SkewConfig.parse(yaml, "rules.yaml"), train, predict));
  }

  private static DatasetProfile profile(String dataset, double offset) {
    SplittableRandom random = new SplittableRandom(5);
    return new Table(200)
        .add("IQ_a", r -> (r % 100) / 100.0 + offset)
        .add("WI_x", r -> r % 2 + (offset > 0 && r == 3 ? 2 : 0))
        .add("LG_1", r -> r % 4 == 0 && offset > 0 ? Double.NaN : r)
        .normal("BG_c", 0, random)
        .profile(dataset);
  }

  @Test
  void rangeIsCheckedExactlyAndFromTheSketch() {
    String yaml = "rules:\n  - prefix: IQ\n    range: [0, 1]\n  - column: LG_1\n    range: [0, 1000]\n";
    assertThat(check(yaml, profile("train", 0), profile("predict", 0))).isEmpty();

    List<Finding> findings = check(yaml, profile("train", 0), profile("predict", 0.5));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.target()).isEqualTo("IQ_a");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.message()).contains("outside [0, 1] in predict");
      assertThat(((Number) f.figures().get("outside")).longValue()).as("0.51 .. 0.99 + 0.5 are above 1")
          .isBetween(95L, 102L);
      assertThat(f.figures()).containsEntry("exact", false);
    });
  }

  /** A profile of one column, {@code CAT_c}, whose row r holds {@code value(r)}: a number if it reads as one. */
  private static DatasetProfile column(String dataset, int rows, IntFunction<String> value) {
    Table table = new Table(rows).add("CAT_c", r -> number(value.apply(r)));
    for (int r = 0; r < rows; r++) {
      if (Double.isNaN(number(value.apply(r)))) {
        table.text("CAT_c", r, value.apply(r));
      }
    }
    return table.profile(dataset);
  }

  private static double number(String cell) {
    try {
      return Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  @Test
  void numericAllowedValuesNameWhatElseWasFound() {
    String yaml = "rules:\n  - match: \"^WI_\"\n    allowedValues: [0, 1]\n";
    assertThat(check(yaml, profile("train", 0), profile("predict", 0))).isEmpty();
    assertThat(check(yaml, profile("train", 0), profile("predict", 1))).singleElement().satisfies(f -> {
      assertThat(f.message()).isEqualTo("WI_x: 1 value outside [0, 1] in predict: '3' (1)");
      assertThat(f.figures()).containsEntry("outside", 1L).containsEntry("exact", true)
          .containsEntry("values", "'3' (1)").containsEntry("moreValues", 0);
    });
    String mixed = "rules:\n  - match: \"^WI_\"\n    allowedValues: [0, 1, unknown]\n";
    assertThat(check(mixed, profile("train", 0), profile("predict", 0))).isEmpty();
    assertThat(check(mixed, profile("train", 0), profile("predict", 1))).singleElement()
        .satisfies(f -> assertThat(f.message()).isEqualTo("WI_x: 1 value outside [0, 1, unknown] in predict: '3' (1)"));
  }

  @Test
  void numbersPastTheExactCountsAreEstimatedFromTheSketch() {
    String wide = "rules:\n  - column: BG_c\n    allowedValues: [0]\n";
    assertThat(check(wide, profile("train", 0), profile("predict", 0))).hasSize(2).allSatisfy(f -> {
      assertThat(f.message()).startsWith("BG_c: about 200 values outside [0] in ")
          .endsWith("estimated: more distinct values than are counted exactly");
      assertThat(f.figures()).containsEntry("outside", 200L).containsEntry("exact", false);
      assertThat((String) f.figures().get("values")).as("the extremes, which the sketch keeps").contains(", ");
    });
  }

  @Test
  void textAllowedValuesFlagTheOtherCategoriesWithExactCounts() {
    DatasetProfile colours = column("predict", 100, r -> r % 10 < 6 ? "red" : r % 10 < 9 ? "blue" : "green");
    List<Finding> findings = check("rules:\n  - column: CAT_c\n    allowedValues: [red, blue]\n",
        column("train", 10, r -> "red"), colours);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.message()).isEqualTo("CAT_c: 10 values outside [red, blue] in predict: 'green' (10)");
      assertThat(f.figures()).containsEntry("outside", 10L).containsEntry("exact", true)
          .containsEntry("values", "'green' (10)").containsEntry("allowedValues", "[red, blue]");
    });
    assertThat(check("rules:\n  - column: CAT_c\n    allowedValues: [blue, green, red]\n",
        column("train", 10, r -> "red"), colours)).isEmpty();
  }

  @Test
  void anAllowedTextIsAllowedInANumericColumn() {
    DatasetProfile withUnknowns = column("predict", 50, r -> r % 5 == 0 ? "unknown" : Integer.toString(r % 2));
    DatasetProfile train = column("train", 10, r -> "0");
    assertThat(check("rules:\n  - column: CAT_c\n    allowedValues: [0, 1, unknown]\n", train, withUnknowns))
        .isEmpty();
    assertThat(check("rules:\n  - column: CAT_c\n    allowedValues: [0, \"1\", unknown]\n", train, withUnknowns))
        .as("a quoted number is the number").isEmpty();
    assertThat(check("rules:\n  - column: CAT_c\n    allowedValues: [0, 1]\n", train, withUnknowns)).singleElement()
        .satisfies(f -> assertThat(f.message())
            .isEqualTo("CAT_c: 10 values outside [0, 1] in predict: 'unknown' (10)"));
  }

  @Test
  void valuesOutsideAreBoundedInNumberAndLength() {
    String longValue = "x".repeat(5_000);
    DatasetProfile many = column("predict", 200, r -> r < 100 ? "ok" : r < 110 ? longValue : "v" + (r % 30));
    List<Finding> findings = check("rules:\n  - column: CAT_c\n    allowedValues: [ok]\n",
        column("train", 10, r -> "ok"), many);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.figures()).containsEntry("outside", 100L).containsEntry("exact", true)
          .containsEntry("moreValues", 11);
      assertThat(f.message()).startsWith("CAT_c: 100 values outside [ok] in predict: 'xxx")
          .contains("(5000 chars, #").endsWith(", and 11 more").hasSizeLessThan(1_000);
    });
    assertThat(check("rules:\n  - column: CAT_c\n    allowedValues: [ok, " + longValue + ", " + String.join(", ",
        IntStream.range(0, 30).mapToObj(i -> "v" + i).toList()) + "]\n",
        column("train", 10, r -> "ok"), many)).as("a long allowed value matches its shortened category").isEmpty();
  }

  @Test
  void textPastTheExactLimitIsEstimatedFromTheFrequentValues() {
    DatasetProfile wide = column("predict", 4_000, r -> r % 2 == 0 ? "ok" : "v" + r);
    List<Finding> findings = check("rules:\n  - column: CAT_c\n    allowedValues: [ok]\n",
        column("train", 10, r -> "ok"), wide);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.figures()).containsEntry("exact", false);
      assertThat((Long) f.figures().get("outside")).as("2,000 values, less an overstated count of ok")
          .isBetween(1_000L, 2_000L);
      assertThat(f.message()).startsWith("CAT_c: about ").contains(" values outside [ok] in predict: 'v")
          .containsPattern("'v\\d+' \\(~\\d+\\), ").contains(", and at least ")
          .endsWith("; estimated: more distinct values than are counted exactly");
      assertThat((Integer) f.figures().get("moreValues")).as("the values the sketch holds beyond the 20 shown")
          .isPositive();
    });
  }

  @Test
  void maxMissingFractionFlagsTheDatasetOverIt() {
    String yaml = "rules:\n  - column: LG_1\n    maxMissingFraction: 0.1\n";
    assertThat(check(yaml, profile("train", 0), profile("predict", 0))).isEmpty();
    assertThat(check(yaml, profile("train", 0), profile("predict", 1))).singleElement().satisfies(f -> {
      assertThat(f.figures()).containsEntry("missingFraction", 0.25).containsEntry("dataset", "predict");
      assertThat(f.message()).contains("0.250 of predict rows missing");
    });
  }

  @Test
  void requiredColumnsMustBeInEachDatasetExceptWhereTheirRoleSaysOtherwise() {
    String yaml = "columns: {label: target}\nrequiredColumns: [IQ_a, target]\n";
    DatasetProfile train = new Table(10).add("IQ_a", r -> r).add("target", r -> r).profile("train");
    assertThat(check(yaml, train, new Table(10).add("IQ_a", r -> r).profile("predict"))).isEmpty();
    assertThat(check(yaml, train, new Table(10).add("WI_x", r -> r).profile("predict"))).singleElement()
        .satisfies(f -> assertThat(f.message()).isEqualTo("IQ_a: required column missing from predict"));
  }

  @Test
  void badRulesAreConfigErrors() {
    assertThatThrownBy(() -> SkewConfig.parse("rules:\n  - column: a\n    prefix: B\n    range: [0, 1]\n", "r"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("exactly one of column, prefix or match");
    assertThatThrownBy(() -> SkewConfig.parse("rules:\n  - column: a\n    range: [2, 1]\n", "r"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("low <= high");
    assertThatThrownBy(() -> SkewConfig.parse("rules:\n  - column: a\n", "r"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("at least one of");
  }
}
