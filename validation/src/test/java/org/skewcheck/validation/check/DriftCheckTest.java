package org.skewcheck.validation.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.drift.CategoricalDrift;
import org.skewcheck.validation.drift.NumericDrift;
import org.skewcheck.validation.stats.Dataset;
import org.skewcheck.validation.stats.DatasetProfile;
import org.skewcheck.validation.stats.Table;

class DriftCheckTest {
  /**
   * The check's findings and the comparison's drift measures, split by column type as the assertions
   * read them; {@code drifted} are the columns with a finding.
   */
  private record Result(List<Finding> findings, Map<String, NumericDrift> tested,
      Map<String, CategoricalDrift> categorical, Map<String, String> untested, Set<String> drifted) {}

  private static Result check(SkewConfig config, DatasetProfile train, DatasetProfile predict) {
    Comparison comparison = Comparison.of(config, train, predict);
    List<Finding> findings = new DriftCheck().check(comparison);
    Map<String, NumericDrift> numeric = new TreeMap<>();
    Map<String, CategoricalDrift> categorical = new TreeMap<>();
    comparison.columnDrift().forEach((name, drift) -> {
      if (drift instanceof NumericDrift d) {
        numeric.put(name, d);
      } else {
        categorical.put(name, (CategoricalDrift) drift);
      }
    });
    return new Result(findings, numeric, categorical, comparison.untestedReasons(),
        findings.stream().map(Finding::target).collect(Collectors.toSet()));
  }

  private static Result check(DatasetProfile train, DatasetProfile predict) {
    return check(SkewConfig.defaults(), train, predict);
  }

  private static SkewConfig config(String yaml) {
    return SkewConfig.parse(yaml, "test.yaml");
  }

  private static Finding about(Result result, String column) {
    List<Finding> f = result.findings().stream().filter(x -> x.target().equals(column)).toList();
    assertThat(f).as("findings about %s", column).hasSize(1);
    return f.get(0);
  }

  /** Three N(0, 1) columns in train; in predict one moves by 1 sd, one by 0.4 sd, one stays. */
  private static Result shifts(SkewConfig config) {
    SplittableRandom random = new SplittableRandom(501);
    Table train = new Table(5_000).normal("IQ_far", 0, random).normal("IQ_near", 0, random)
        .normal("IQ_same", 0, random);
    Table predict = new Table(2_000).normal("IQ_far", 1, random).normal("IQ_near", 0.4, random)
        .normal("IQ_same", 0, random);
    return check(config, train.profile("train"), predict.profile("predict"));
  }

  @Test
  void largeShiftIsAnErrorAndAModerateOneAWarning() {
    Result result = shifts(SkewConfig.defaults());

    assertThat(result.findings()).extracting(Finding::target).containsExactlyInAnyOrder("IQ_far", "IQ_near");
    assertThat(result.drifted()).containsExactlyInAnyOrder("IQ_far", "IQ_near");
    assertThat(result.tested()).containsOnlyKeys("IQ_far", "IQ_near", "IQ_same");
    assertThat(result.untested()).isEmpty();

    // Population values: PSI 0.926, JS 0.153, KS 0.383 for 1 sd; PSI 0.153, JS 0.027, KS 0.159 for 0.4 sd.
    Finding far = about(result, "IQ_far");
    assertThat(far.check()).isEqualTo(Check.DRIFT);
    assertThat(far.scope()).isEqualTo(Scope.COLUMN);
    assertThat(far.severity()).isEqualTo(Severity.ERROR);
    assertThat(far.message()).startsWith("IQ_far drifted: PSI 0.9").contains("PSI", ">= 0.25", "JS 0.1", "KS 0.3")
        .contains("5000 train vs 2000 predict values");
    assertThat((double) far.figures().get("psi")).isCloseTo(0.926, within(0.1));
    assertThat((double) far.figures().get("ks")).isCloseTo(0.383, within(0.03));

    Finding near = about(result, "IQ_near");
    assertThat(near.severity()).isEqualTo(Severity.WARNING);
    assertThat(near.message()).contains("PSI 0.1", ">= 0.1", "KS 0.1").doesNotContain("JS 0.0");
    assertThat((double) near.figures().get("psi")).isCloseTo(0.153, within(0.05));
    assertThat((double) near.figures().get("js")).isLessThan(0.1);

    assertThat(result.tested().get("IQ_same").psi()).isLessThan(0.02);
  }

  @Test
  void findingFiguresAreTheMeasuresTheirAdjustedPValuesAndCounts() {
    Finding near = about(shifts(SkewConfig.defaults()), "IQ_near");
    assertThat(near.reportedFigures().keySet()).containsExactly("psi", "js", "ks", "ksPValue", "ksPValueAdjusted",
        "chiSquarePValue", "chiSquarePValueAdjusted", "trainN", "predictN", "direction", "probability");
    assertThat(near.figures()).containsEntry("trainN", 5_000L).containsEntry("predictN", 2_000L)
        .as("IQ_near's predict values are shifted up").containsEntry("direction", "up");
    double ks = (double) near.figures().get("ksPValue");
    double ksAdjusted = (double) near.figures().get("ksPValueAdjusted");
    double chi = (double) near.figures().get("chiSquarePValue");
    double chiAdjusted = (double) near.figures().get("chiSquarePValueAdjusted");
    assertThat(ksAdjusted).isGreaterThanOrEqualTo(ks).isLessThan(0.05);
    assertThat(chiAdjusted).isGreaterThanOrEqualTo(chi).isLessThan(0.05);
    assertThat(near.probability()).as("the smaller p-value of the tests that triggered").isEqualTo(Math.min(ks, chi));
  }

  @Test
  void ksAloneIsAWarning() {
    // 50% ones in train, 62% in predict: KS 0.12, PSI (−0.12·ln 0.76 + 0.12·ln 1.24 = 0.059) and JS below their bars.
    Table train = new Table(5_000).add("WI_flag", r -> r % 2);
    Table predict = new Table(2_000).add("WI_flag", r -> r < 1_240 ? 1.0 : 0.0);
    Result result = check(train.profile("train"), predict.profile("predict"));

    Finding f = about(result, "WI_flag");
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.message()).contains("KS 0.120 >= 0.1").doesNotContain("PSI 0").doesNotContain("JS 0");
    assertThat((double) f.figures().get("psi")).isCloseTo(-0.12 * Math.log(0.76) + 0.12 * Math.log(1.24), within(1e-9));
    assertThat(f.probability()).isEqualTo(f.figures().get("ksPValue"));
  }

  @Test
  void jsAloneIsAWarningWhenPsiAsksForMore() {
    Result result = shifts(config("drift: {psiWarning: 5, psiError: 10, js: 0.02, ks: 0.9}\n"));
    Finding near = about(result, "IQ_near");
    assertThat(near.severity()).isEqualTo(Severity.WARNING);
    assertThat(near.message()).contains("JS 0.0", ">= 0.02").doesNotContain("PSI 0").doesNotContain("KS 0");
    assertThat(about(result, "IQ_far").severity()).as("JS alone never makes an error").isEqualTo(Severity.WARNING);
  }

  @Test
  void bigLookingEffectInASmallPredictSetIsNoFinding() {
    // docs/architecture.md's small-sample example: a tag in 3% of 5,000 train rows, absent from 100 predict rows. PSI 0.17 by
    // chance alone (the probability of absence is 0.97^100 = 0.048); the chi-square p-value is 0.079.
    Table train = new Table(5_000).add("WI_tag", r -> r % 100 < 3 ? 1.0 : 0.0);
    Table predict = new Table(100).add("WI_tag", r -> 0.0);
    Result result = check(train.profile("train"), predict.profile("predict"));

    assertThat(result.findings()).isEmpty();
    assertThat(result.tested().get("WI_tag").psi()).isCloseTo(0.171, within(0.001));
    assertThat(result.tested().get("WI_tag").chiSquarePValue()).isCloseTo(0.0787, within(0.0001));
  }

  @Test
  void significantButTinyEffectIsNoFinding() {
    // 200,000 values a side and a 0.05 sd shift: overwhelmingly significant, far below every bar.
    SplittableRandom random = new SplittableRandom(502);
    Table train = new Table(200_000).normal("IQ_a", 0, random);
    Table predict = new Table(200_000).normal("IQ_a", 0.05, random);
    Result result = check(train.profile("train"), predict.profile("predict"));
    assertThat(result.tested().get("IQ_a").ksPValue()).isLessThan(1e-10);
    assertThat(result.tested().get("IQ_a").chiSquarePValue()).isLessThan(1e-10);
    assertThat(result.findings()).isEmpty();
  }

  /** A pinned family U (predict constant at 1 on U_2), an unchanged IQ column, an emptied LG column. */
  private static Result declared(String yaml) {
    SplittableRandom random = new SplittableRandom(503);
    Table train = new Table(5_000).normal("IQ_a", 0, random);
    Table predict = new Table(200).normal("IQ_a", 0, random);
    for (int a = 0; a < 4; a++) {
      int account = a;
      train.add("U_" + a, r -> r % 4 == account ? 1.0 : 0.0);
      predict.add("U_" + a, r -> account == 2 ? 1.0 : 0.0);
    }
    train.add("LG_likes", r -> 10 + r % 50);
    predict.add("LG_likes", r -> 0.0);
    return check(config(yaml), train.profile("train"), predict.profile("predict"));
  }

  @Test
  void declaredFamiliesGiveInfoNamingTheDeclaration() {
    Result result = declared("expected:\n  predict:\n    constant: [U]\n  train:\n    sparse: [LG]\n");

    assertThat(result.findings()).extracting(Finding::target)
        .containsExactlyInAnyOrder("U_0", "U_1", "U_2", "U_3", "LG_likes");
    for (String u : List.of("U_0", "U_1", "U_2", "U_3")) {
      Finding f = about(result, u);
      assertThat(f.severity()).as(u).isEqualTo(Severity.INFO);
      assertThat(f.message()).as(u).endsWith("; expected: expected.predict.constant");
      assertThat(f.figures()).containsEntry("declared", "expected.predict.constant");
    }
    Finding lg = about(result, "LG_likes");
    assertThat(lg.severity()).as("a declaration in train counts too").isEqualTo(Severity.INFO);
    assertThat(lg.figures()).containsEntry("declared", "expected.train.sparse");
  }

  @Test
  void withoutTheDeclarationsTheSameChangesAreErrors() {
    Result result = declared("expected:\n  predict:\n    constant: [IQ]\n");
    assertThat(result.findings()).extracting(Finding::target)
        .containsExactlyInAnyOrder("U_0", "U_1", "U_2", "U_3", "LG_likes");
    assertThat(result.findings()).allSatisfy(f -> {
      assertThat(f.severity()).as(f.target()).isEqualTo(Severity.ERROR);
      assertThat(f.figures()).doesNotContainKey("declared");
    });
  }

  @Test
  void declaredFamiliesAreCorrectedApartFromTheOthers() {
    // WI_a moved by chance-sized amounts: 65 ones in 100 predict rows against 50% in train, KS D = 0.15,
    // p = 0.02, and PSI 0.093 below its bar. Corrected with its three unchanged siblings only, its
    // adjusted p-value is 4 × 0.02; pooled with seven pinned _Dc columns (p ≈ 0) it would be 11/8 × 0.02.
    Table train = new Table(5_000);
    Table predict = new Table(100);
    SplittableRandom random = new SplittableRandom(504);
    for (String w : List.of("WI_a", "WI_b", "WI_c", "WI_d")) {
      train.add(w, r -> r % 2);
      predict.add(w, r -> r < (w.equals("WI_a") ? 65 : 50) ? 1.0 : 0.0);
    }
    for (int i = 0; i < 7; i++) {
      train.normal("_Dc_" + i, 0, random);
      predict.add("_Dc_" + i, r -> 100.0);
    }
    SkewConfig declared = config("expected:\n  predict:\n    constant: [_Dc]\n");
    Result result = check(declared, train.profile("train"), predict.profile("predict"));

    assertThat(result.tested().get("WI_a").ks()).isCloseTo(0.15, within(1e-12));
    assertThat(result.tested().get("WI_a").ksPValue()).isBetween(0.015, 0.025);
    assertThat(result.findings()).extracting(Finding::target).allMatch(t -> t.startsWith("_Dc"));
    assertThat(result.findings()).hasSize(7).allMatch(f -> f.severity() == Severity.INFO);

    // Without the declaration the _Dc columns are errors, and they loosen the correction for WI_a.
    Result pooled = check(SkewConfig.defaults(), train.profile("train"), predict.profile("predict"));
    assertThat(about(pooled, "WI_a").severity()).isEqualTo(Severity.WARNING);
    assertThat(pooled.findings()).filteredOn(f -> f.target().startsWith("_Dc")).hasSize(7)
        .allMatch(f -> f.severity() == Severity.ERROR);
  }

  /** A categorical column of {@code rows} values drawn from {@code shares} over colours c0, c1, ... */
  private static Table colours(Table table, String name, int rows, double[] shares, SplittableRandom random) {
    table.add(name, r -> Double.NaN);
    for (int r = 0; r < rows; r++) {
      double u = random.nextDouble();
      int i = 0;
      for (double sum = shares[0]; i < shares.length - 1 && u >= sum; sum += shares[++i]) {
        // walks to the drawn colour
      }
      table.text(name, r, "c" + i);
    }
    return table;
  }

  @Test
  void shiftedCategoricalMixIsFlaggedByLinfAndPsi() {
    SplittableRandom random = new SplittableRandom(507);
    double[] mix = {0.5, 0.3, 0.2};
    Table train = colours(colours(colours(new Table(5_000), "CAT_big", 5_000, mix, random), "CAT_small", 5_000, mix,
        random), "CAT_same", 5_000, mix, random).normal("IQ_a", 0, random);
    Table predict = colours(colours(colours(new Table(2_000), "CAT_big", 2_000, new double[] {0.2, 0.3, 0.5}, random),
        "CAT_small", 2_000, new double[] {0.38, 0.35, 0.27}, random), "CAT_same", 2_000, mix, random)
        .normal("IQ_a", 0, random);
    Result result = check(train.profile("train"), predict.profile("predict"));

    assertThat(result.categorical()).containsOnlyKeys("CAT_big", "CAT_small", "CAT_same");
    assertThat(result.tested()).containsOnlyKeys("IQ_a");
    assertThat(result.findings()).extracting(Finding::target).containsExactlyInAnyOrder("CAT_big", "CAT_small");

    Finding big = about(result, "CAT_big");
    assertThat(big.severity()).isEqualTo(Severity.ERROR);
    assertThat(big.message()).startsWith("CAT_big drifted: PSI").contains("L-inf 0.3", ">= 0.2", "' went from ",
        "5000 train vs 2000 predict values");
    assertThat(big.reportedFigures().keySet()).containsExactly("psi", "linf", "category", "trainFraction", "predictFraction",
        "chiSquarePValue", "chiSquarePValueAdjusted", "trainN", "predictN", "probability");
    assertThat((double) big.figures().get("linf")).isCloseTo(0.3, within(0.03));

    // L-inf about 0.12 is a warning although PSI (about 0.04) is below its threshold.
    Finding small = about(result, "CAT_small");
    assertThat(small.severity()).isEqualTo(Severity.WARNING);
    assertThat(small.message()).contains("L-inf 0.1").doesNotContain("PSI 0");
    assertThat(result.categorical().get("CAT_small").psi()).isLessThan(0.1);
    assertThat(result.categorical().get("CAT_same").linf()).isLessThan(0.05);
  }

  @Test
  void smallCategoricalSamplesNeedSignificance() {
    // 20 predict values with L-inf about 0.2: large-looking, but 20 values cannot tell it from chance.
    SplittableRandom random = new SplittableRandom(508);
    double[] mix = {0.5, 0.3, 0.2};
    Result result = check(colours(new Table(5_000), "CAT_a", 5_000, mix, random).profile("train"),
        colours(new Table(20), "CAT_a", 20, new double[] {0.25, 0.5, 0.25}, random).profile("predict"));
    assertThat(result.categorical().get("CAT_a").linf()).isGreaterThan(0.1);
    assertThat(result.findings()).isEmpty();
  }

  @Test
  void untestedColumnsSayWhy() {
    SplittableRandom random = new SplittableRandom(505);
    Table train = new Table(300).normal("IQ_a", 0, random).normal("IQ_onlyTrain", 0, random)
        .add("IQ_oneInPredict", r -> r % 5).add("CAT_city", r -> Double.NaN).normal("target", 0, random)
        .add("ID_user", r -> 1_000 + r).add("ID_name", r -> Double.NaN);
    for (int r = 0; r < 300; r++) {
      train.text("CAT_city", r, "Oslo").text("ID_name", r, "user" + r);
    }
    Table predict = new Table(50).normal("IQ_a", 0, random).normal("IQ_onlyPredict", 0, random)
        .add("IQ_oneInPredict", r -> r == 0 ? 1.0 : Double.NaN).add("CAT_city", r -> Double.NaN)
        .add("ID_user", r -> 5_000 + r).add("ID_name", r -> Double.NaN);
    predict.text("CAT_city", 0, "Bergen");
    for (int r = 0; r < 50; r++) {
      predict.text("ID_name", r, "new" + r);
    }
    Result result = check(config("columns:\n  label: target\n"), train.profile("train"),
        predict.profile("predict"));

    assertThat(result.tested()).containsOnlyKeys("IQ_a");
    assertThat(result.untested()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "IQ_onlyTrain", "only in train",
        "IQ_onlyPredict", "only in predict",
        "IQ_oneInPredict", "fewer than 2 numeric values in predict (1)",
        "CAT_city", "fewer than 2 present values in predict (1)",
        "ID_user", "id-like: 300 distinct values among 300 in train (estimated >= 0.95), so every value is new and a"
            + " drift test would flag nothing real",
        "ID_name", "id-like: 300 distinct values among 300 in train (exact >= 0.95), so every value is new and a"
            + " drift test would flag nothing real",
        "target", "not a feature (label)"));
    assertThat(result.findings()).isEmpty();
  }

  @Test
  void emptyDatasetTestsNothing() {
    SplittableRandom random = new SplittableRandom(506);
    DatasetProfile train = new Table(300).normal("IQ_a", 0, random).profile("train");
    DatasetProfile empty = new DatasetProfile(Dataset.PREDICT, 1, 0, 3, Map.of());
    Result result = check(train, empty);
    assertThat(result.findings()).isEmpty();
    assertThat(result.tested()).isEmpty();
    assertThat(result.untested()).containsExactly(Map.entry("IQ_a", "only in train"));
  }

  @Test
  void definitionsStateEveryMeasureWithTheConfiguredThresholds() {
    Map<String, String> defaults = DriftCheck.definitions(SkewConfig.defaults());
    assertThat(defaults).containsOnlyKeys("bins", "psi", "js", "ks", "ksPValue", "chiSquarePValue", "categories",
        "categoricalPsi", "linf", "categoricalChiSquarePValue", "idLike", "drifted");
    assertThat(defaults.get("categories")).contains("20 most frequent values", "'(other)'", "exact up to 768");
    assertThat(defaults.get("linf")).contains("max over categories of |p - q|");
    assertThat(defaults.get("idLike")).contains("at least 0.95 of its present values", "at least 50", "integers");
    assertThat(defaults.get("bins")).contains("deciles", "(-inf, e1]", "(ek, +inf)", "missing values are not binned");
    assertThat(defaults.get("psi")).contains("ln(q / p)", "1e-4");
    assertThat(defaults.get("js")).contains("base 2", "log2");
    assertThat(defaults.get("ks")).contains("sup |F_train(x) - F_predict(x)|");
    assertThat(defaults.get("ksPValue")).contains("0.12 + 0.11 / sqrt(ne)", "ne = n * m / (n + m)");
    assertThat(defaults.get("chiSquarePValue")).contains("k - 1 degrees of freedom", "Pearson", "likelihood-ratio");
    assertThat(defaults.get("drifted")).contains("Benjamini-Hochberg", "q = 0.05", "PSI >= 0.25 or L-inf >= 0.2 is an"
        + " error", "PSI >= 0.1, JS >= 0.1, KS >= 0.1 or L-inf >= 0.1 a warning", "fewer than 2 numeric (categorical:"
        + " present) values");
    assertThat(DriftCheck.definitions(config("drift: {fdr: 0.01, psiError: 0.3, linfError: 0.4}\n")).get("drifted"))
        .contains("q = 0.01", "PSI >= 0.3 or L-inf >= 0.4 is an error");
  }
}
