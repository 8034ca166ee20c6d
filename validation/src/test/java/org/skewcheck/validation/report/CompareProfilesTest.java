package org.skewcheck.validation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.check.Check;
import org.skewcheck.validation.check.DriftCheck;
import org.skewcheck.validation.check.FamilyDriftCheck;
import org.skewcheck.validation.check.Finding;
import org.skewcheck.validation.check.Scope;
import org.skewcheck.validation.check.Severity;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.score.ScoreSummary;
import org.skewcheck.validation.stats.Dataset;
import org.skewcheck.validation.stats.DatasetProfile;
import org.skewcheck.validation.stats.Duplicates;
import org.skewcheck.validation.stats.PrefixStats;
import org.skewcheck.validation.stats.Table;

class CompareProfilesTest {
  private static final double NA = Double.NaN;

  private static SkewConfig config(String yaml) {
    return SkewConfig.parse(yaml, "test.yaml");
  }

  private static Report compare(SkewConfig config, DatasetProfile train, DatasetProfile predict) {
    return CompareProfiles.with(config).compare(train, predict);
  }

  private static DatasetProfile withRejected(DatasetProfile d, long files, long rejected) {
    return new DatasetProfile(d.dataset(), files, d.rows(), rejected, d.prefixes());
  }

  /** WI (normal), LG (dense counts, optionally all zero), U (one-hot of 7 accounts, optionally pinned). */
  private static Table table(int rows, SplittableRandom random, boolean lgZero, boolean pinned) {
    Table t = new Table(rows);
    for (int i = 0; i < 3; i++) {
      t.normal("WI_" + i, 2, random);
    }
    for (int i = 0; i < 6; i++) {
      if (lgZero) {
        t.add("LG_" + i, r -> 0.0);
      } else {
        t.sparse("LG_" + i, 0.95, random);
      }
    }
    int[] account = random.ints(rows, 0, 7).toArray();
    for (int a = 0; a < 7; a++) {
      int u = a;
      t.add("U_" + a, r -> (pinned ? 2 : account[r]) == u ? 1.0 : 0.0);
    }
    return t;
  }

  @Test
  void sameDistributionIsOk() {
    SplittableRandom random = new SplittableRandom(301);
    Report report = compare(SkewConfig.defaults(), table(3_000, random, false, false).profile("train"),
        table(100, random, false, false).profile("predict"));

    assertThat(report.schemaVersion()).isEqualTo(1);
    assertThat(report.tool()).isEqualTo("skewcheck");
    assertThat(report.verdict()).isEqualTo(Verdict.OK);
    assertThat(report.findings()).isEmpty();
    assertThat(report.datasets()).containsOnlyKeys("train", "predict");
    assertThat(report.datasets().get("train")).isEqualTo(new Report.DatasetSummary(1, 3_000, 0, 16, null, null));
    assertThat(report.prefixes()).extracting(Report.PrefixReport::prefix).containsExactly("LG", "U", "WI");
    assertThat(report.columns()).hasSize(16);
  }

  @Test
  void errorVerdictWhenAFamilyGoesSparse() {
    SplittableRandom random = new SplittableRandom(302);
    Report report = compare(SkewConfig.defaults(), table(3_000, random, false, false).profile("train"),
        table(100, random, true, false).profile("predict"));

    assertThat(report.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(report.findings().get(0)).satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.scope()).isEqualTo(Scope.PREFIX);
      assertThat(f.target()).isEqualTo("LG");
    });
  }

  @Test
  void warningVerdictForAPredictOnlyColumnOrRejectedRows() {
    SplittableRandom random = new SplittableRandom(303);
    DatasetProfile train = table(3_000, random, false, false).profile("train");
    DatasetProfile predict = table(100, random, false, false).add("WI_new", r -> 1.0).profile("predict");
    Report report = compare(SkewConfig.defaults(), train, predict);
    assertThat(report.verdict()).isEqualTo(Verdict.WARNING);
    assertThat(report.findings()).singleElement().satisfies(f -> assertThat(f.target()).isEqualTo("WI_new"));

    Report rejected = compare(SkewConfig.defaults(), train,
        withRejected(table(100, random, false, false).profile("predict"), 100, 4));
    assertThat(rejected.verdict()).isEqualTo(Verdict.WARNING);
    assertThat(rejected.findings()).singleElement().satisfies(f -> {
      assertThat(f.check()).isEqualTo(Check.REJECTED_ROWS);
      assertThat(f.scope()).isEqualTo(Scope.DATASET);
      assertThat(f.target()).isEqualTo("predict");
      assertThat(f.figures()).containsEntry("rejectedRows", 4L);
      assertThat((double) f.figures().get("rejectedFraction")).isCloseTo(4.0 / 104, within(1e-15));
    });
    assertThat(rejected.datasets().get("predict")).isEqualTo(new Report.DatasetSummary(100, 100, 4, 16, null, null));
  }

  @Test
  void emptyDatasetIsAnError() {
    SplittableRandom random = new SplittableRandom(304);
    DatasetProfile empty = new DatasetProfile(Dataset.PREDICT, 2, 0, 7, Map.of());
    Report report = compare(SkewConfig.defaults(), table(500, random, false, false).profile("train"), empty);

    assertThat(report.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(report.findings()).extracting(Finding::check).containsExactly(Check.EMPTY, Check.REJECTED_ROWS);
    assertThat(report.findings().get(0).message()).contains("predict has no readable rows (2 files, 7 rows rejected)");
    assertThat(report.prefixes()).allSatisfy(p -> assertThat(p.predict()).isNull());
  }

  @Test
  void infoFindingsAloneAreOk() {
    // Not seed 305: its 100 predict rows drew a WI_0 whose KS distance to train is 0.18 (p = 0.003 on
    // the raw values), a real drift warning by the rules, and not what this test is about.
    SplittableRandom random = new SplittableRandom(315);
    Report report = compare(config("expected:\n  predict:\n    constant: [U]\n"),
        table(3_000, random, false, false).profile("train"), table(100, random, false, true).profile("predict"));

    assertThat(report.findings()).isNotEmpty().allMatch(f -> f.severity() == Severity.INFO);
    assertThat(report.verdict()).isEqualTo(Verdict.OK);
  }

  @Test
  void findingsAreSortedMostSevereFirst() {
    SplittableRandom random = new SplittableRandom(306);
    DatasetProfile train = table(3_000, random, false, false).profile("train");
    DatasetProfile predict = withRejected(table(100, random, true, true).add("WI_new", r -> 1.0).profile("predict"),
        100, 1);
    Report report = compare(config("expected:\n  predict:\n    constant: [U]\n"), train, predict);

    List<Finding> findings = report.findings();
    assertThat(findings).extracting(Finding::severity).contains(Severity.ERROR, Severity.WARNING, Severity.INFO);
    assertThat(findings).isSortedAccordingTo(Finding.REPORT_ORDER);
    assertThat(findings).extracting(Finding::severity).isSortedAccordingTo(Enum::compareTo);
    // Among errors, the family comes before its columns, and the most improbable first within a scope.
    assertThat(findings.get(0).scope()).isEqualTo(Scope.PREFIX);
    assertThat(findings.get(0).target()).isEqualTo("LG");
    assertThat(report.verdict()).isEqualTo(Verdict.ERROR);
  }

  @Test
  void findingsAreAttachedToTheirPrefixOrColumn() {
    // A one-column family named like its column: the prefix finding must not land on the column.
    SplittableRandom random = new SplittableRandom(307);
    DatasetProfile train = new Table(3_000).sparse("Z", 0.95, random).normal("WI_a", 0, random).profile("train");
    DatasetProfile predict = new Table(100).add("Z", r -> 0.0).normal("WI_a", 0, random).profile("predict");
    Report report = compare(SkewConfig.defaults(), train, predict);

    Report.PrefixReport z = report.prefixes().stream().filter(p -> p.prefix().equals("Z")).findFirst().orElseThrow();
    Report.ColumnReport zColumn = report.columns().stream().filter(c -> c.name().equals("Z")).findFirst()
        .orElseThrow();
    assertThat(z.findings()).isNotEmpty().allMatch(f -> f.scope() == Scope.PREFIX);
    assertThat(zColumn.findings()).isNotEmpty().allMatch(f -> f.scope() == Scope.COLUMN);
    assertThat(z.findings().size() + zColumn.findings().size()).isEqualTo(report.findings().size());
  }

  @Test
  void wholePrefixSchemaFindingBelongsToThePrefix() {
    DatasetProfile train = new Table(10).add("WI_a", r -> r).add("LG_1", r -> r).add("LG_2", r -> 1).add("Z", r -> r)
        .profile("train");
    DatasetProfile predict = new Table(3).add("WI_a", r -> r).add("WI_b", r -> r).profile("predict");
    Report report = compare(SkewConfig.defaults(), train, predict);

    assertThat(report.findings()).hasSize(3);
    for (String prefix : List.of("LG", "Z")) {
      Report.PrefixReport p = report.prefixes().stream().filter(x -> x.prefix().equals(prefix)).findFirst()
          .orElseThrow();
      assertThat(p.findings()).as(prefix).singleElement().satisfies(f -> {
        assertThat(f.check()).isEqualTo(Check.SCHEMA);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
      });
    }
    assertThat(report.columns()).filteredOn(c -> !c.name().equals("WI_b")).allSatisfy(c ->
        assertThat(c.findings()).as(c.name()).isEmpty());
    Report.ColumnReport wiB = report.columns().stream().filter(c -> c.name().equals("WI_b")).findFirst()
        .orElseThrow();
    assertThat(wiB.findings()).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    assertThat(report.prefixes()).filteredOn(p -> p.prefix().equals("WI")).singleElement()
        .satisfies(p -> assertThat(p.findings()).isEmpty());
  }

  @Test
  void columnsAreOrderedByPrefixThenName() {
    SkewConfig config = config("prefixes:\n  - match: \"^zz_\"\n    prefix: AA\n");
    String[] names = {"WI_z", "WI_a", "_Dy_2014", "_Dy_2013", "Z", "IQ_blur", "IQ_IQ_HSV", "zz_1", "target"};
    Table train = new Table(20);
    Table predict = new Table(5);
    for (String name : names) {
      train.add(name, r -> r % 3);
      predict.add(name, r -> r % 3);
    }
    predict.add("IQ_0new", r -> 1);
    Report report = compare(config, train.profile("train", config.prefixRules()),
        predict.profile("predict", config.prefixRules()));

    assertThat(report.columns()).extracting(Report.ColumnReport::name).containsExactly(
        "zz_1", "IQ_0new", "IQ_IQ_HSV", "IQ_blur", "WI_a", "WI_z", "Z", "_Dy_2013", "_Dy_2014", "target");
    assertThat(report.columns()).extracting(Report.ColumnReport::prefix).containsExactly(
        "AA", "IQ", "IQ", "IQ", "WI", "WI", "Z", "_Dy", "_Dy", "target");
    assertThat(report.prefixes()).extracting(Report.PrefixReport::prefix)
        .containsExactly("AA", "IQ", "WI", "Z", "_Dy", "target");
    Report.ColumnReport added = report.columns().get(1);
    assertThat(added.train()).isNull();
    assertThat(added.predict()).isNotNull();
    assertThat(added.findings()).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
  }

  @Test
  void rolesComeFromTheConfig() {
    SkewConfig config = config("columns:\n  label: target\n  recordedScore: score\n");
    DatasetProfile train = new Table(10).add("WI_a", r -> r).add("target", r -> r % 2).profile("train");
    DatasetProfile predict = new Table(4).add("WI_a", r -> r).add("score", r -> 0.5).profile("predict");
    Report report = compare(config, train, predict);

    assertThat(report.columns()).extracting(Report.ColumnReport::name, Report.ColumnReport::role)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("WI_a", "feature"),
            org.assertj.core.groups.Tuple.tuple("score", "recordedScore"),
            org.assertj.core.groups.Tuple.tuple("target", "label"));
    assertThat(report.findings()).isEmpty();
    assertThat(report.verdict()).isEqualTo(Verdict.OK);
  }

  @Test
  void prefixSummariesRollUpTheColumns() {
    //        WI_a WI_b WI_c  | LG_x LG_y
    // r0     0    5    NA    | NA   NA
    // r1     0    5    0     | 0    0
    // r2     1    5    3     | NA   NA
    // r3     2    5    text  | 4    NA
    double[][] values = {
        {0, 5, NA, NA, NA},
        {0, 5, 0, 0, 0},
        {1, 5, 3, NA, NA},
        {2, 5, NA, 4, NA},
    };
    String[] names = {"WI_a", "WI_b", "WI_c", "LG_x", "LG_y"};
    Table t = new Table(4);
    for (int c = 0; c < names.length; c++) {
      int col = c;
      t.add(names[c], r -> values[r][col]);
    }
    t.text("WI_c", 3, "n/a");
    DatasetProfile train = t.profile("train");
    DatasetProfile predict = new Table(2).add("WI_a", r -> 1).add("WI_b", r -> 5).add("WI_c", r -> 2)
        .profile("predict");
    Report report = compare(SkewConfig.defaults(), train, predict);

    Report.PrefixReport wi = report.prefixes().stream().filter(p -> p.prefix().equals("WI")).findFirst()
        .orElseThrow();
    assertThat(wi.columns()).isEqualTo(3);
    Report.PrefixSummary s = wi.train();
    assertThat(s.columns()).isEqualTo(3);
    assertThat(s.zeroFraction()).as("3 zeros in 10 numbers").isCloseTo(0.3, within(1e-15));
    assertThat(s.missingFraction()).as("1 missing cell of 4 x 3").isCloseTo(1.0 / 12, within(1e-15));
    assertThat(s.constantColumns()).as("WI_b only").isEqualTo(1);
    double sdA = Math.sqrt((0.75 * 0.75 * 2 + 0.25 * 0.25 + 1.25 * 1.25) / 3);
    double sdC = Math.sqrt(4.5);
    assertThat(s.meanStddev()).isCloseTo((sdA + 0 + sdC) / 3, within(1e-12));
    assertThat(s.rowsWithoutNonZero()).isZero();
    assertThat(s.rowsWithoutValue()).isZero();
    assertThat(wi.predict().constantColumns()).as("every predict column is constant").isEqualTo(3);
    assertThat(wi.predict().zeroFraction()).isZero();

    Report.PrefixReport lg = report.prefixes().stream().filter(p -> p.prefix().equals("LG")).findFirst()
        .orElseThrow();
    assertThat(lg.predict()).isNull();
    assertThat(lg.train().zeroFraction()).as("2 zeros in 3 numbers").isCloseTo(2.0 / 3, within(1e-15));
    assertThat(lg.train().missingFraction()).as("5 missing of 4 x 2").isCloseTo(5.0 / 8, within(1e-15));
    assertThat(lg.train().constantColumns()).as("LG_y is constant but has missing cells").isZero();
    assertThat(lg.train().rowsWithoutNonZero()).as("1 of the 2 rows with a value").isCloseTo(0.5, within(1e-15));
    assertThat(lg.train().rowsWithoutValue()).isCloseTo(0.5, within(1e-15));
    assertThat(lg.findings()).singleElement().satisfies(f -> {
      assertThat(f.check()).isEqualTo(Check.SCHEMA);
      assertThat(f.figures()).containsEntry("columns", 2);
    });

    Report.ColumnReport wiC = report.columns().stream().filter(c -> c.name().equals("WI_c")).findFirst()
        .orElseThrow();
    assertThat(wiC.train().count()).isEqualTo(2);
    assertThat(wiC.train().missing()).isEqualTo(1);
    assertThat(wiC.train().nonNumeric()).isEqualTo(1);
    assertThat(wiC.train().zeros()).isEqualTo(1);
    assertThat(wiC.train().mean()).isEqualTo(1.5);
    assertThat(wiC.train().distinct()).as("0, 3 and n/a").isEqualTo(3);
    assertThat(wiC.train().quantiles()).containsOnlyKeys("p01", "p05", "p25", "p50", "p75", "p95", "p99")
        .containsEntry("p50", 0.0).containsEntry("p75", 3.0);
    assertThat(wiC.type()).as("a text value in train makes it categorical").isEqualTo("categorical");
    assertThat(wiC.train().topValues()).extracting(v -> v.value() + "=" + v.count())
        .containsExactly("0=1", "3=1", "n/a=1");
    assertThat(wiC.predict().topValues()).extracting(v -> v.value() + "=" + v.count()).containsExactly("2=2");
    assertThat(column(report, "WI_a").train().topValues()).as("numeric columns list no top values").isNull();
  }

  @Test
  void driftIsReportedPerColumnAndRolledUpPerPrefix() {
    // IQ_s0 … IQ_s6 moved by 0, 0.3, …, 1.8 sd in predict; IQ_old only in train; CAT text only.
    SplittableRandom random = new SplittableRandom(309);
    Table train = new Table(4_000);
    Table predict = new Table(1_000);
    for (int i = 0; i <= 6; i++) {
      train.normal("IQ_s" + i, 0, random);
      predict.normal("IQ_s" + i, 0.3 * i, random);
    }
    train.normal("IQ_old", 0, random).add("CAT_city", r -> NA).text("CAT_city", 0, "Oslo");
    predict.add("CAT_city", r -> NA).text("CAT_city", 0, "Rome");
    Report report = compare(SkewConfig.defaults(), train.profile("train"), predict.profile("predict"));

    Report.ColumnReport s6 = column(report, "IQ_s6");
    assertThat(s6.drift().untestedReason()).isNull();
    assertThat(s6.drift().bins()).hasSize(9).isSorted();
    assertThat(s6.drift().p().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
    assertThat(s6.drift().q()).hasSize(10);
    assertThat(s6.drift().q().get(9)).as("predict moved 1.8 sd up: most of it above train's 9th decile")
        .isGreaterThan(0.5);
    assertThat(s6.drift().psi()).isGreaterThan(1);
    Finding f = s6.findings().stream().filter(x -> x.check() == Check.DRIFT).findFirst().orElseThrow();
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.figures()).containsEntry("psi", s6.drift().psi()).containsEntry("js", s6.drift().js())
        .containsEntry("ks", s6.drift().ks()).containsEntry("ksPValue", s6.drift().ksPValue())
        .containsEntry("chiSquarePValue", s6.drift().chiSquarePValue());
    assertThat(report.findings()).contains(f);
    assertThat(column(report, "IQ_s0").findings()).isEmpty();

    Report.ColumnDrift old = column(report, "IQ_old").drift();
    assertThat(old.untestedReason()).isEqualTo("only in train");
    assertThat(old.psi()).isNaN();
    assertThat(old.bins()).isNull();
    assertThat(column(report, "CAT_city").drift().untestedReason())
        .isEqualTo("fewer than 2 present values in train (1)");

    Report.PrefixDrift iq = prefix(report, "IQ").drift();
    List<Report.ColumnReport> tested = report.columns().stream()
        .filter(c -> c.prefix().equals("IQ") && c.drift().untestedReason() == null).toList();
    assertThat(tested).hasSize(7);
    assertThat(iq.columnsTested()).isEqualTo(7);
    assertThat(iq.driftedColumns()).isEqualTo(6);
    assertThat(iq.driftedShare()).isCloseTo(6.0 / 7, within(1e-15));
    assertThat(iq.psiMax()).isEqualTo(tested.stream().mapToDouble(c -> c.drift().psi()).max().orElseThrow());
    assertThat(iq.psiMean()).isCloseTo(tested.stream().mapToDouble(c -> c.drift().psi()).average().orElseThrow(),
        within(1e-12));
    assertThat(iq.jsMax()).isEqualTo(tested.stream().mapToDouble(c -> c.drift().js()).max().orElseThrow());
    assertThat(iq.jsMean()).isCloseTo(tested.stream().mapToDouble(c -> c.drift().js()).average().orElseThrow(),
        within(1e-12));
    assertThat(iq.ksMax()).isEqualTo(tested.stream().mapToDouble(c -> c.drift().ks()).max().orElseThrow());
    assertThat(iq.ksMean()).isCloseTo(tested.stream().mapToDouble(c -> c.drift().ks()).average().orElseThrow(),
        within(1e-12));
    assertThat(iq.worstColumns()).containsExactly("IQ_s6", "IQ_s5", "IQ_s4", "IQ_s3", "IQ_s2");

    Report.PrefixDrift cat = prefix(report, "CAT").drift();
    assertThat(cat.columnsTested()).isZero();
    assertThat(cat.driftedColumns()).isZero();
    assertThat(cat.driftedShare()).isNaN();
    assertThat(cat.psiMax()).isNaN();
    assertThat(cat.ksMean()).isNaN();
    assertThat(cat.worstColumns()).isEmpty();

    Map<String, String> measures = new LinkedHashMap<>(DriftCheck.definitions(SkewConfig.defaults()));
    measures.putAll(FamilyDriftCheck.definitions(SkewConfig.defaults()));
    assertThat(report.measures()).containsExactlyEntriesOf(measures);
  }

  private static Report.ColumnReport column(Report report, String name) {
    return report.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private static Report.PrefixReport prefix(Report report, String name) {
    return report.prefixes().stream().filter(p -> p.prefix().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void textOnlyColumnIsCategoricalWithoutFigures() {
    Table t = new Table(3).add("CAT_city", r -> NA).add("WI_a", r -> r);
    t.text("CAT_city", 0, "Oslo").text("CAT_city", 1, "Rome").text("CAT_city", 2, "Oslo");
    Table p = new Table(1).add("CAT_city", r -> NA).add("WI_a", r -> 1);
    p.text("CAT_city", 0, "Rome");
    Report report = compare(SkewConfig.defaults(), t.profile("train"), p.profile("predict"));

    Report.ColumnReport city = report.columns().get(0);
    assertThat(city.name()).isEqualTo("CAT_city");
    assertThat(city.type()).isEqualTo("categorical");
    assertThat(city.train().count()).isZero();
    assertThat(city.train().nonNumeric()).isEqualTo(3);
    assertThat(city.train().missing()).isZero();
    assertThat(city.train().quantiles()).isNull();
    assertThat(city.train().mean()).isNaN();
    assertThat(city.train().distinct()).isEqualTo(2);
    assertThat(city.train().topValues()).extracting(v -> v.value() + "=" + v.count()).containsExactly("Oslo=2", "Rome=1");
    assertThat(city.predict().topValues()).extracting(v -> v.value() + "=" + v.count()).containsExactly("Rome=1");
  }

  @Test
  void sketchedColumnHasNoDistinctCount() {
    SplittableRandom random = new SplittableRandom(308);
    Report report = compare(SkewConfig.defaults(), new Table(500).normal("IQ_a", 0, random).profile("train"),
        new Table(50).normal("IQ_a", 0, random).profile("predict"));
    Report.ColumnSummary train = report.columns().get(0).train();
    assertThat(train.distinct()).isNull();
    assertThat(train.quantiles().get("p01")).isLessThan(train.quantiles().get("p50"))
        .isGreaterThanOrEqualTo(train.min());
    assertThat(train.quantiles().get("p99")).isLessThanOrEqualTo(train.max());
    assertThat(train.stddev()).isCloseTo(1.0, within(0.1));
  }

  @Test
  void duplicatedRowsAreAWarningAndARepeatedKeyAnError() {
    SkewConfig config = SkewConfig.parse("uniqueKey: [post_id]\n", "t");
    DatasetProfile train = new Table(10).add("WI_a", r -> r % 2).profile("train");
    DatasetProfile predict = new Table(10).add("WI_a", r -> r % 2).profile("predict");

    Report report = CompareProfiles.with(config)
        .withDuplicates(java.util.Map.of("train", new Duplicates(3, 0L), "predict", new Duplicates(0, 2L)))
        .compare(train, predict);

    assertThat(report.datasets().get("train").duplicateRows()).isEqualTo(3);
    assertThat(report.datasets().get("predict").duplicateKeys()).isEqualTo(2);
    assertThat(report.findings()).filteredOn(f -> f.check() == Check.DUPLICATE_ROWS).singleElement()
        .satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.WARNING);
          assertThat(f.message()).isEqualTo("train: 3 rows repeat an earlier row in every column");
        });
    assertThat(report.findings()).filteredOn(f -> f.check() == Check.UNIQUE_KEY).singleElement()
        .satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.ERROR);
          assertThat(f.message()).contains("predict").contains("[post_id]").contains("2 rows repeat");
        });
  }

  /**
   * The report step runs every check on the train accumulators and then saves them (--saveProfile):
   * what it saves must be what it would have saved without the checks. Fewer train rows than the
   * quantile sketch's k, so the sketches never compact and a twin built from the same rows writes
   * the same bytes.
   */
  @Test
  void theChecksLeaveTheAccumulatorsTheyReadAsSavedBeforeThem() throws IOException {
    SplittableRandom random = new SplittableRandom(311);
    int rows = 800;
    Table t = table(rows, random, false, false).add("CAT_colour", r -> r % 7);
    for (int r = 0; r < rows; r += 2) {
      t.text("CAT_colour", r, "c" + random.nextInt(0, 40));
    }
    double[] scores = random.doubles(rows).toArray();
    DatasetProfile train = t.profile("train");
    DatasetProfile unread = t.profile("train");
    ScoreSummary trainScores = scores(scores);
    ScoreSummary unreadScores = scores(scores);

    Report report = CompareProfiles.with(SkewConfig.defaults())
        .compare(train, table(100, random, false, false).profile("predict"), trainScores, scores(scores));

    assertThat(report.columns()).as("every column was compared").hasSize(17);
    assertThat(bytes(train, trainScores)).isEqualTo(bytes(unread, unreadScores));
  }

  private static ScoreSummary scores(double[] values) {
    ScoreSummary s = new ScoreSummary();
    for (double v : values) {
      s.addScore(v);
    }
    return s;
  }

  /** The train side's accumulators as the saved profile writes them. */
  private static byte[] bytes(DatasetProfile profile, ScoreSummary scores) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    for (PrefixStats p : profile.prefixes().values()) {
      p.writeTo(out);
    }
    scores.writeTo(out);
    return bytes.toByteArray();
  }
}
