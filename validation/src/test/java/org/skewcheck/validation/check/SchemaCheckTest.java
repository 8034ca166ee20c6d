package org.skewcheck.validation.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.config.ConfigException;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.stats.Dataset;
import org.skewcheck.validation.stats.DatasetProfile;
import org.skewcheck.validation.stats.Table;

class SchemaCheckTest {
  private static final SkewConfig JOOT = SkewConfig.parse("columns:\n  label: target\n  recordedScore: score\n", "t");

  private static List<Finding> check(SkewConfig config, DatasetProfile train, DatasetProfile predict) {
    return new SchemaCheck().check(Comparison.of(config, train, predict));
  }

  private static Table table(int rows, SplittableRandom random, String... names) {
    Table t = new Table(rows);
    for (String name : names) {
      t.normal(name, 0, random);
    }
    return t;
  }

  @Test
  void sameColumnsGiveNoFindings() {
    SplittableRandom random = new SplittableRandom(201);
    String[] names = {"WI_a", "WI_b", "IQ_x"};
    assertThat(check(JOOT, table(50, random, names).profile("train"), table(10, random, names).profile("predict")))
        .isEmpty();
  }

  @Test
  void featureOnlyInTrainIsAnError() {
    SplittableRandom random = new SplittableRandom(202);
    DatasetProfile train = table(50, random, "WI_a", "WI_b", "IQ_x").profile("train");
    DatasetProfile predict = table(10, random, "WI_a", "IQ_x").profile("predict");

    assertThat(check(JOOT, train, predict)).singleElement().satisfies(f -> {
      assertThat(f.check()).isEqualTo(Check.SCHEMA);
      assertThat(f.scope()).isEqualTo(Scope.SCHEMA);
      assertThat(f.target()).isEqualTo("WI_b");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.figures()).containsEntry("presentIn", "train");
      assertThat(f.message()).contains("WI_b").contains("train only").contains("absent from predict");
    });
  }

  @Test
  void featureOnlyInPredictIsAWarning() {
    SplittableRandom random = new SplittableRandom(203);
    DatasetProfile train = table(50, random, "WI_a", "IQ_x").profile("train");
    DatasetProfile predict = table(10, random, "WI_a", "WI_new", "IQ_x").profile("predict");

    assertThat(check(JOOT, train, predict)).singleElement().satisfies(f -> {
      assertThat(f.target()).isEqualTo("WI_new");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.figures()).containsEntry("presentIn", "predict");
    });
  }

  @Test
  void wholePrefixMissingFromPredictIsOneFinding() {
    SplittableRandom random = new SplittableRandom(204);
    DatasetProfile train = table(50, random, "WI_a", "LG_1", "LG_2", "LG_3", "LG_4").profile("train");
    DatasetProfile predict = table(10, random, "WI_a").profile("predict");

    assertThat(check(JOOT, train, predict)).singleElement().satisfies(f -> {
      assertThat(f.check()).isEqualTo(Check.SCHEMA);
      assertThat(f.target()).isEqualTo("LG");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.figures()).containsEntry("columns", 4).containsEntry("presentIn", "train");
      assertThat(f.message()).contains("prefix LG (4 columns)");
    });
  }

  @Test
  void wholePrefixOnlyInPredictIsOneWarning() {
    SplittableRandom random = new SplittableRandom(205);
    DatasetProfile train = table(50, random, "WI_a").profile("train");
    DatasetProfile predict = table(10, random, "WI_a", "NEW_1", "NEW_2").profile("predict");

    assertThat(check(JOOT, train, predict)).singleElement().satisfies(f -> {
      assertThat(f.target()).isEqualTo("NEW");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.figures()).containsEntry("columns", 2);
    });
  }

  @Test
  void textInOneDatasetOnlyIsATypeFinding() {
    SplittableRandom random = new SplittableRandom(206);
    DatasetProfile train = table(50, random, "WI_a", "IQ_x").profile("train");
    DatasetProfile predict = table(10, random, "WI_a", "IQ_x").text("IQ_x", 3, "n/a").text("IQ_x", 7, "?")
        .profile("predict");

    assertThat(check(JOOT, train, predict)).singleElement().satisfies(f -> {
      assertThat(f.check()).isEqualTo(Check.TYPE);
      assertThat(f.target()).isEqualTo("IQ_x");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.figures()).containsEntry("trainNonNumeric", 0L).containsEntry("predictNonNumeric", 2L)
          .containsEntry("textIn", "predict");
      assertThat(f.message()).contains("2 non-numeric values in predict");
    });
  }

  @Test
  void textInBothDatasetsIsNotATypeFinding() {
    SplittableRandom random = new SplittableRandom(207);
    DatasetProfile train = table(50, random, "IQ_x").text("IQ_x", 0, "n/a").profile("train");
    DatasetProfile predict = table(10, random, "IQ_x").text("IQ_x", 9, "none").profile("predict");
    assertThat(check(JOOT, train, predict)).isEmpty();
  }

  @Test
  void datasetWithoutRowsGivesNoSchemaFindings() {
    SplittableRandom random = new SplittableRandom(210);
    DatasetProfile train = table(50, random, "WI_a", "LG_1").profile("train");
    DatasetProfile empty = new DatasetProfile(Dataset.PREDICT, 3, 0, 12, Map.of());
    assertThat(check(JOOT, train, empty)).isEmpty();
    assertThat(check(JOOT, new DatasetProfile(Dataset.TRAIN, 1, 0, 0, Map.of()), train)).isEmpty();
  }

  @Test
  void labelAndRecordedScoreAreNotReported() {
    SplittableRandom random = new SplittableRandom(208);
    DatasetProfile train = table(50, random, "WI_a", "target").profile("train");
    DatasetProfile predict = table(10, random, "WI_a", "score").profile("predict");

    assertThat(check(JOOT, train, predict)).isEmpty();
    // Without the roles they are ordinary features, and reported.
    assertThat(check(SkewConfig.defaults(), train, predict)).extracting(Finding::target)
        .containsExactlyInAnyOrder("target", "score");
  }

  @Test
  void nonFeatureColumnWithTextInOneDatasetIsNotReported() {
    // The predict export carries an empty-ish label column ("?" placeholders): not a feature, so its
    // type is not compared.
    SplittableRandom random = new SplittableRandom(209);
    DatasetProfile train = table(50, random, "WI_a", "target").profile("train");
    DatasetProfile predict = table(10, random, "WI_a", "target").text("target", 0, "?").profile("predict");

    assertThat(check(JOOT, train, predict)).isEmpty();
    assertThat(check(SkewConfig.defaults(), train, predict)).singleElement()
        .satisfies(f -> assertThat(f.check()).isEqualTo(Check.TYPE));
  }

  @Test
  void expectedFeaturesMissingAreAnErrorAndUnexpectedOnesAWarningPerDataset() {
    SplittableRandom random = new SplittableRandom(211);
    SkewConfig config = JOOT.withExpectedColumns(List.of("WI_a", "WI_b", "LG_1"));
    DatasetProfile train = table(20, random, "WI_a", "WI_b", "LG_1", "target").profile("train");
    DatasetProfile predict = table(20, random, "WI_a", "WI_b", "IQ_new", "score").profile("predict");

    List<Finding> findings = check(config, train, predict).stream()
        .filter(f -> f.check() == Check.EXPECTED_COLUMNS).toList();

    assertThat(findings).extracting(Finding::target, Finding::severity).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("predict", Severity.ERROR),
        org.assertj.core.groups.Tuple.tuple("predict", Severity.WARNING));
    assertThat(findings).filteredOn(f -> f.severity() == Severity.ERROR).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("LG_1").contains("expected features missing from predict"));
    assertThat(findings).filteredOn(f -> f.severity() == Severity.WARNING).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("IQ_new").doesNotContain("score"));
  }

  @Test
  void aLabelInTheExpectedListIsExpectedInTrainOnly() {
    SplittableRandom random = new SplittableRandom(213);
    SkewConfig config = SkewConfig.defaults().withExpectedColumns(List.of("WI_a", "WI_b", "target"))
        .withDefaultLabel("target");
    DatasetProfile train = table(20, random, "WI_a", "WI_b").profile("train");
    DatasetProfile predict = table(20, random, "WI_a", "WI_b").profile("predict");

    assertThat(check(config, train, predict)).filteredOn(f -> f.check() == Check.EXPECTED_COLUMNS).singleElement()
        .satisfies(f -> assertThat(f.message()).isEqualTo("1 expected features missing from train: target"));
    assertThat(check(JOOT.withExpectedColumns(List.of("WI_a", "WI_b", "target")), train, predict))
        .filteredOn(f -> f.check() == Check.EXPECTED_COLUMNS).singleElement()
        .satisfies(f -> assertThat(f.target()).isEqualTo("train"));
  }

  @Test
  void aRecordsLabelIsTakenOnlyWhenTheConfigNamesNone() {
    assertThat(SkewConfig.defaults().withDefaultLabel("target").columns().roleOf("target")).isEqualTo("label");
    SkewConfig named = JOOT.withDefaultLabel("y");
    assertThat(named.columns().label()).isEqualTo("target");
    assertThat(named.columns().roleOf("y")).isEqualTo("feature");
  }

  @Test
  void expectedColumnsAndAFileToReadThemFromAreExclusive() {
    assertThatThrownBy(() -> SkewConfig.parse("expectedColumns: [a]\nexpectedColumnsFrom: model.csv\n", "t"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not both");
  }
}
