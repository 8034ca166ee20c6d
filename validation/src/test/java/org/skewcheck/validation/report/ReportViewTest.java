package org.skewcheck.validation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.check.Check;
import org.skewcheck.validation.check.Finding;
import org.skewcheck.validation.check.Scope;
import org.skewcheck.validation.check.Severity;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.report.Report.ColumnDrift;
import org.skewcheck.validation.report.Report.ColumnReport;
import org.skewcheck.validation.report.Report.ColumnSummary;
import org.skewcheck.validation.report.Report.PrefixDrift;
import org.skewcheck.validation.report.Report.PrefixReport;
import org.skewcheck.validation.report.Report.PrefixSummary;
import org.skewcheck.validation.score.ScoresReport;
import org.skewcheck.validation.stats.Categories.ValueCount;
import org.skewcheck.validation.stats.Table;

/** The page's view model, read without any HTML, on small hand-made reports. */
class ReportViewTest {
  private static final SkewConfig.Drift DEFAULTS = SkewConfig.defaults().drift();
  private static final double NA = Double.NaN;

  private static Finding finding(Check check, Scope scope, String target, Severity severity) {
    return new Finding(check, scope, target, severity, target + " " + check.label(), Map.of());
  }

  private static PrefixSummary summary(int columns, double zeroFraction, int constantColumns) {
    return new PrefixSummary(columns, zeroFraction, 0, constantColumns, 1, 0, 0);
  }

  private static PrefixDrift drift(int tested, int drifted, double psiMax, List<String> worst, double familyKs) {
    ColumnDrift total = Double.isNaN(familyKs) ? null
        : new ColumnDrift(NA, NA, familyKs, NA, NA, NA, List.of(0.0), null, List.of(0.5, 0.5), List.of(0.5, 0.5), null);
    Report.FamilyDrift family = total == null ? null : new Report.FamilyDrift(total, null, null, 0, 1, NA, NA, 0, 0, 5, 1);
    return new PrefixDrift(tested, drifted, tested == 0 ? NA : (double) drifted / tested, psiMax, NA, NA, NA, NA, NA,
        worst, family);
  }

  private static ColumnReport column(String name, String prefix, Finding... findings) {
    return new ColumnReport(name, prefix, "feature", "numeric", null, null, ColumnDrift.untested("only in train"),
        List.of(findings));
  }

  /** A report of 2,000 train and 200 predict rows. */
  private static Report report(List<PrefixReport> prefixes, List<ColumnReport> columns, List<Finding> findings,
      SkewConfig.Drift thresholds) {
    return new Report(Report.SCHEMA_VERSION, "skewcheck", Verdict.of(findings), null,
        Map.of("train", new Report.DatasetSummary(1, 2_000, 0, columns.size(), null, null),
            "predict", new Report.DatasetSummary(1, 200, 0, columns.size(), null, null)),
        findings, null, Map.of(), prefixes, columns, thresholds);
  }

  private static SkewConfig.Drift thresholds(String yaml) {
    return SkewConfig.parse("drift:\n" + yaml, "test.yaml").drift();
  }

  /**
   * LG: 4 columns; zeros 10% → 50%, constant columns 1 → 3, 1 of 4 columns drifted with PSI max
   * 0.3, family KS 0.15 with a family drift error.
   */
  private static PrefixReport lg() {
    return new PrefixReport("LG", 4, summary(4, 0.1, 1), summary(4, 0.5, 3), drift(4, 1, 0.3, List.of(), 0.15),
        List.of(finding(Check.FAMILY_DRIFT, Scope.PREFIX, "LG", Severity.ERROR)), null);
  }

  private static HeatmapRow heatmapRow(PrefixReport p, SkewConfig.Drift thresholds) {
    return ReportView.of(report(List.of(p), List.of(), p.findings(), thresholds)).heatmap().get(0);
  }

  @Test
  void heatmapCellsAreTintedByHowFarPredictIsFromTrainInTheColourOfTheWorstFinding() {
    HeatmapRow row = heatmapRow(lg(), DEFAULTS);
    assertThat(row.prefix()).isEqualTo("LG");
    assertThat(row.worst()).isEqualTo(Severity.ERROR);
    assertThat(row.cells()).extracting(HeatmapRow.Cell::text)
        .containsExactly("4", "10.0%", "50.0%", "1", "3", "1 / 4", "0.3", "0.15");
    double[] heat = row.cells().stream().mapToDouble(HeatmapRow.Cell::heat).toArray();
    // zeros moved 0.4; constant columns 2 of 4; drifted share 1/4; PSI 0.3 of 2 × 0.25; family KS 0.15 of 3 × 0.1
    assertThat(heat).containsExactly(new double[] {0, 0, 0.4, 0, 0.5, 0.25, 0.6, 0.5}, within(1e-12));
    assertThat(row.cells()).extracting(HeatmapRow.Cell::tinted)
        .containsExactly(false, false, true, false, true, true, true, true);
    HeatmapRow.Cell zeros = row.cells().get(2);
    assertThat(zeros.hueSaturation()).isEqualTo("0,85%");
    assertThat(zeros.lightness()).as("97 − 32 × 0.4").isEqualTo(84);
  }

  @Test
  void thePsiAndFamilyKsTintsFollowTheReportsThresholds() {
    SkewConfig.Drift strict = thresholds("  psiError: 0.6\n  ks: 0.25\n");
    HeatmapRow byDefault = heatmapRow(lg(), DEFAULTS);
    HeatmapRow byReport = heatmapRow(lg(), strict);
    assertThat(byReport.cells().get(6).heat()).as("PSI 0.3 of 2 × 0.6").isCloseTo(0.25, within(1e-12));
    assertThat(byReport.cells().get(6).lightness()).as("97 − 32 × 0.25").isEqualTo(89);
    assertThat(byDefault.cells().get(6).lightness()).as("97 − 32 × 0.6").isEqualTo(78);
    assertThat(byReport.cells().get(7).heat()).as("family KS 0.15 of 3 × 0.25").isCloseTo(0.2, within(1e-12));
    assertThat(byReport.cells().subList(0, 6)).as("the other cells do not depend on thresholds")
        .isEqualTo(byDefault.cells().subList(0, 6));
  }

  @Test
  void aComparisonCarriesItsConfigsThresholdsIntoTheReportAndThePage() {
    SplittableRandom random = new SplittableRandom(5);
    Table train = new Table(2_000);
    Table predict = new Table(2_000);
    train.normal("IQ_a", 0, random);
    predict.normal("IQ_a", 0.5, random);
    SkewConfig lenient = SkewConfig.parse("drift:\n  psiError: 0.6\n", "test.yaml");
    List<Double> lightness = new ArrayList<>();
    for (SkewConfig config : List.of(SkewConfig.defaults(), lenient)) {
      Report report = CompareProfiles.with(config).compare(train.profile("train"), predict.profile("predict"));
      assertThat(report.driftThresholds()).isEqualTo(config.drift());
      assertThat(ReportJson.toTree(report).has("driftThresholds")).as("report.json does not hold them").isFalse();
      PrefixReport iq = report.prefixes().get(0);
      assertThat(iq.drift().driftedColumns()).isEqualTo(1);
      HeatmapRow.Cell psi = ReportView.of(report).heatmap().get(0).cells().get(6);
      assertThat(psi.heat()).isCloseTo(iq.drift().psiMax() / (2 * config.drift().psiError()), within(1e-12));
      lightness.add((double) psi.lightness());
    }
    assertThat(lightness.get(1)).as("the same PSI is fainter under a higher error threshold")
        .isGreaterThan(lightness.get(0));
  }

  @Test
  void whatIsNotFlaggedOrNotKnownIsNotTinted() {
    PrefixReport quiet = new PrefixReport("WI", 3, summary(3, 0.2, 0), null, drift(3, 0, 0.4, List.of(), 0.2),
        List.of(), null);
    HeatmapRow row = heatmapRow(quiet, DEFAULTS);
    assertThat(row.worst()).isNull();
    assertThat(row.cells()).extracting(HeatmapRow.Cell::text)
        .containsExactly("3", "20.0%", "–", "0", "–", "0 / 3", "0.4", "0.2");
    assertThat(row.cells()).as("no drifted column, no family finding, no predict side").noneMatch(
        HeatmapRow.Cell::tinted);
    PrefixReport untested = new PrefixReport("ID", 1, summary(1, 0, 0), summary(1, 0, 0), drift(0, 0, NA, List.of(), NA),
        List.of(), null);
    assertThat(heatmapRow(untested, DEFAULTS).cells()).extracting(HeatmapRow.Cell::text)
        .containsExactly("1", "0.0%", "0.0%", "0", "0", "–", "–", "–");
  }

  @Test
  void aCellsTintHasTheHueOfItsSeverityAndInfoHalfTheDepth() {
    assertThat(new HeatmapRow.Cell("", Severity.WARNING, 1).hueSaturation()).isEqualTo("38,95%");
    assertThat(new HeatmapRow.Cell("", Severity.INFO, 1).hueSaturation()).isEqualTo("217,90%");
    assertThat(new HeatmapRow.Cell("", null, 1).hueSaturation()).as("no finding: grey").isEqualTo("0,0%");
    assertThat(new HeatmapRow.Cell("", Severity.INFO, 0.5).lightness()).as("97 − 16 × 0.5").isEqualTo(89);
    assertThat(new HeatmapRow.Cell("", Severity.ERROR, 7).lightness()).as("saturated").isEqualTo(65);
    assertThat(new HeatmapRow.Cell("", Severity.ERROR, 0.019).tinted()).isFalse();
    assertThat(new HeatmapRow.Cell("", Severity.ERROR, 0.02).tinted()).isTrue();
    assertThat(new HeatmapRow.Cell("", Severity.ERROR, Double.POSITIVE_INFINITY).tinted()).isFalse();
  }

  @Test
  void severityCountsCoverEverySeverityAndNameTheWorst() {
    SeverityCounts counts = SeverityCounts.of(List.of(finding(Check.DRIFT, Scope.COLUMN, "a", Severity.WARNING),
        finding(Check.DRIFT, Scope.COLUMN, "b", Severity.INFO), finding(Check.DRIFT, Scope.COLUMN, "c", Severity.WARNING)));
    assertThat(counts.counts().keySet()).containsExactly(Severity.values());
    assertThat(counts.counts().values()).containsExactly(0L, 2L, 1L);
    assertThat(counts.worst()).isEqualTo(Severity.WARNING);
    SeverityCounts none = SeverityCounts.of(List.of());
    assertThat(none.counts().values()).containsExactly(0L, 0L, 0L);
    assertThat(none.worst()).isNull();
  }

  /**
   * Prefix A: A_3 has an error (the report's first finding), A_1 a warning, A_2 and A_4 none; its
   * worst-drifted columns are A_4, A_3, A_2 and a column the report lacks.
   */
  private static Report prefixA() {
    Finding a3 = finding(Check.DRIFT, Scope.COLUMN, "A_3", Severity.ERROR);
    Finding a1 = finding(Check.DRIFT, Scope.COLUMN, "A_1", Severity.WARNING);
    PrefixReport a = new PrefixReport("A", 4, summary(4, 0, 0), summary(4, 0, 0),
        drift(4, 2, 0.5, List.of("A_4", "A_3", "A_gone", "A_2"), NA),
        List.of(finding(Check.SPARSITY, Scope.PREFIX, "A", Severity.INFO)), null);
    return report(List.of(a), List.of(column("A_1", "A", a1), column("A_2", "A"), column("A_3", "A", a3),
        column("A_4", "A")), List.of(a3, a1, a.findings().get(0)), DEFAULTS);
  }

  @Test
  void aPrefixShowsItsColumnsWithFindingsInReportOrderThenItsWorstDrifted() {
    Report report = prefixA();
    ColumnIndex index = new ColumnIndex(report);
    PrefixReport a = report.prefixes().get(0);
    assertThat(index.withFindings("A")).extracting(ColumnReport::name).containsExactly("A_3", "A_1");
    assertThat(index.withFindings("B")).isEmpty();
    assertThat(index.shown(a)).extracting(ColumnReport::name).containsExactly("A_3", "A_1", "A_4", "A_2");
    assertThat(index.findings(a)).extracting(Finding::target).containsExactly("A", "A_3", "A_1");

    PrefixSection section = ReportView.of(report).prefixes().get(0);
    assertThat(section.cards()).extracting(c -> c.column().name()).containsExactly("A_3", "A_1", "A_4", "A_2");
    assertThat(section.cards()).extracting(ColumnCard::severity)
        .containsExactly(Severity.ERROR, Severity.WARNING, null, null);
    assertThat(section.counts().counts().values()).as("the prefix's and its columns' findings")
        .containsExactly(1L, 1L, 1L);
    assertThat(section.worst()).isEqualTo(Severity.ERROR);
    assertThat(section.open()).isTrue();
    assertThat(section.moreColumnsWithFindings()).isZero();
  }

  @Test
  void aPrefixShowsAtMostItsCapOfColumnsAndCountsTheRest() {
    int n = ReportHtml.COLUMNS_PER_PREFIX + 2;
    List<ColumnReport> columns = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Finding f = finding(Check.DRIFT, Scope.COLUMN, String.format("B_%02d", i), Severity.INFO);
      findings.add(f);
      columns.add(column(f.target(), "B", f));
    }
    PrefixReport b = new PrefixReport("B", n, summary(n, 0, 0), summary(n, 0, 0), drift(n, 0, 0, List.of(), NA),
        List.of(), null);
    PrefixSection section = ReportView.of(report(List.of(b), columns, findings, DEFAULTS)).prefixes().get(0);
    assertThat(section.cards()).hasSize(ReportHtml.COLUMNS_PER_PREFIX);
    assertThat(section.moreColumnsWithFindings()).isEqualTo(2);
    assertThat(section.open()).as("info alone is what the config expects").isFalse();
  }

  @Test
  void findingsFoldUnderTheirCauseAndTheTableStopsAtItsCap() {
    Finding lg = finding(Check.SPARSITY, Scope.PREFIX, "LG", Severity.ERROR);
    Finding lgA = finding(Check.SPARSITY, Scope.COLUMN, "LG_a", Severity.ERROR).explainedBy(lg.asCause());
    Finding iq = finding(Check.DRIFT, Scope.COLUMN, "IQ_a", Severity.ERROR);
    Finding lgB = finding(Check.SPARSITY, Scope.COLUMN, "LG_b", Severity.WARNING).explainedBy(lg.asCause());
    List<CauseRow> rows = CauseRow.of(List.of(lg, lgA, iq, lgB));
    assertThat(rows).containsExactly(new CauseRow(lg, List.of(lgA, lgB)), new CauseRow(iq, List.of()));

    List<Finding> many = new ArrayList<>(List.of(lg, lgA, lgB));
    while (many.size() < ReportHtml.MAX_FINDINGS + 9) {
      many.add(iq);
    }
    ReportView view = ReportView.of(report(List.of(), List.of(), many, DEFAULTS));
    assertThat(view.causes()).hasSize(ReportHtml.MAX_FINDINGS + 7);
    assertThat(view.shownCauses()).hasSize(ReportHtml.MAX_FINDINGS);
    assertThat(view.moreCauses()).isEqualTo(7);
    assertThat(view.counts().counts().values()).containsExactly((long) many.size() - 1, 1L, 0L);
  }

  private static ColumnSummary withTopValues(ValueCount... top) {
    return new ColumnSummary(0, 0, 0, 0, NA, NA, NA, NA, null, NA, NA, null, List.of(top));
  }

  private static ColumnReport categorical(ColumnSummary train, ColumnSummary predict) {
    return new ColumnReport("CITY_name", "CITY", "feature", "categorical", train, predict,
        ColumnDrift.untested("id-like"), List.of());
  }

  @Test
  void topValueSharesAreCountsOverTheirDatasetsRowsTrainsValuesFirst() {
    ColumnReport city = categorical(withTopValues(new ValueCount("Oslo", 1_500), new ValueCount("<Rome>", 500)),
        withTopValues(new ValueCount("Bergen", 180), new ValueCount("Oslo", 20)));
    Chart.Bars bars = (Chart.Bars) Chart.of(city, 2_000, 200).orElseThrow();
    assertThat(bars.labels()).containsExactly("Oslo", "<Rome>", "Bergen");
    assertThat(bars.train()).containsExactly(0.75, 0.25, 0);
    assertThat(bars.predict()).containsExactly(0.1, 0, 0.9);

    assertThat(Chart.topValues(city, 2_000, 0).predict()).as("no predict rows").containsOnly(0.0);
    assertThat(Chart.topValues(categorical(null, city.predict()), 2_000, 200).labels()).as("not in train")
        .containsExactly("Bergen", "Oslo");
  }

  @Test
  void aTopValuesChartStopsAtItsCap() {
    ValueCount[] train = new ValueCount[8];
    ValueCount[] predict = new ValueCount[5];
    for (int i = 0; i < train.length; i++) {
      train[i] = new ValueCount("t" + i, 10);
    }
    for (int i = 0; i < predict.length; i++) {
      predict[i] = new ValueCount("p" + i, 10);
    }
    Chart.Bars bars = Chart.topValues(categorical(withTopValues(train), withTopValues(predict)), 100, 100);
    assertThat(bars.labels()).hasSize(Chart.TOP_VALUES)
        .containsExactly("t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "p0", "p1");
  }

  @Test
  void aTestedColumnIsChartedByItsCategoriesOrItsBinsAndAnUntestedNumericOneNotAtAll() {
    ColumnDrift categories = new ColumnDrift(0.2, NA, NA, 0.3, NA, 0.01, null, List.of("Oslo", "(other)"),
        List.of(0.75, 0.25), List.of(0.45, 0.55), null);
    ColumnReport tested = new ColumnReport("CITY_name", "CITY", "feature", "categorical", null, null, categories,
        List.of());
    Chart.Bars bars = (Chart.Bars) Chart.of(tested, 100, 10).orElseThrow();
    assertThat(bars.labels()).containsExactly("Oslo", "(other)");
    assertThat(bars.predict()).containsExactly(0.45, 0.55);

    ColumnDrift bins = new ColumnDrift(0.2, 0.1, 0.3, NA, 0.01, 0.01, Arrays.asList(1.0, null),
        null, Arrays.asList(0.5, 0.25, Double.POSITIVE_INFINITY), List.of(0.2, 0.3, 0.5), null);
    ColumnReport numeric = new ColumnReport("IQ_a", "IQ", "feature", "numeric", null, null, bins, List.of());
    Chart.Histogram histogram = (Chart.Histogram) Chart.of(numeric, 100, 10).orElseThrow();
    assertThat(histogram.edges()).as("null as report.json writes it: NaN").containsExactly(1.0, NA);
    assertThat(histogram.train()).containsExactly(0.5, 0.25, NA);
    assertThat(histogram.predict()).containsExactly(0.2, 0.3, 0.5);

    assertThat(Chart.of(column("IQ_b", "IQ"), 100, 10)).isEmpty();
  }

  @Test
  void aCardListsItsFirstFindingsItsDriftFiguresOrWhyItWasNotTested() {
    Finding[] findings = new Finding[5];
    for (int i = 0; i < findings.length; i++) {
      findings[i] = finding(Check.RULE, Scope.COLUMN, "IQ_a", i == 0 ? Severity.ERROR : Severity.INFO);
    }
    ColumnDrift drift = new ColumnDrift(0.2, 0.1, Double.POSITIVE_INFINITY, NA, 0.01, 0.01, List.of(1.0), null,
        List.of(0.5, 0.5), List.of(0.2, 0.8), null);
    ColumnCard card = ColumnCard.of(new ColumnReport("IQ_a", "IQ", "feature", "numeric", null, null, drift,
        List.of(findings)), 100, 10);
    assertThat(card.messages().shown()).containsExactly(findings[0], findings[1], findings[2]);
    assertThat(card.messages().more()).isEqualTo(2);
    assertThat(card.drift().untestedReason()).isNull();
    assertThat(card.drift().figures()).containsExactly(Map.entry("PSI", 0.2), Map.entry("JS", 0.1));
    assertThat(Messages.of(List.of(findings).subList(0, 3), 3).more()).isZero();

    DriftFigures untested = ColumnCard.of(column("IQ_b", "IQ"), 100, 10).drift();
    assertThat(untested.untestedReason()).isEqualTo("only in train");
    assertThat(untested.figures()).isEmpty();
  }

  @Test
  void aFamilyTestsAggregatesAndARunHistoryAreListedForTheirPrefix() {
    PrefixReport p = lg();
    PrefixReport withHistory = new PrefixReport(p.prefix(), p.columns(), p.train(), p.predict(), p.drift(),
        p.findings(), new Report.PrefixHistory(List.of("2024-04-30T02:00:00Z", "2024-05-01T02:00:00Z"),
            Map.of("psiMax", Arrays.asList(null, 0.3))));
    PrefixSection section = ReportView.of(report(List.of(withHistory), List.of(), p.findings(), DEFAULTS)).prefixes()
        .get(0);
    assertThat(section.aggregates()).extracting(PrefixSection.Aggregate::name).containsExactly("total");
    assertThat(section.aggregates().get(0).drift().figures()).containsExactly(Map.entry("KS", 0.15));
    assertThat(section.history()).extracting(PrefixSection.HistoryLine::metric).containsExactly("psiMax");
    assertThat(section.history().get(0).values()).containsExactly(NA, 0.3);

    PrefixSection plain = ReportView.of(prefixA()).prefixes().get(0);
    assertThat(plain.aggregates()).as("no family test").isEmpty();
    assertThat(plain.history()).as("no run history").isEmpty();
  }

  @Test
  void scoreRowsListTheStatisticsThenTrainsQuantilesAndTheAttributionScaleIsTheLargestDelta() {
    ScoresReport scores = new ScoresReport(
        new ScoresReport.ScoreStats(2_000, 0.4, 0.1, 0, 1, Map.of("p50", 0.4), 1_900),
        new ScoresReport.ScoreStats(200, 0.2, 0.1, 0, 0.9, Map.of(), 200),
        new ScoresReport.Drift(0.8, 0.2, 0.6, 1e-9, 1e-9),
        List.of(new ScoresReport.Attribution("LG", 0.1, -0.3, -0.4), new ScoresReport.Attribution("IQ", 0, 0.05, 0.05)),
        new ScoresReport.Component(-1, -1, 0), new ScoresReport.Component(0.2, -0.15, -0.35), 1e-7, null);
    Report r = report(List.of(), List.of(), List.of(), DEFAULTS);
    ReportView view = ReportView.of(new Report(r.schemaVersion(), r.tool(), r.verdict(), r.provenance(), r.datasets(),
        r.findings(), scores, r.measures(), r.prefixes(), r.columns(), r.driftThresholds()));
    assertThat(view.scoreRows()).containsExactly(
        new ReportView.ScoreRow("count", 2_000, 200), new ReportView.ScoreRow("attributedRows", 1_900, 200),
        new ReportView.ScoreRow("mean", 0.4, 0.2), new ReportView.ScoreRow("stddev", 0.1, 0.1),
        new ReportView.ScoreRow("min", 0, 0), new ReportView.ScoreRow("p50", 0.4, NA),
        new ReportView.ScoreRow("max", 1, 0.9));
    assertThat(view.attributionScale()).isEqualTo(0.4);

    assertThat(ReportView.of(r).scoreRows()).as("no model, no rows").isEmpty();
  }

  @Test
  void theRunTimeIsFromStartToFinish() {
    Provenance p = new Provenance("run-1", "2024-05-01T10:00:00Z", "2024-05-01T10:00:05.200Z", "0.1.0",
        "DirectRunner", null, "abc", null, Map.of());
    assertThat(ReportView.runTime(p)).isEqualTo("5.2 s");
    assertThat(ReportView.runTime(p.finishedAt("2024-05-01T10:03:04Z"))).isEqualTo("3 min 4 s");
    assertThat(ReportView.runTime(p.finishedAt("yesterday"))).isNull();
    assertThat(ReportView.runTime(p.finishedAt(null))).isNull();
    assertThat(ReportView.runTime(null)).isNull();
  }
}
