package org.skewcheck.validation.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.skewcheck.validation.check.Finding;
import org.skewcheck.validation.check.Severity;
import org.skewcheck.validation.report.Report.ColumnReport;
import org.skewcheck.validation.report.Report.ColumnSummary;
import org.skewcheck.validation.report.Report.FamilyDrift;
import org.skewcheck.validation.report.Report.PrefixReport;
import org.skewcheck.validation.report.Report.PrefixSummary;
import org.skewcheck.validation.score.ScoresReport;
import org.skewcheck.validation.stats.Dataset;

/**
 * Renders a report as {@code report.html}: one self-contained page (inline CSS and SVG, no script,
 * no URL to fetch) that opens from a file, a bucket or a mail attachment. It shows the summary
 * line, a prefix × measure heatmap, the findings (most severe first), the score comparison when a
 * model was given, and per prefix its worst columns, each with a small train-vs-predict chart.
 *
 * <p>The page is written in three parts: its stylesheet is the resource {@code report.css}, inlined
 * when the page is written; what it shows is worked out by {@link ReportView}; this class only
 * writes that out as markup. It shows the figures report.json holds, and a figure the report lacks
 * (a categorical column's {@code topValues}, a drift's {@code linf}) is simply left out. The page
 * stays light on 4,000 columns: only a prefix's worst columns and columns with findings get a
 * chart (at most {@link #COLUMNS_PER_PREFIX} per prefix), and the findings table stops at {@link
 * #MAX_FINDINGS}.
 *
 * <pre>{@code
 * byte[] html = ReportHtml.toBytes(report);
 * }</pre>
 */
public final class ReportHtml {
  /** Findings listed in the table; report.json has them all. */
  public static final int MAX_FINDINGS = 500;
  /** Columns shown, each with its chart, per prefix. */
  public static final int COLUMNS_PER_PREFIX = 10;
  private static final String STYLESHEET = "report.css";
  private static final String CSS = resource(STYLESHEET);

  private final ReportView view;
  private final Report report;
  private final StringBuilder out = new StringBuilder(1 << 16);

  private ReportHtml(ReportView view) {
    this.view = view;
    this.report = view.report();
  }

  /** The page for {@code report}. */
  public static String render(Report report) {
    return new ReportHtml(ReportView.of(report)).page();
  }

  /** The page for {@code report}, UTF-8 encoded. */
  public static byte[] toBytes(Report report) {
    return render(report).getBytes(StandardCharsets.UTF_8);
  }

  /** The text of the resource {@code name} next to this class; an error when it is missing. */
  static String resource(String name) {
    try (InputStream in = ReportHtml.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + name + " is missing from the classpath, next to "
            + ReportHtml.class.getName() + ": report.html cannot be written without it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the resource " + name, e);
    }
  }

  private String page() {
    String verdict = report.verdict().label();
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        // An empty data: icon, or a browser asks the page's folder for favicon.ico.
        .append("<link rel=\"icon\" href=\"data:,\"><title>skewcheck: ").append(Html.escape(verdict))
        .append("</title><style>\n").append(CSS).append("</style></head><body>\n");
    header(verdict);
    out.append("<main>\n");
    heatmap();
    findings();
    scores();
    prefixes();
    measures();
    out.append("</main></body></html>\n");
    return out.toString();
  }

  private void header(String verdict) {
    out.append("<header><h1>skewcheck report</h1><p id=\"summary\" class=\"summary\">")
        .append(badge(verdict)).append(' ');
    for (Dataset side : Dataset.values()) {
      String dataset = side.label();
      Report.DatasetSummary d = report.datasets().get(dataset);
      out.append("<b>").append(dataset).append("</b> ").append(Html.count(d.rows())).append(" rows, ")
          .append(Html.count(d.files())).append(d.files() == 1 ? " file, " : " files, ")
          .append(Html.count(d.rejectedRows())).append(" rejected · ");
    }
    out.append(Html.count(report.findings().size())).append(" findings (");
    List<String> counts = new ArrayList<>();
    for (Severity severity : Severity.values()) {
      counts.add(view.counts().count(severity) + " " + severity.label());
    }
    out.append(String.join(", ", counts)).append(")");
    if (view.runTime() != null) {
      out.append(" · run time ").append(view.runTime());
    }
    out.append("</p>");
    Provenance p = report.provenance();
    if (p != null) {
      out.append("<p class=\"meta\">run ").append(Html.escape(p.runId())).append(" · started ")
          .append(Html.escape(p.startedAt())).append(" · skewcheck ")
          .append(Html.escape(p.version())).append(" on ").append(Html.escape(p.runner()))
          .append(" · config ").append(Html.escape(p.config() == null ? "defaults" : p.config()));
      if (p.model() != null) {
        out.append(" · model ").append(Html.escape(p.model()));
      }
      out.append("</p>");
    }
    out.append("<nav><a href=\"#heatmap\">prefixes at a glance</a><a href=\"#findings\">findings</a>");
    if (report.scores() != null) {
      out.append("<a href=\"#scores\">scores</a>");
    }
    out.append("<a href=\"#prefixes\">prefix details</a><a href=\"#measures\">how to read the figures</a></nav>")
        .append("</header>\n");
  }

  private void heatmap() {
    out.append("<h2>Prefixes at a glance</h2><p class=\"muted\">Zero fraction: zeros over numeric cells. "
        + "Constant: columns with a single value. Drifted: tested columns with a drift finding. The stronger a "
        + "cell's tint, the further predict is from train; its colour is the prefix's most severe finding (red "
        + "error, amber warning, blue info, grey none). Family KS: KS of the rows' totals over the prefix, the family"
        + " drift test's main figure (– when the family was not tested).</p>");
    table("id=\"heatmap\"", "<prefix", "columns", "zero fraction train", "zero fraction predict", "constant train",
        "constant predict", "drifted", "PSI max", "family KS", "<findings");
    int i = 0;
    for (HeatmapRow row : view.heatmap()) {
      out.append("<tr data-prefix=\"").append(Html.escape(row.prefix())).append("\"><th class=\"l\">")
          .append(dot(row.worst())).append("<a href=\"#p").append(i++).append("\">").append(Html.escape(row.prefix()))
          .append("</a></th>");
      row.cells().forEach(this::cell);
      out.append("<td class=\"l\">").append(severityCounts(row.counts())).append("</td></tr>\n");
    }
    out.append("</tbody></table>\n");
  }

  /** The findings table, one row per cause: the findings folded under a cause are listed inside its row. */
  private void findings() {
    out.append("<h2>Findings</h2>");
    if (report.findings().isEmpty()) {
      out.append("<p id=\"findings\">No findings.</p>\n");
      return;
    }
    out.append("<div class=\"scroll\">");
    table("id=\"findings\"", "<severity", "<scope", "<target", "<check", "<message");
    for (CauseRow row : view.shownCauses()) {
      Finding f = row.cause();
      String severity = f.severity().label();
      out.append("<tr class=\"sev ").append(Html.escape(severity)).append("\"><td class=\"l\">").append(badge(severity))
          .append("</td><td class=\"l\">").append(Html.escape(f.scope().label()))
          .append("</td><td class=\"l nw\"><code>")
          .append(Html.escape(f.target())).append("</code></td><td class=\"l\">")
          .append(Html.escape(f.check().label())).append("</td><td class=\"msg\">")
          .append(Html.escape(f.message()));
      List<Finding> under = row.folded();
      if (!under.isEmpty()) {
        out.append("<details><summary>").append(Html.count(under.size()))
            .append(under.size() == 1 ? " column finding" : " column findings")
            .append(" with this cause</summary><ul>");
        for (Finding c : under) {
          out.append("<li>").append(badge(c.severity().label())).append(' ').append(Html.escape(c.message()))
              .append("</li>");
        }
        out.append("</ul></details>");
      }
      out.append("</td></tr>\n");
    }
    out.append("</tbody></table></div>");
    if (view.moreCauses() > 0) {
      out.append("<p class=\"muted\">").append(Html.count(view.moreCauses()))
          .append(" more findings are in report.json.</p>");
    }
    out.append('\n');
  }

  private void scores() {
    ScoresReport s = report.scores();
    if (s == null) {
      return;
    }
    out.append("<section id=\"scores\"><h2>Scores</h2><div class=\"pair\"><div>");
    table("", "<score", Dataset.TRAIN.label(), Dataset.PREDICT.label());
    for (ReportView.ScoreRow row : view.scoreRows()) {
      out.append("<tr><th class=\"l\">").append(Html.escape(row.statistic())).append("</th><td>")
          .append(Html.figure(row.train())).append("</td><td>").append(Html.figure(row.predict())).append("</td></tr>");
    }
    out.append("</tbody></table>");
    ScoresReport.Drift drift = s.drift();
    out.append("<p class=\"figs\">Score drift: PSI ").append(Html.figure(drift.psi())).append(" · JS ")
        .append(Html.figure(drift.js())).append(" · KS ").append(Html.figure(drift.ks()))
        .append(" (p ").append(Html.figure(drift.ksPValue())).append(")</p></div>");
    attribution(s);
    out.append("</div>");
    ScoresReport.Recorded recorded = s.recorded();
    if (recorded != null) {
      out.append("<p class=\"figs\">Recorded score <code>").append(Html.escape(recorded.column()))
          .append("</code>: largest |recorded − recomputed| ").append(Html.figure(recorded.maxAbsDiff()))
          .append(" over ").append(Html.count(recorded.rows())).append(" rows (tolerance ")
          .append(Html.figure(recorded.tolerance())).append(")</p>");
    }
    out.append("</section>\n");
  }

  private void attribution(ScoresReport s) {
    if (s.attribution() == null || s.attribution().isEmpty()) {
      return;
    }
    out.append("<div><h3>Which prefixes moved the score</h3><p class=\"muted\">Mean SHAP contribution per prefix ")
        .append("on the raw-score scale, sorted by |delta|; the bar is predict − train.</p>");
    table("id=\"attribution\"", "<prefix", Dataset.TRAIN.label(), Dataset.PREDICT.label(), "delta", "<delta");
    for (ScoresReport.Attribution a : s.attribution()) {
      out.append("<tr><th class=\"l\">").append(Html.escape(a.prefix())).append("</th><td>")
          .append(Html.figure(a.train())).append("</td><td>").append(Html.figure(a.predict()))
          .append("</td><td>").append(Html.figure(a.delta())).append("</td><td class=\"l\">")
          .append(SvgCharts.delta(a.delta(), view.attributionScale())).append("</td></tr>\n");
    }
    out.append("</tbody></table><p class=\"figs\">Bias delta ").append(Html.figure(s.bias().delta()))
        .append(" · mean margin ").append(Html.figure(s.meanMargin().train())).append(" → ")
        .append(Html.figure(s.meanMargin().predict())).append(" · residual ")
        .append(Html.figure(s.residual())).append("</p></div>");
  }

  private void prefixes() {
    out.append("<section id=\"prefixes\"><h2>Prefix details</h2><p class=\"muted\">Per prefix, its columns with "
        + "findings, then its highest-PSI columns (up to ").append(COLUMNS_PER_PREFIX)
        .append("). Charts: share of values per train-decile bin,<span class=\"sw t\"></span>train")
        .append("<span class=\"sw q\"></span>predict.</p>\n");
    int i = 0;
    for (PrefixSection section : view.prefixes()) {
      prefix(section, i++);
    }
    out.append("</section>\n");
  }

  private void prefix(PrefixSection section, int index) {
    PrefixReport p = section.prefix();
    out.append("<details class=\"prefix\" id=\"p").append(index).append("\" data-prefix=\"")
        .append(Html.escape(p.prefix())).append('"').append(section.open() ? " open" : "").append("><summary>")
        .append(dot(section.worst())).append("<b>").append(Html.escape(p.prefix())).append("</b><span class=\"muted\">")
        .append(Html.count(p.columns())).append(" columns · drifted ").append(Html.count(p.drift().driftedColumns()))
        .append(" of ").append(Html.count(p.drift().columnsTested())).append(" tested</span> ")
        .append(severityCounts(section.counts())).append("</summary>");
    rollUp(p);
    family(p.drift().family(), section.aggregates());
    history(p, section.history());
    messages(Messages.of(p.findings(), Integer.MAX_VALUE));
    if (!section.cards().isEmpty()) {
      out.append("<div class=\"cols\">");
      section.cards().forEach(this::columnCard);
      out.append("</div>");
    }
    if (section.moreColumnsWithFindings() > 0) {
      out.append("<p class=\"muted\">").append(Html.count(section.moreColumnsWithFindings()))
          .append(" more columns with findings are in the findings table and report.json.</p>");
    }
    out.append("</details>\n");
  }

  /** The family drift test's figures and a histogram per row aggregate, when the family was tested. */
  private void family(FamilyDrift family, List<PrefixSection.Aggregate> aggregates) {
    if (family == null) {
      return;
    }
    out.append("<p class=\"figs\">family test: row total mean shift ").append(Html.figure(family.meanShift()))
        .append(" train sd (Welch p ").append(Html.figure(family.meanShiftPValue()))
        .append(") · non-zero log mean shift ").append(Html.figure(family.logMeanShift()))
        .append(" train sd (Welch p ").append(Html.figure(family.logMeanShiftPValue())).append(") · columns up ")
        .append(Html.count(family.columnsUp())).append(", down ")
        .append(Html.count(family.columnsDown())).append(" · family p ")
        .append(Html.figure(family.pValue())).append(" over ").append(family.tests())
        .append(" tests</p><div class=\"cols\">");
    for (PrefixSection.Aggregate aggregate : aggregates) {
      out.append("<div class=\"agg\" data-aggregate=\"").append(aggregate.name()).append("\"><div class=\"colhead\">")
          .append(aggregate.heading()).append("<span class=\"muted\">per row</span></div>")
          .append(chart(aggregate.chart()));
      driftFigures(aggregate.drift());
      out.append("</div>");
    }
    out.append("</div>");
  }

  /** With a run history: each key metric's sparkline over the earlier runs and this one, and its value now. */
  private void history(PrefixReport p, List<PrefixSection.HistoryLine> lines) {
    if (lines.isEmpty()) {
      return;
    }
    out.append("<table class=\"hist\"><caption class=\"muted\">over ").append(p.history().runs().size())
        .append(" runs, this run last (orange)</caption><tbody>");
    for (PrefixSection.HistoryLine line : lines) {
      double[] values = line.values();
      out.append("<tr><th class=\"l\">").append(Html.escape(line.metric())).append("</th><td>")
          .append(SvgCharts.sparkline(line.metric(), values)).append("</td><td>")
          .append(values.length == 0 ? "" : Html.figure(values[values.length - 1])).append("</td></tr>");
    }
    out.append("</tbody></table>");
  }

  private void rollUp(PrefixReport p) {
    table("class=\"rollup\"", "<", "zero fraction", "missing fraction", "constant columns", "rows without non-zero",
        "rows without value", "mean stddev");
    rollUpRow(Dataset.TRAIN.label(), p.train());
    rollUpRow(Dataset.PREDICT.label(), p.predict());
    out.append("</tbody></table>");
  }

  private void rollUpRow(String dataset, PrefixSummary d) {
    out.append("<tr><th class=\"l\">").append(dataset).append("</th>");
    if (d == null) {
      out.append("<td class=\"l muted\" colspan=\"6\">not in ").append(dataset).append("</td></tr>");
      return;
    }
    out.append("<td>").append(Html.percent(d.zeroFraction())).append("</td><td>")
        .append(Html.percent(d.missingFraction())).append("</td><td>").append(Html.count(d.constantColumns()))
        .append("</td><td>")
        .append(Html.percent(d.rowsWithoutNonZero())).append("</td><td>")
        .append(Html.percent(d.rowsWithoutValue())).append("</td><td>")
        .append(Html.figure(d.meanStddev())).append("</td></tr>");
  }

  private void columnCard(ColumnCard card) {
    ColumnReport c = card.column();
    out.append("<div class=\"col\" data-column=\"").append(Html.escape(c.name())).append("\"><div class=\"colhead\">")
        .append(dot(card.severity())).append("<code>")
        .append(Html.escape(c.name())).append("</code><span class=\"muted\">").append(Html.escape(c.type()))
        .append("</span></div>");
    messages(card.messages());
    card.chart().ifPresent(chart -> out.append(chart(chart)));
    driftFigures(card.drift());
    table("", "<", "values", "missing", "zeros", "mean", "stddev");
    columnRow(Dataset.TRAIN.label(), c.train());
    columnRow(Dataset.PREDICT.label(), c.predict());
    out.append("</tbody></table></div>");
  }

  private void columnRow(String dataset, ColumnSummary d) {
    out.append("<tr><th class=\"l\">").append(dataset).append("</th>");
    if (d == null) {
      out.append("<td class=\"l muted\" colspan=\"5\">not in ").append(dataset).append("</td></tr>");
      return;
    }
    out.append("<td>").append(Html.count(d.count())).append("</td><td>")
        .append(Html.count(d.missing())).append("</td><td>")
        .append(Html.count(d.zeros()))
        .append("</td><td>").append(Html.figure(d.mean())).append("</td><td>")
        .append(Html.figure(d.stddev())).append("</td></tr>");
  }

  private static String chart(Chart chart) {
    if (chart instanceof Chart.Bars bars) {
      return SvgCharts.topValues(bars.labels(), bars.train(), bars.predict());
    }
    Chart.Histogram histogram = (Chart.Histogram) chart;
    return SvgCharts.histogram(histogram.edges(), histogram.train(), histogram.predict());
  }

  private void driftFigures(DriftFigures drift) {
    if (drift.untestedReason() != null) {
      out.append("<p class=\"figs muted\">drift not tested: ").append(Html.escape(drift.untestedReason()))
          .append("</p>");
      return;
    }
    List<String> figures = new ArrayList<>();
    drift.figures().forEach((name, value) -> figures.add(name + " " + Html.figure(value)));
    if (!figures.isEmpty()) {
      out.append("<p class=\"figs\">").append(String.join(" · ", figures)).append("</p>");
    }
  }

  private void messages(Messages messages) {
    if (messages.shown().isEmpty()) {
      return;
    }
    out.append("<ul class=\"msgs\">");
    for (Finding f : messages.shown()) {
      out.append("<li class=\"").append(Html.escape(f.severity().label())).append("\">")
          .append(Html.escape(f.message())).append("</li>");
    }
    if (messages.more() > 0) {
      out.append("<li>").append(messages.more()).append(" more in the findings table</li>");
    }
    out.append("</ul>");
  }

  private void measures() {
    out.append("<section id=\"measures\"><h2>How to read the figures</h2><dl>");
    for (Map.Entry<String, String> m : report.measures().entrySet()) {
      out.append("<dt>").append(Html.escape(m.getKey())).append("</dt><dd>").append(Html.escape(m.getValue()))
          .append("</dd>");
    }
    out.append("</dl></section>\n");
  }

  /**
   * Opens a table ({@code attributes} may be empty) and its body, after a header row; a label
   * starting with {@code <} is left-aligned (the rest of it is the label).
   */
  private void table(String attributes, String... labels) {
    out.append("<table").append(attributes.isEmpty() ? "" : " " + attributes).append("><thead><tr>");
    for (String label : labels) {
      boolean left = label.startsWith("<");
      out.append(left ? "<th class=\"l\">" : "<th>").append(Html.escape(left ? label.substring(1) : label))
          .append("</th>");
    }
    out.append("</tr></thead><tbody>");
  }

  /** A heatmap cell, with its tint as a background when it has one. */
  private void cell(HeatmapRow.Cell cell) {
    out.append("<td");
    if (cell.tinted()) {
      out.append(String.format(Locale.ROOT, " style=\"background:hsl(%s,%d%%)\"", cell.hueSaturation(),
          cell.lightness()));
    }
    out.append('>').append(cell.text()).append("</td>");
  }

  /** Badges with the number of findings of each severity that has any. */
  private static String severityCounts(SeverityCounts counts) {
    StringBuilder s = new StringBuilder();
    for (Severity severity : Severity.values()) {
      long n = counts.count(severity);
      if (n > 0) {
        s.append(badge(n + " " + severity.label(), severity.label())).append(' ');
      }
    }
    return s.toString();
  }

  private static String badge(String severity) {
    return badge(severity, severity);
  }

  private static String badge(String text, String severity) {
    return "<span class=\"badge " + Html.escape(severity) + "\">" + Html.escape(text) + "</span>";
  }

  private static String dot(Severity severity) {
    return "<span class=\"dot" + (severity == null ? "" : " " + Html.escape(severity.label())) + "\"></span>";
  }
}
