package org.skewcheck.validation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.check.Check;
import org.skewcheck.validation.check.Finding;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.score.ScoresReport;
import org.skewcheck.validation.stats.Categories.ValueCount;
import org.skewcheck.validation.stats.Table;

class ReportHtmlTest {
  /** A column name, and so a prefix, written to break out of HTML text and attributes. */
  private static final String HOSTILE = "<script>alert('x')</script>_\"&col";
  private static final String HOSTILE_PREFIX = "<script>alert('x')</script>";
  private static final Provenance PROVENANCE = new Provenance("run-1", "2024-05-01T10:00:00Z",
      "2024-05-01T10:00:05.200Z", "0.1.0", "DirectRunner", "configs/joot.yaml", "abc", null, Map.of());

  /** IQ_a drifts, LG is empty in predict, WI has 30 columns that do not move, and the hostile column drifts. */
  private static Report report() {
    SplittableRandom random = new SplittableRandom(11);
    Table train = new Table(2_000);
    Table predict = new Table(200);
    train.normal("IQ_a", 0, random);
    predict.normal("IQ_a", 2, random);
    train.normal("IQ_b", 0, random);
    predict.normal("IQ_b", 0, random);
    for (String lag : List.of("LG_x", "LG_y")) {
      train.sparse(lag, 0.95, random);
      predict.add(lag, r -> 0);
    }
    for (int i = 0; i < 30; i++) {
      // The same 100 values, each 20 times in train and twice in predict: the same distribution exactly.
      int shift = i;
      train.add("WI_t" + i, r -> (r * 37 + shift) % 100);
      predict.add("WI_t" + i, r -> (r * 37 + shift) % 100);
    }
    train.normal(HOSTILE, 0, random);
    predict.normal(HOSTILE, 3, random);
    return CompareProfiles.with(SkewConfig.defaults()).withProvenance(PROVENANCE)
        .compare(train.profile("train"), predict.profile("predict"));
  }

  private static Report withScores(Report r) {
    ScoresReport scores = new ScoresReport(
        new ScoresReport.ScoreStats(2_000, 0.4, 0.1, 0, 1, Map.of("p50", 0.4), 2_000),
        new ScoresReport.ScoreStats(200, 0.2, 0.1, 0, 0.9, Map.of("p50", 0.2), 200),
        new ScoresReport.Drift(0.8, 0.2, 0.6, 1e-9, 1e-9),
        List.of(new ScoresReport.Attribution("LG", 0.1, -0.3, -0.4), new ScoresReport.Attribution("IQ", 0, 0.05, 0.05)),
        new ScoresReport.Component(-1, -1, 0), new ScoresReport.Component(0.2, -0.15, -0.35), 1e-7, null);
    return new Report(r.schemaVersion(), r.tool(), r.verdict(), r.provenance(), r.datasets(), r.findings(), scores,
        r.measures(), r.prefixes(), r.columns(), r.driftThresholds());
  }

  private static List<String> prefixNames(Report report) {
    return report.prefixes().stream().map(Report.PrefixReport::prefix).toList();
  }

  @Test
  void theSummaryLineGivesVerdictRowsFilesRejectedAndRunTime() {
    Document doc = Jsoup.parse(ReportHtml.render(report()));
    String summary = doc.selectFirst("#summary").text();
    assertThat(summary).startsWith("error ")
        .contains("train 2,000 rows, 1 file, 0 rejected", "predict 200 rows, 1 file, 0 rejected", "run time 5.2 s");
    assertThat(doc.title()).isEqualTo("skewcheck: error");
  }

  @Test
  void theHeatmapHasOneRowPerPrefixAndTintsWhatMoved() {
    Report report = report();
    Document doc = Jsoup.parse(ReportHtml.render(report));
    Elements rows = doc.select("#heatmap tbody tr");
    assertThat(rows.eachAttr("data-prefix")).containsExactlyElementsOf(prefixNames(report));
    Element lg = rows.stream().filter(r -> r.attr("data-prefix").equals("LG")).findFirst().orElseThrow();
    Elements cells = lg.select("td");
    assertThat(cells.get(1).text()).as("zero fraction train").isNotEqualTo("100.0%");
    assertThat(cells.get(2).text()).as("zero fraction predict").isEqualTo("100.0%");
    assertThat(cells.get(2).attr("style")).as("a zero fraction that moved is tinted").contains("background:hsl(0,");
    assertThat(cells.get(1).attr("style")).as("train is the reference, never tinted").isEmpty();
    Element wi = rows.stream().filter(r -> r.attr("data-prefix").equals("WI")).findFirst().orElseThrow();
    assertThat(wi.select("td").get(5).text()).as("drifted of tested").isEqualTo("0 / 30");
    assertThat(wi.select("td").get(5).attr("style")).isEmpty();
  }

  @Test
  void theHeatmapShowsTheFamilyTestAndEachTestedFamilyItsAggregateHistograms() {
    Report report = report();
    Document doc = Jsoup.parse(ReportHtml.render(report));
    Report.PrefixReport iq = report.prefixes().stream().filter(p -> p.prefix().equals("IQ")).findFirst().orElseThrow();
    assertThat(iq.findings()).extracting(Finding::check).contains(Check.FAMILY_DRIFT);
    Element row = doc.selectFirst("#heatmap tbody tr[data-prefix=IQ]");
    Element familyKs = row.select("td").get(7);
    assertThat(familyKs.text()).isEqualTo(Html.figure(iq.drift().family().total().ks()));
    assertThat(familyKs.attr("style")).as("the family drifted: tinted").contains("background:hsl(");
    Element wi = doc.selectFirst("#heatmap tbody tr[data-prefix=WI]");
    assertThat(wi.select("td").get(7).attr("style")).as("a quiet family is not tinted").isEmpty();

    Element section = doc.selectFirst("details.prefix[data-prefix=IQ]");
    // Every row of IQ has two non-zero numbers: the row total is its only aggregate.
    assertThat(section.select(".agg").eachAttr("data-aggregate")).containsExactly("total");
    assertThat(section.select(".agg svg rect.t")).isNotEmpty();
    assertThat(doc.select("details.prefix[data-prefix=LG] .agg").eachAttr("data-aggregate"))
        .as("LG is all zeros in predict: no row has a non-zero mean").containsExactly("total", "nonZeroCount");
  }

  @Test
  void findingsAreListedInReportOrder() {
    Report report = report();
    Document doc = Jsoup.parse(ReportHtml.render(report));
    Elements rows = doc.select("#findings tbody tr");
    // one row per cause, in report order; the findings folded under a cause are listed in its row
    List<Finding> causes = report.findings().stream().filter(f -> f.explainedBy() == null).toList();
    assertThat(rows.stream().map(r -> r.selectFirst("td.msg").ownText()).toList())
        .containsExactlyElementsOf(causes.stream().map(Finding::message).toList());
    assertThat(causes).as("the test report folds some findings").hasSizeLessThan(report.findings().size());
    for (int i = 0; i < causes.size(); i++) {
      Finding.Cause cause = causes.get(i).asCause();
      assertThat(rows.get(i).select("td.msg li").eachText())
          .containsExactlyElementsOf(report.findings().stream().filter(f -> cause.equals(f.explainedBy()))
              .map(f -> f.severity().label() + " " + f.message()).toList());
    }
    assertThat(rows.first().selectFirst(".badge").text()).isEqualTo("error");
    assertThat(rows.eachAttr("class")).allMatch(c -> c.startsWith("sev "));
  }

  @Test
  void eachPrefixHasASectionWithItsFindingColumnsThenItsWorstColumnsEachCharted() {
    Report report = report();
    Document doc = Jsoup.parse(ReportHtml.render(report));
    Elements sections = doc.select("details.prefix");
    assertThat(sections.eachAttr("data-prefix")).containsExactlyElementsOf(prefixNames(report));
    for (Report.PrefixReport p : report.prefixes()) {
      Set<String> expected = new LinkedHashSet<>();
      report.columns().stream().filter(c -> c.prefix().equals(p.prefix()) && !c.findings().isEmpty())
          .forEach(c -> expected.add(c.name()));
      expected.addAll(p.drift().worstColumns());
      Element section = sections.stream().filter(s -> s.attr("data-prefix").equals(p.prefix())).findFirst()
          .orElseThrow();
      Elements cards = section.select(".col");
      assertThat(cards.eachAttr("data-column")).as(p.prefix()).containsExactlyInAnyOrderElementsOf(
          expected.stream().limit(ReportHtml.COLUMNS_PER_PREFIX).toList());
      for (Element card : cards) {
        assertThat(card.select("svg")).as(card.attr("data-column")).hasSize(1);
        assertThat(card.select("svg rect.t")).hasSize(card.select("svg rect.q").size()).isNotEmpty();
      }
    }
    Element wi = sections.stream().filter(s -> s.attr("data-prefix").equals("WI")).findFirst().orElseThrow();
    assertThat(wi.select(".col")).as("30 quiet columns: only the 5 worst").hasSize(5);
    assertThat(wi.hasAttr("open")).as("a prefix without findings starts closed").isFalse();
    assertThat(sections.stream().filter(s -> s.attr("data-prefix").equals("LG")).findFirst().orElseThrow()
        .hasAttr("open")).isTrue();
  }

  @Test
  void onlyChartedColumnsCarryAnSvg() {
    Report report = report();
    Document doc = Jsoup.parse(ReportHtml.render(report));
    Elements charts = doc.select("svg");
    // A column card or a family aggregate's card has one chart each; nothing else has any.
    assertThat(charts).allMatch(svg -> svg.closest(".col") != null || svg.closest(".agg") != null);
    assertThat(charts.size()).isEqualTo(doc.select(".col").size() + doc.select(".agg").size());
    assertThat(doc.select(".col").size()).isLessThan(report.columns().size());
  }

  @Test
  void everyNameAndMessageIsEscaped() {
    String html = ReportHtml.render(report());
    Document doc = Jsoup.parse(html);
    assertThat(doc.select("script")).isEmpty();
    assertThat(html).doesNotContain("<script>");
    assertThat(doc.select(".col").eachAttr("data-column")).contains(HOSTILE);
    assertThat(doc.select("#heatmap tbody tr").eachAttr("data-prefix")).contains(HOSTILE_PREFIX);
    assertThat(doc.select("#findings code").eachText()).contains(HOSTILE);
  }

  @Test
  void thePageFetchesNothing() {
    String html = ReportHtml.render(withScores(report()));
    Document doc = Jsoup.parse(html);
    assertThat(html).doesNotContain("http://", "https://", "url(", "@import");
    assertThat(doc.select("[src]")).isEmpty();
    assertThat(doc.select("link").eachAttr("href")).containsOnly("data:,");
    assertThat(doc.select("a[href]").eachAttr("href")).allMatch(href -> href.startsWith("#"));
  }

  @Test
  void theStylesheetIsTheResourceReportCssInlinedInThePage() {
    String css = ReportHtml.resource("report.css");
    assertThat(css).startsWith(":root{").contains(".badge{");
    assertThat(ReportHtml.render(report())).contains("<style>\n" + css + "</style>");
  }

  @Test
  void aMissingResourceFailsWithItsName() {
    assertThatThrownBy(() -> ReportHtml.resource("missing.css")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("missing.css");
  }

  @Test
  void scoresShowStatisticsAndOneDeltaBarPerPrefix() {
    Document doc = Jsoup.parse(ReportHtml.render(withScores(report())));
    Elements attribution = doc.select("#attribution tbody tr");
    assertThat(attribution.eachText()).hasSize(2);
    assertThat(attribution.first().selectFirst("th").text()).isEqualTo("LG");
    assertThat(attribution.first().select("svg rect.neg")).hasSize(1);
    assertThat(attribution.get(1).select("svg rect.pos")).hasSize(1);
    assertThat(doc.selectFirst("#scores").text()).contains("mean", "p50", "Score drift: PSI 0.8");

    assertThat(Jsoup.parse(ReportHtml.render(report())).select("#scores")).as("no model, no section").isEmpty();
  }

  @Test
  void aCategoricalColumnWithTopValuesGetsABarPerValue() {
    Report report = withColumn(report(), "IQ_b", c -> {
      Report.ColumnDrift d = c.drift();
      return new Report.ColumnReport(c.name(), c.prefix(), c.role(), "categorical",
          topValues(c.train(), Map.of("Oslo", 1_500, "<Rome>", 500)),
          topValues(c.predict(), Map.of("Bergen", 180, "Oslo", 20)),
          new Report.ColumnDrift(d.psi(), d.js(), d.ks(), 0.65, d.ksPValue(), d.chiSquarePValue(), d.bins(),
              d.categories(), d.p(), d.q(), d.untestedReason()), c.findings());
    });

    Element card = Jsoup.parse(ReportHtml.render(report)).selectFirst(".col[data-column=IQ_b]");
    assertThat(card.select("svg text").eachText()).containsExactlyInAnyOrder("Oslo", "<Rome>", "Bergen");
    assertThat(card.select("svg rect.t")).hasSize(3);
    assertThat(card.selectFirst(".figs").text()).contains("LINF 0.65");
  }

  @Test
  void aTestedCategoricalColumnIsChartedByItsDriftCategories() {
    Table train = new Table(1_000);
    Table predict = new Table(100);
    train.add("CITY_name", r -> 0);
    predict.add("CITY_name", r -> 0);
    for (int r = 0; r < 1_000; r++) {
      train.text("CITY_name", r, r % 4 == 0 ? "Bergen" : "Oslo");
    }
    for (int r = 0; r < 100; r++) {
      predict.text("CITY_name", r, r % 4 == 0 ? "Oslo" : "Bergen");
    }
    Report r = CompareProfiles.with(SkewConfig.defaults()).compare(train.profile("train"), predict.profile("predict"));
    Report.ColumnDrift drift = r.columns().get(0).drift();
    assertThat(drift.categories()).containsExactly("Oslo", "Bergen");

    Element card = Jsoup.parse(ReportHtml.render(r)).selectFirst(".col[data-column=CITY_name]");
    assertThat(card.select("svg text").eachText()).containsExactly("Oslo", "Bergen");
    assertThat(card.select("svg rect.t")).hasSize(2);
    assertThat(card.select("svg title").eachText()).anyMatch(t -> t.contains("75"));
    assertThat(card.selectFirst(".figs").text()).contains("LINF 0.5");
  }

  @Test
  void aPrefixWithARunHistoryShowsOneSparklinePerMetricEndingAtThisRun() {
    Report r = report();
    Report withHistory = r.withHistory(List.of(), Map.of("LG", new Report.PrefixHistory(
        List.of("2024-04-29T02:00:00Z", "2024-04-30T02:00:00Z", "2024-05-01T10:00:00Z"),
        Map.of("zeroFraction", List.of(0.05, 0.06, 1.0), "psiMax", List.of(0.01, 0.02, 0.03)))));
    Document doc = Jsoup.parse(ReportHtml.render(withHistory));
    Element lg = doc.selectFirst("details.prefix[data-prefix=LG]");
    assertThat(lg.select("table.hist th").eachText()).containsExactlyInAnyOrder("psiMax", "zeroFraction");
    assertThat(lg.select("table.hist td:last-child").eachText()).containsExactlyInAnyOrder("0.03", "1");
    assertThat(lg.select("table.hist svg title").eachText()).contains("zeroFraction: 0.05 to 1, this run 1");
    assertThat(lg.select("table.hist polyline")).hasSize(2);
    assertThat(lg.selectFirst("table.hist caption").text()).isEqualTo("over 3 runs, this run last (orange)");
    assertThat(doc.select("details.prefix[data-prefix=IQ] table.hist")).as("no history, no sparklines").isEmpty();
  }

  /** {@code r} with the column {@code name} replaced by {@code change} of it. */
  private static Report withColumn(Report r, String name, UnaryOperator<Report.ColumnReport> change) {
    List<Report.ColumnReport> columns = r.columns().stream().map(c -> c.name().equals(name) ? change.apply(c) : c)
        .toList();
    return new Report(r.schemaVersion(), r.tool(), r.verdict(), r.provenance(), r.datasets(), r.findings(), r.scores(),
        r.measures(), r.prefixes(), columns, r.driftThresholds());
  }

  /** {@code s} listing {@code counts} as its top values. */
  private static Report.ColumnSummary topValues(Report.ColumnSummary s, Map<String, Integer> counts) {
    List<ValueCount> values = new ArrayList<>();
    counts.forEach((value, count) -> values.add(new ValueCount(value, count)));
    return new Report.ColumnSummary(s.count(), s.missing(), s.nonNumeric(), s.zeros(), s.mean(), s.stddev(), s.min(),
        s.max(), s.quantiles(), s.skewness(), s.excessKurtosis(), s.distinct(), values);
  }

  @Test
  void theFindingsTableStopsAtItsCap() {
    Report r = report();
    List<Finding> findings = new ArrayList<>(r.findings());
    long causes = findings.stream().filter(f -> f.explainedBy() == null).count();
    List<Finding> copies = new ArrayList<>();
    while (causes + copies.size() < ReportHtml.MAX_FINDINGS + 100) {
      copies.add(findings.get(0));
    }
    findings.addAll(copies);
    Report capped = new Report(r.schemaVersion(), r.tool(), r.verdict(), r.provenance(), r.datasets(), findings,
        r.scores(), r.measures(), r.prefixes(), r.columns(), r.driftThresholds());
    Document doc = Jsoup.parse(ReportHtml.render(capped));
    assertThat(doc.select("#findings > tbody > tr")).hasSize(ReportHtml.MAX_FINDINGS);
    assertThat(doc.text()).contains("100 more findings are in report.json.");
  }

  @Test
  void aReportWithoutProvenanceOrFindingsStillRenders() {
    Report r = report();
    Report bare = new Report(r.schemaVersion(), r.tool(), Verdict.OK, null, r.datasets(), List.of(), null, r.measures(),
        r.prefixes(), r.columns(), r.driftThresholds());
    Document doc = Jsoup.parse(ReportHtml.render(bare));
    assertThat(doc.selectFirst("#summary").text()).startsWith("ok ").doesNotContain("run time");
    assertThat(doc.selectFirst("#findings").text()).isEqualTo("No findings.");
  }
}
