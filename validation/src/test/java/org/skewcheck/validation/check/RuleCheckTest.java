package org.skewcheck.validation.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.config.ConfigException;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.stats.DatasetProfile;
import org.skewcheck.validation.stats.Table;

/** Each validation rule, once triggered and once not. */
class RuleCheckTest {
  private static List<Finding> check(String yaml, DatasetProfile train, DatasetProfile predict) {
    SkewConfig config = SkewConfig.parse(yaml, "rules.yaml");
    Map<String, String> prefixOf = new TreeMap<>();
    for (DatasetProfile d : List.of(train, predict)) {
      d.prefixes().forEach((prefix, stats) -> stats.columns().keySet().forEach(c -> prefixOf.put(c, prefix)));
    }
    return new RuleCheck(config, prefixOf).run(train, predict);
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

  @Test
  void allowedValuesNameWhatElseWasFound() {
    String yaml = "rules:\n  - match: \"^WI_\"\n    allowedValues: [0, 1]\n";
    assertThat(check(yaml, profile("train", 0), profile("predict", 0))).isEmpty();
    assertThat(check(yaml, profile("train", 0), profile("predict", 1))).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("WI_x").contains("3 (1x)").contains("predict"));
    String wide = "rules:\n  - column: BG_c\n    allowedValues: [0]\n";
    assertThat(check(wide, profile("train", 0), profile("predict", 0)))
        .extracting(Finding::message).allSatisfy(m -> assertThat(m).contains("more than 16 distinct values"));
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
