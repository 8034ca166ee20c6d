package org.skewcheck.validation.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.config.PrefixRules;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.stats.Dataset;
import org.skewcheck.validation.stats.DatasetProfile;
import org.skewcheck.validation.stats.ProfileFixtures;
import org.skewcheck.validation.stats.Table;
import org.skewcheck.validation.stats.WideTable;

class SparsityCheckTest {
  private static final int TRAIN_ROWS = 5_000;
  private static final int PREDICT_ROWS = 100;

  private static List<Finding> check(SkewConfig config, DatasetProfile train, DatasetProfile predict) {
    return new SparsityCheck().check(Comparison.of(config, train, predict));
  }

  private static List<Finding> check(DatasetProfile train, DatasetProfile predict) {
    return check(SkewConfig.defaults(), train, predict);
  }

  private static SkewConfig config(String yaml) {
    return SkewConfig.parse(yaml, "test.yaml");
  }

  private static List<Finding> about(List<Finding> findings, Scope scope, String target) {
    return findings.stream().filter(f -> f.scope() == scope && f.target().equals(target)).toList();
  }

  private static String[] lgColumns() {
    String[] names = new String[14];
    for (int i = 0; i < names.length; i++) {
      names[i] = "LG_likes_" + i;
    }
    return names;
  }

  /** An LG family (14 columns, 95% non-zero) plus an unaffected WI family, in train. */
  private static Table trainWithDenseLg(SplittableRandom random) {
    Table t = new Table(TRAIN_ROWS);
    for (String name : lgColumns()) {
      t.sparse(name, 0.95, random);
    }
    for (int i = 0; i < 5; i++) {
      t.normal("WI_" + i, 3, random);
    }
    return t;
  }

  /** The same families in predict, with LG all zero. */
  private static Table predictWithZeroLg(SplittableRandom random) {
    Table p = new Table(PREDICT_ROWS);
    for (String name : lgColumns()) {
      p.add(name, r -> 0.0);
    }
    for (int i = 0; i < 5; i++) {
      p.normal("WI_" + i, 3, random);
    }
    return p;
  }

  @Test
  void denseFamilyAllZeroInPredictIsAnError() {
    SplittableRandom random = new SplittableRandom(101);
    DatasetProfile train = trainWithDenseLg(random).profile("train");
    DatasetProfile predict = predictWithZeroLg(random).profile("predict");

    List<Finding> findings = check(train, predict);

    List<Finding> prefix = about(findings, Scope.PREFIX, "LG");
    assertThat(prefix).hasSize(1);
    Finding lg = prefix.get(0);
    assertThat(lg.check()).isEqualTo(Check.SPARSITY);
    assertThat(lg.severity()).isEqualTo(Severity.ERROR);
    assertThat(lg.message()).startsWith("LG: ").contains("14 of 14 testable columns flagged");
    assertThat(lg.reportedFigures()).containsKeys("trainFraction", "predictFraction", "trainN", "predictN", "probability");
    assertThat(lg.figures()).containsEntry("trainN", 5_000L).containsEntry("predictN", 100L)
        .containsEntry("predictFraction", 1.0).containsEntry("heavierIn", "predict")
        .containsEntry("flaggedColumns", 14).containsEntry("testableColumns", 14);
    assertThat((double) lg.figures().get("trainFraction")).as("rows with no non-zero LG value in train")
        .isLessThan(0.001);
    assertThat(lg.probability()).isLessThan(1e-100);

    for (String name : lgColumns()) {
      List<Finding> column = about(findings, Scope.COLUMN, name);
      assertThat(column).as(name).hasSize(1);
      Finding f = column.get(0);
      assertThat(f.check()).isEqualTo(Check.SPARSITY);
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.figures()).containsEntry("predictN", 100L).containsEntry("predictFraction", 1.0)
          .containsEntry("trainN", 5_000L).containsEntry("value", 0.0).containsEntry("heavierIn", "predict");
      assertThat((double) f.figures().get("trainFraction")).isCloseTo(0.05, within(0.015));
      assertThat(f.probability()).isLessThan(1e-100);
      assertThat(f.adjustedProbability()).isLessThan(0.001);
    }
    assertThat(findings).as("WI did not change").noneMatch(f -> f.target().startsWith("WI"));
    assertThat(findings).hasSize(15);
  }

  @Test
  void rareTagAbsentFromASmallPredictSetIsNotAFinding() {
    SplittableRandom random = new SplittableRandom(102);
    Table t = new Table(TRAIN_ROWS);
    t.add("RT_spring", r -> r % 200 == 17 ? 1.0 : 0.0); // exactly 0.5% ones
    t.sparse("RT2_autumn", 0.02, random);
    t.normal("IQ_blur", 0, random);
    Table p = new Table(PREDICT_ROWS);
    p.add("RT_spring", r -> 0.0);
    p.add("RT2_autumn", r -> 0.0);
    p.normal("IQ_blur", 0, random);

    List<Finding> findings = check(t.profile("train"), p.profile("predict"));

    // (1 - .005)^100 = .61 and (1 - .02)^100 = .13: absence is what 100 rows usually show.
    assertThat(findings).isEmpty();
  }

  @Test
  void declaredSparseFamilyGivesInfoNamingTheDeclaration() {
    SplittableRandom random = new SplittableRandom(101);
    DatasetProfile train = trainWithDenseLg(random).profile("train");
    DatasetProfile predict = predictWithZeroLg(random).profile("predict");

    List<Finding> findings = check(config("expected:\n  predict:\n    sparse: [LG]\n"), train, predict);

    assertThat(findings).hasSize(15);
    assertThat(findings).allSatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.figures()).containsEntry("declared", "expected.predict.sparse");
      assertThat(f.message()).contains("expected: expected.predict.sparse");
    });
    assertThat(about(findings, Scope.PREFIX, "LG")).hasSize(1);
  }

  @Test
  void declarationForTheOtherDatasetOrKindDoesNotExcuse() {
    SplittableRandom random = new SplittableRandom(101);
    DatasetProfile train = trainWithDenseLg(random).profile("train");
    DatasetProfile predict = predictWithZeroLg(random).profile("predict");

    // Sparse in train does not explain sparse in predict; another family's declaration neither.
    List<Finding> findings = check(config("expected:\n  train:\n    sparse: [LG]\n  predict:\n    sparse: [WI]\n"),
        train, predict);

    assertThat(findings).hasSize(15).allMatch(f -> f.severity() == Severity.ERROR);
  }

  /** Account one-hot: 7 columns, one account per row, uniform in train and pinned to account 3 in predict. */
  private static DatasetProfile[] pinnedAccount(SplittableRandom random) {
    int[] trainAccount = random.ints(TRAIN_ROWS, 0, 7).toArray();
    Table t = new Table(TRAIN_ROWS);
    Table p = new Table(PREDICT_ROWS);
    for (int a = 0; a < 7; a++) {
      int account = a;
      t.add("U_" + a, r -> trainAccount[r] == account ? 1.0 : 0.0);
      p.add("U_" + a, r -> account == 3 ? 1.0 : 0.0);
    }
    t.normal("WI_x", 0, random);
    p.normal("WI_x", 0, random);
    return new DatasetProfile[] {t.profile("train"), p.profile("predict")};
  }

  @Test
  void pinnedAccountIsAnErrorUnlessDeclaredConstant() {
    DatasetProfile[] data = pinnedAccount(new SplittableRandom(103));

    List<Finding> undeclared = check(data[0], data[1]);
    assertThat(undeclared).anyMatch(f -> f.severity() == Severity.ERROR && f.scope() == Scope.PREFIX
        && f.target().equals("U"));
    // U_3 is constant at 1 in predict though it is 1 in only a seventh of train.
    assertThat(undeclared).anySatisfy(f -> {
      assertThat(f.check()).isEqualTo(Check.CONSTANCY);
      assertThat(f.target()).isEqualTo("U_3");
      assertThat(f.figures()).containsEntry("value", 1.0).containsEntry("predictFraction", 1.0);
      assertThat(f.message()).contains("value 1");
    });
    // The six others went all zero; U_3 went from mostly zero to never zero.
    assertThat(undeclared.stream().filter(f -> f.scope() == Scope.COLUMN && f.check() == Check.SPARSITY))
        .extracting(Finding::target)
        .containsExactlyInAnyOrder("U_0", "U_1", "U_2", "U_3", "U_4", "U_5", "U_6");

    List<Finding> declared = check(config("expected:\n  predict:\n    constant: [U]\n"), data[0], data[1]);
    assertThat(declared).hasSameSizeAs(undeclared);
    assertThat(declared).allSatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.figures()).containsEntry("declared", "expected.predict.constant");
    });
    assertThat(declared).noneMatch(f -> f.target().startsWith("WI"));
  }

  @Test
  void jootConfigExcusesPinnedDateOffset() {
    SplittableRandom random = new SplittableRandom(104);
    Table t = new Table(TRAIN_ROWS).add("_dateR", r -> random.nextInt(1, 1500));
    Table p = new Table(PREDICT_ROWS).add("_dateR", r -> 7.0);

    List<Finding> undeclared = check(t.profile("train"), p.profile("predict"));
    assertThat(about(undeclared, Scope.COLUMN, "_dateR")).singleElement().satisfies(f -> {
      assertThat(f.check()).isEqualTo(Check.CONSTANCY);
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.figures()).containsEntry("value", 7.0).containsEntry("heavierIn", "predict");
    });
    assertThat(undeclared).allMatch(f -> f.severity() == Severity.ERROR).isNotEmpty();

    List<Finding> declared = check(config("expected:\n  predict:\n    constant: [U, _Dy, _Dm, _Ddow, _Dh, _dateR]\n"),
        t.profile("train"), p.profile("predict"));
    assertThat(declared).hasSameSizeAs(undeclared).allMatch(f -> f.severity() == Severity.INFO);
  }

  @Test
  void columnAllZeroInTrainButDenseInPredictIsFlaggedTheOtherWay() {
    SplittableRandom random = new SplittableRandom(105);
    Table t = new Table(TRAIN_ROWS).add("NEW_feature", r -> 0.0).normal("IQ_a", 0, random);
    Table p = new Table(PREDICT_ROWS).add("NEW_feature", r -> random.nextInt(1, 6)).normal("IQ_a", 0, random);

    List<Finding> findings = check(t.profile("train"), p.profile("predict"));

    Finding column = about(findings, Scope.COLUMN, "NEW_feature").stream()
        .filter(f -> f.check() == Check.SPARSITY).findFirst().orElseThrow();
    assertThat(column.severity()).isEqualTo(Severity.ERROR);
    assertThat(column.figures()).containsEntry("heavierIn", "train").containsEntry("trainFraction", 1.0)
        .containsEntry("predictFraction", 0.0);
    assertThat(column.probability()).isLessThan(1e-100);
    assertThat(about(findings, Scope.PREFIX, "NEW")).singleElement().satisfies(f -> {
      assertThat(f.check()).isEqualTo(Check.SPARSITY);
      assertThat(f.figures()).containsEntry("heavierIn", "train");
    });
    assertThat(findings).noneMatch(f -> f.target().startsWith("IQ"));

    // Declared sparse in train: expected.
    List<Finding> declared = check(config("expected:\n  train:\n    sparse: [NEW]\n"), t.profile("train"),
        p.profile("predict"));
    assertThat(declared).isNotEmpty().allSatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.figures()).containsEntry("declared", "expected.train.sparse");
    });
  }

  /** An IQ family of four columns in which blur is empty in every predict row. */
  private static DatasetProfile[] emptyBlur(SplittableRandom random) {
    Table t = new Table(TRAIN_ROWS);
    Table p = new Table(PREDICT_ROWS);
    for (String name : new String[] {"IQ_blur", "IQ_noise", "IQ_sharp", "IQ_exposure"}) {
      t.normal(name, 1, random);
      if (name.equals("IQ_blur")) {
        p.add(name, r -> Double.NaN);
      } else {
        p.normal(name, 1, random);
      }
    }
    return new DatasetProfile[] {t.profile("train"), p.profile("predict")};
  }

  @Test
  void columnEmptyInPredictIsAMissingFinding() {
    DatasetProfile[] data = emptyBlur(new SplittableRandom(106));

    List<Finding> findings = check(data[0], data[1]);

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.check()).isEqualTo(Check.MISSING);
      assertThat(f.scope()).isEqualTo(Scope.COLUMN);
      assertThat(f.target()).isEqualTo("IQ_blur");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.figures()).containsEntry("trainFraction", 0.0).containsEntry("predictFraction", 1.0)
          .containsEntry("trainN", 5_000L).containsEntry("predictN", 100L).containsEntry("heavierIn", "predict")
          .doesNotContainKey("value");
      assertThat(f.message()).contains("missing fraction");
    });
  }

  @Test
  void missingIsExcusedBySparseButNotByConstant() {
    DatasetProfile[] data = emptyBlur(new SplittableRandom(106));
    assertThat(check(config("expected:\n  predict:\n    sparse: [IQ]\n"), data[0], data[1]))
        .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    assertThat(check(config("expected:\n  predict:\n    constant: [IQ]\n"), data[0], data[1]))
        .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
  }

  @Test
  void familyMissingFromEveryPredictRowIsAPrefixFinding() {
    SplittableRandom random = new SplittableRandom(107);
    Table t = new Table(TRAIN_ROWS);
    Table p = new Table(PREDICT_ROWS);
    for (int i = 0; i < 3; i++) {
      t.normal("IQ_" + i, 1, random);
      p.add("IQ_" + i, r -> Double.NaN);
    }
    t.normal("WI_a", 0, random);
    p.normal("WI_a", 0, random);

    List<Finding> findings = check(t.profile("train"), p.profile("predict"));

    assertThat(about(findings, Scope.PREFIX, "IQ")).singleElement().satisfies(f -> {
      assertThat(f.check()).isEqualTo(Check.MISSING);
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.figures()).containsEntry("predictFraction", 1.0).containsEntry("trainFraction", 0.0);
    });
    assertThat(findings.stream().filter(f -> f.scope() == Scope.COLUMN)).hasSize(3)
        .allMatch(f -> f.check() == Check.MISSING);
  }

  @Test
  void familyAbsentFromSomePredictRowsIsMissingNotSparse() {
    // 40 of 100 predict rows come from files without the LG columns; the other 60 are as dense as
    // train. That is a missing-values finding; counting absent rows as "no non-zero value" would
    // also call the family sparse.
    SplittableRandom random = new SplittableRandom(113);
    Table t = new Table(TRAIN_ROWS);
    Table p = new Table(PREDICT_ROWS);
    for (int i = 0; i < 3; i++) {
      t.sparse("LG_" + i, 0.95, random);
      p.add("LG_" + i, r -> r < 40 ? Double.NaN : random.nextInt(1, 50));
    }

    List<Finding> findings = check(t.profile("train"), p.profile("predict"));

    assertThat(findings).isNotEmpty().allSatisfy(f -> assertThat(f.check()).isEqualTo(Check.MISSING));
    assertThat(about(findings, Scope.PREFIX, "LG")).singleElement()
        .satisfies(f -> assertThat(f.figures()).containsEntry("predictFraction", 0.4));
  }

  @Test
  void halfTheColumnsFlaggedFlagsThePrefix() {
    SplittableRandom random = new SplittableRandom(108);
    Table t = new Table(TRAIN_ROWS);
    Table p = new Table(PREDICT_ROWS);
    for (int i = 0; i < 4; i++) {
      t.sparse("CF_" + i, 0.9, random);
      // Two columns go all zero; the family as a whole still has non-zero values in (nearly) every row.
      if (i < 2) {
        p.add("CF_" + i, r -> 0.0);
      } else {
        p.sparse("CF_" + i, 0.9, random);
      }
    }

    List<Finding> findings = check(t.profile("train"), p.profile("predict"));

    assertThat(findings.stream().filter(f -> f.scope() == Scope.COLUMN)).extracting(Finding::target)
        .containsExactlyInAnyOrder("CF_0", "CF_1");
    assertThat(about(findings, Scope.PREFIX, "CF")).singleElement().satisfies(f -> {
      assertThat(f.figures()).containsEntry("flaggedColumns", 2).containsEntry("testableColumns", 4)
          .containsEntry("heavierIn", "predict").doesNotContainKey("trainN");
      assertThat(f.message()).contains("zero fraction changed in 2 columns");
    });
  }

  @Test
  void aQuarterOfTheColumnsFlaggedDoesNotFlagThePrefix() {
    SplittableRandom random = new SplittableRandom(109);
    Table t = new Table(TRAIN_ROWS);
    Table p = new Table(PREDICT_ROWS);
    for (int i = 0; i < 4; i++) {
      t.sparse("CF_" + i, 0.9, random);
      if (i < 1) {
        p.add("CF_" + i, r -> 0.0);
      } else {
        p.sparse("CF_" + i, 0.9, random);
      }
    }

    List<Finding> findings = check(t.profile("train"), p.profile("predict"));

    assertThat(findings).singleElement().satisfies(f -> assertThat(f.target()).isEqualTo("CF_0"));
  }

  @Test
  void nonFeatureColumnsAreNotTested() {
    SplittableRandom random = new SplittableRandom(110);
    DatasetProfile train = trainWithDenseLg(random).profile("train");
    DatasetProfile predict = predictWithZeroLg(random).profile("predict");
    SkewConfig roles = config("columns: {id: LG_likes_0, label: LG_likes_1, recordedScore: LG_likes_2}\n");
    Set<String> nonFeatures = Set.of("LG_likes_0", "LG_likes_1", "LG_likes_2");

    assertThat(check(roles, train, predict))
        .noneMatch(f -> f.scope() == Scope.COLUMN && nonFeatures.contains(f.target()))
        .as("the family's features are tested").anyMatch(f -> f.target().equals("LG_likes_3"));
  }

  @Test
  void emptyDatasetGivesNoSparsityFindings() {
    SplittableRandom random = new SplittableRandom(111);
    DatasetProfile train = trainWithDenseLg(random).profile("train");
    DatasetProfile empty = new DatasetProfile(Dataset.PREDICT, 1, 0, 3, Map.of());
    assertThat(check(train, empty)).isEmpty();
    assertThat(check(empty, train)).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // No false alarms: one dataset, split at random, is not skewed against itself.

  private static List<Finding> randomSplit(WideTable data, long seed, int predictRows) {
    WideTable.Split split = data.split(seed, predictRows);
    assertThat(split.train().columns()).hasSize(305);
    return check(split.train(), split.predict());
  }

  @Test
  void randomSplitOfOneDatasetRaisesNoFindings() {
    WideTable data = WideTable.generate(112, 5_000);
    for (long seed = 1; seed <= 3; seed++) {
      assertThat(randomSplit(data, seed, 100)).as("4,900 / 100 split %s", seed)
          .noneMatch(f -> f.severity() != Severity.INFO);
      assertThat(randomSplit(data, seed, 2_500)).as("2,500 / 2,500 split %s", seed)
          .noneMatch(f -> f.severity() != Severity.INFO);
    }
  }

  @Test
  void wideDataIsSensitiveWhenAFamilyReallyGoesSparse() {
    // The same generator, with one family zeroed in predict, is caught: the quiet test above is not
    // quiet because nothing can be flagged.
    WideTable data = WideTable.generate(112, 5_000);
    int first = Arrays.asList(data.names()).indexOf("LG_count0");
    double[][] predictRows = new double[100][];
    for (int r = 0; r < 100; r++) {
      predictRows[r] = data.rows()[r].clone();
      for (int c = first; c < first + 10; c++) {
        predictRows[r][c] = 0.0;
      }
    }
    PrefixRules rules = PrefixRules.defaults();
    DatasetProfile train = ProfileFixtures.dataset("train", data.names(),
        Arrays.copyOfRange(data.rows(), 100, 5_000), rules);
    DatasetProfile predict = ProfileFixtures.dataset("predict", data.names(), predictRows, rules);
    List<Finding> findings = check(train, predict);
    assertThat(about(findings, Scope.PREFIX, "LG")).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    assertThat(findings).allMatch(f -> f.target().startsWith("LG"));
  }
}
