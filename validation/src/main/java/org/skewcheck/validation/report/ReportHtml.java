package org.skewcheck.validation.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.skewcheck.validation.check.Severity;

/**
 * Renders a report as {@code report.html}: one self-contained page (inline CSS and SVG, no script,
 * no URL to fetch) that opens from a file, a bucket or a mail attachment. It shows the summary
 * line, a prefix × measure heatmap, the findings (most severe first), the score comparison when a
 * model was given, and per prefix its worst columns, each with a small train-vs-predict chart.
 *
 * <p>It reads the same tree as {@code report.json} ({@link ReportJson#toTree}), so the page shows
 * exactly what the JSON holds, and a column field it knows but the report lacks (a categorical
 * column's {@code topValues}, a drift's {@code linf}) is simply left out. The page stays light on
 * 4,000 columns: only a prefix's worst columns and columns with findings get a chart (at most
 * {@link #COLUMNS_PER_PREFIX} per prefix), and the findings table stops at {@link #MAX_FINDINGS}.
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
  /** Findings messages shown on a column's card. */
  private static final int CARD_FINDINGS = 3;
  /** Values per categorical chart. */
  private static final int TOP_VALUES = 10;
  private static final List<String> SEVERITIES = Arrays.stream(Severity.values()).map(Severity::label).toList();
  private static final List<String> DRIFT_FIGURES = List.of("psi", "js", "ks", "linf");
  /** The family row aggregates of {@code prefixes[].drift.family}: JSON name, heading. */
  private static final String[][] FAMILY_AGGREGATES = {
      {"total", "row total"}, {"nonZeroCount", "non-zero count"}, {"nonZeroMean", "non-zero mean"}};
  /** Hue and saturation per severity, in the order of {@link #SEVERITIES}: red, amber, blue. */
  private static final List<String> HUES = List.of("0,85%", "38,95%", "217,90%");
  private static final String CSS = """
      :root{--err:#dc2626;--warn:#d97706;--info:#2563eb;--ok:#16a34a;--line:#e5e7eb;--muted:#6b7280}
      *{box-sizing:border-box}
      body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;\
      color:#111827;background:#f9fafb}
      header{background:#fff;border-bottom:1px solid var(--line);padding:14px 24px}
      main{padding:4px 24px 40px;max-width:1440px}
      h1{font-size:20px;margin:0 0 6px}h2{font-size:17px;margin:26px 0 8px}
      .summary{font-size:15px;margin:0}.meta,.muted{color:var(--muted)}.meta{font-size:12px;margin:4px 0 0}
      nav{margin-top:8px;font-size:13px}nav a{margin-right:14px}a{color:#1d4ed8;text-decoration:none}
      table{border-collapse:collapse;background:#fff;font-size:13px}
      th,td{border:1px solid var(--line);padding:3px 8px;text-align:right;vertical-align:top}
      th{background:#f3f4f6;font-weight:600}.l{text-align:left}td.msg{text-align:left;max-width:900px}
      .badge{display:inline-block;padding:0 7px;border-radius:9px;font-size:12px;font-weight:600;color:#fff;\
      line-height:18px}
      .error{--sev:var(--err)}.warning{--sev:var(--warn)}.info{--sev:var(--info)}.ok{--sev:var(--ok)}
      .badge{background:var(--sev)}tr.sev td:first-child{box-shadow:inset 3px 0 var(--sev)}
      .dot{display:inline-block;width:9px;height:9px;border-radius:50%;background:var(--sev,#d1d5db);margin-right:6px}
      details.prefix{background:#fff;border:1px solid var(--line);border-radius:6px;margin:10px 0;padding:6px 12px}
      details.prefix>summary{cursor:pointer;font-size:15px;padding:2px 0}
      details.prefix>summary b{margin-right:6px}
      .cols{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:10px;margin:10px 0 6px}
      .col,.agg{border:1px solid var(--line);border-radius:6px;padding:6px 10px;overflow:hidden}
      .col table{margin-top:4px;font-size:12px}.col th,.col td{padding:1px 6px}
      .colhead{display:flex;gap:6px;align-items:center;flex-wrap:wrap}.colhead code{font-weight:600}
      code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;overflow-wrap:anywhere}
      ul.msgs{margin:4px 0;padding-left:18px;font-size:12px}ul.msgs li::marker{color:var(--sev)}
      .figs{font-size:12px;margin:2px 0}
      svg{display:block;margin-top:4px}svg .t,.sw.t{fill:#64748b;background:#64748b}\
      svg .q,.sw.q{fill:#f97316;background:#f97316}
      svg .ax{stroke:#9ca3af;stroke-width:1}svg text{font-size:9px;fill:#4b5563}\
      svg .sl{fill:none;stroke:#64748b;stroke-width:1.2}.hist td{vertical-align:middle}
      svg .pos{fill:#dc2626}svg .neg{fill:#2563eb}
      .sw{display:inline-block;width:10px;height:10px;margin:0 4px 0 10px;vertical-align:-1px}
      .scroll{max-height:640px;overflow:auto;border:1px solid var(--line);display:inline-block;max-width:100%}
      .scroll table{border:0}.scroll thead th{position:sticky;top:0;z-index:1}.nw,.nw code{white-space:nowrap}
      .pair{display:flex;gap:28px;flex-wrap:wrap;align-items:flex-start}.pair h3{margin-top:0}
      dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;font-size:13px}dt{font-weight:600}dd{margin:0}
      """;

  private final JsonNode report;
  private final StringBuilder out = new StringBuilder(1 << 16);
  private final Map<String, JsonNode> columns = new HashMap<>();
  private final Map<String, List<JsonNode>> columnsWithFindings = new HashMap<>();

  private ReportHtml(JsonNode report) {
    this.report = report;
    for (JsonNode c : report.path("columns")) {
      columns.put(c.path("name").asText(), c);
      if (!c.path("findings").isEmpty()) {
        columnsWithFindings.computeIfAbsent(c.path("prefix").asText(), k -> new ArrayList<>()).add(c);
      }
    }
    // In the order of their first finding in the findings table (most severe first).
    Map<String, Integer> firstFinding = new HashMap<>();
    int position = 0;
    for (JsonNode f : report.path("findings")) {
      firstFinding.putIfAbsent(f.path("target").asText(), position++);
    }
    Comparator<JsonNode> byFinding = Comparator.comparingInt(
        c -> firstFinding.getOrDefault(c.path("name").asText(), Integer.MAX_VALUE));
    columnsWithFindings.values().forEach(list -> list.sort(byFinding));
  }

  /** The page for {@code report}. */
  public static String render(Report report) {
    return render(ReportJson.toTree(report));
  }

  /** The page for a {@code report.json} tree, for instance one read back from a file. */
  public static String render(JsonNode report) {
    return new ReportHtml(report).page();
  }

  /** The page for {@code report}, UTF-8 encoded. */
  public static byte[] toBytes(Report report) {
    return render(report).getBytes(StandardCharsets.UTF_8);
  }

  private String page() {
    String verdict = report.path("verdict").asText("ok");
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
    JsonNode findings = report.path("findings");
    out.append("<header><h1>skewcheck report</h1><p id=\"summary\" class=\"summary\">")
        .append(badge(verdict)).append(' ');
    for (String dataset : List.of("train", "predict")) {
      JsonNode d = report.path("datasets").path(dataset);
      out.append("<b>").append(dataset).append("</b> ").append(Html.count(d.path("rows").asLong())).append(" rows, ")
          .append(Html.count(d.path("files").asLong())).append(d.path("files").asLong() == 1 ? " file, " : " files, ")
          .append(Html.count(d.path("rejectedRows").asLong())).append(" rejected · ");
    }
    out.append(Html.count(findings.size())).append(" findings (");
    List<String> counts = new ArrayList<>();
    for (String severity : SEVERITIES) {
      long n = count(findings, severity);
      counts.add(n + " " + severity);
    }
    out.append(String.join(", ", counts)).append(")");
    String runTime = runTime(report.path("provenance"));
    if (runTime != null) {
      out.append(" · run time ").append(runTime);
    }
    out.append("</p>");
    JsonNode p = report.path("provenance");
    if (p.isObject()) {
      out.append("<p class=\"meta\">run ").append(Html.escape(p.path("runId").asText())).append(" · started ")
          .append(Html.escape(p.path("startedAt").asText())).append(" · skewcheck ")
          .append(Html.escape(p.path("version").asText())).append(" on ").append(Html.escape(p.path("runner").asText()))
          .append(" · config ").append(Html.escape(p.path("config").asText("defaults")));
      if (p.hasNonNull("model")) {
        out.append(" · model ").append(Html.escape(p.path("model").asText()));
      }
      out.append("</p>");
    }
    out.append("<nav><a href=\"#heatmap\">prefixes at a glance</a><a href=\"#findings\">findings</a>");
    if (report.path("scores").isObject()) {
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
    for (JsonNode p : report.path("prefixes")) {
      String name = p.path("prefix").asText();
      String severity = worstSeverity(p);
      JsonNode train = p.path("train");
      JsonNode predict = p.path("predict");
      JsonNode drift = p.path("drift");
      double zeroTrain = number(train, "zeroFraction");
      double zeroPredict = number(predict, "zeroFraction");
      int columnCount = p.path("columns").asInt();
      out.append("<tr data-prefix=\"").append(Html.escape(name)).append("\"><th class=\"l\">").append(dot(severity))
          .append("<a href=\"#p").append(i++).append("\">").append(Html.escape(name)).append("</a></th><td>")
          .append(Html.count(columnCount)).append("</td>");
      cell(Html.percent(zeroTrain), 0, severity);
      cell(Html.percent(zeroPredict), Math.abs(zeroPredict - zeroTrain), severity);
      cell(constant(train), 0, severity);
      cell(constant(predict), columnCount == 0 ? 0
          : Math.abs(number(predict, "constantColumns") - number(train, "constantColumns")) / columnCount, severity);
      int tested = drift.path("columnsTested").asInt();
      int drifted = drift.path("driftedColumns").asInt();
      String driftedOfTested = tested == 0 ? "–" : Html.count(drifted) + " / " + Html.count(tested);
      cell(driftedOfTested, number(drift, "driftedShare"), severity);
      // A PSI without a significant drift is sampling noise: tinted only when a column drifted. PSI of
      // 0.25 is the default error threshold; past twice that the tint saturates.
      cell(Html.figure(number(drift, "psiMax")), drifted == 0 ? 0 : number(drift, "psiMax") / 0.5, severity);
      // Tinted only when the family test flagged the prefix; a KS of 0.3 saturates (three times the default threshold).
      JsonNode total = drift.path("family").path("total");
      boolean familyDrifted = false;
      for (JsonNode f : p.path("findings")) {
        familyDrifted |= f.path("check").asText().equals("familyDrift");
      }
      cell(total.isObject() ? Html.figure(number(total, "ks")) : "–",
          familyDrifted ? number(total, "ks") / 0.3 : 0, severity);
      out.append("<td class=\"l\">").append(severityCounts(p)).append("</td></tr>\n");
    }
    out.append("</tbody></table>\n");
  }

  /**
   * The findings table, one row per cause: findings folded under a prefix's (their {@code
   * explainedBy}) are listed inside its row, not as rows of their own.
   */
  private void findings() {
    JsonNode findings = report.path("findings");
    out.append("<h2>Findings</h2>");
    if (findings.isEmpty()) {
      out.append("<p id=\"findings\">No findings.</p>\n");
      return;
    }
    List<JsonNode> causes = new ArrayList<>();
    Map<String, List<JsonNode>> folded = new HashMap<>();
    for (JsonNode f : findings) {
      JsonNode by = f.path("explainedBy");
      if (by.isMissingNode() || by.isNull()) {
        causes.add(f);
      } else {
        folded.computeIfAbsent(causeKey(by), k -> new ArrayList<>()).add(f);
      }
    }
    out.append("<div class=\"scroll\">");
    table("id=\"findings\"", "<severity", "<scope", "<target", "<check", "<message");
    int shown = Math.min(MAX_FINDINGS, causes.size());
    for (JsonNode f : causes.subList(0, shown)) {
      String severity = f.path("severity").asText();
      out.append("<tr class=\"sev ").append(Html.escape(severity)).append("\"><td class=\"l\">").append(badge(severity))
          .append("</td><td class=\"l\">").append(Html.escape(f.path("scope").asText()))
          .append("</td><td class=\"l nw\"><code>")
          .append(Html.escape(f.path("target").asText())).append("</code></td><td class=\"l\">")
          .append(Html.escape(f.path("check").asText())).append("</td><td class=\"msg\">")
          .append(Html.escape(f.path("message").asText()));
      List<JsonNode> under = folded.getOrDefault(causeKey(f), List.of());
      if (!under.isEmpty()) {
        out.append("<details><summary>").append(Html.count(under.size()))
            .append(under.size() == 1 ? " column finding" : " column findings").append(" with this cause</summary><ul>");
        for (JsonNode c : under) {
          out.append("<li>").append(badge(c.path("severity").asText())).append(' ')
              .append(Html.escape(c.path("message").asText())).append("</li>");
        }
        out.append("</ul></details>");
      }
      out.append("</td></tr>\n");
    }
    out.append("</tbody></table></div>");
    if (causes.size() > shown) {
      out.append("<p class=\"muted\">").append(Html.count(causes.size() - shown))
          .append(" more findings are in report.json.</p>");
    }
    out.append('\n');
  }

  /** What names a cause: the check, scope and target of a finding or of an {@code explainedBy}. */
  private static String causeKey(JsonNode f) {
    return f.path("check").asText() + '\u0000' + f.path("scope").asText() + '\u0000' + f.path("target").asText();
  }

  private void scores() {
    JsonNode s = report.path("scores");
    if (!s.isObject()) {
      return;
    }
    out.append("<section id=\"scores\"><h2>Scores</h2><div class=\"pair\"><div>");
    table("", "<score", "train", "predict");
    Set<String> stats = new LinkedHashSet<>(List.of("count", "attributedRows", "mean", "stddev", "min"));
    s.path("train").path("quantiles").fieldNames().forEachRemaining(stats::add);
    stats.add("max");
    for (String stat : stats) {
      out.append("<tr><th class=\"l\">").append(Html.escape(stat)).append("</th>");
      for (String side : List.of("train", "predict")) {
        JsonNode side0 = s.path(side);
        JsonNode v = side0.has(stat) ? side0.path(stat) : side0.path("quantiles").path(stat);
        out.append("<td>").append(Html.figure(v.isNumber() ? v.asDouble() : Double.NaN)).append("</td>");
      }
      out.append("</tr>");
    }
    out.append("</tbody></table>");
    JsonNode drift = s.path("drift");
    out.append("<p class=\"figs\">Score drift: PSI ").append(Html.figure(number(drift, "psi"))).append(" · JS ")
        .append(Html.figure(number(drift, "js"))).append(" · KS ").append(Html.figure(number(drift, "ks")))
        .append(" (p ").append(Html.figure(number(drift, "ksPValue"))).append(")</p></div>");
    attribution(s);
    out.append("</div>");
    JsonNode recorded = s.path("recorded");
    if (recorded.isObject()) {
      out.append("<p class=\"figs\">Recorded score <code>").append(Html.escape(recorded.path("column").asText()))
          .append("</code>: largest |recorded − recomputed| ").append(Html.figure(number(recorded, "maxAbsDiff")))
          .append(" over ").append(Html.count(recorded.path("rows").asLong())).append(" rows (tolerance ")
          .append(Html.figure(number(recorded, "tolerance"))).append(")</p>");
    }
    out.append("</section>\n");
  }

  private void attribution(JsonNode s) {
    JsonNode rows = s.path("attribution");
    if (rows.isEmpty()) {
      return;
    }
    double maxAbs = 0;
    for (JsonNode a : rows) {
      maxAbs = Math.max(maxAbs, Math.abs(number(a, "delta")));
    }
    out.append("<div><h3>Which prefixes moved the score</h3><p class=\"muted\">Mean SHAP contribution per prefix ")
        .append("on the raw-score scale, sorted by |delta|; the bar is predict − train.</p>");
    table("id=\"attribution\"", "<prefix", "train", "predict", "delta", "<delta");
    for (JsonNode a : rows) {
      out.append("<tr><th class=\"l\">").append(Html.escape(a.path("prefix").asText())).append("</th><td>")
          .append(Html.figure(number(a, "train"))).append("</td><td>").append(Html.figure(number(a, "predict")))
          .append("</td><td>").append(Html.figure(number(a, "delta"))).append("</td><td class=\"l\">")
          .append(SvgCharts.delta(number(a, "delta"), maxAbs)).append("</td></tr>\n");
    }
    out.append("</tbody></table><p class=\"figs\">Bias delta ").append(Html.figure(number(s.path("bias"), "delta")))
        .append(" · mean margin ").append(Html.figure(number(s.path("meanMargin"), "train"))).append(" → ")
        .append(Html.figure(number(s.path("meanMargin"), "predict"))).append(" · residual ")
        .append(Html.figure(number(s, "residual"))).append("</p></div>");
  }

  private void prefixes() {
    out.append("<section id=\"prefixes\"><h2>Prefix details</h2><p class=\"muted\">Per prefix, its columns with "
        + "findings, then its highest-PSI columns (up to ").append(COLUMNS_PER_PREFIX)
        .append("). Charts: share of values per train-decile bin,<span class=\"sw t\"></span>train")
        .append("<span class=\"sw q\"></span>predict.</p>\n");
    int i = 0;
    for (JsonNode p : report.path("prefixes")) {
      prefix(p, i++);
    }
    out.append("</section>\n");
  }

  private void prefix(JsonNode p, int index) {
    String name = p.path("prefix").asText();
    String worst = worstSeverity(p);
    JsonNode drift = p.path("drift");
    // Open where something needs a look; info is what the config expects.
    boolean open = worst != null && !worst.equals("info");
    out.append("<details class=\"prefix\" id=\"p").append(index).append("\" data-prefix=\"").append(Html.escape(name))
        .append('"').append(open ? " open" : "").append("><summary>").append(dot(worst)).append("<b>")
        .append(Html.escape(name)).append("</b><span class=\"muted\">").append(Html.count(p.path("columns").asInt()))
        .append(" columns · drifted ").append(Html.count(drift.path("driftedColumns").asInt())).append(" of ")
        .append(Html.count(drift.path("columnsTested").asInt())).append(" tested</span> ").append(severityCounts(p))
        .append("</summary>");
    rollUp(p);
    family(drift.path("family"));
    history(p.path("history"));
    messages(p.path("findings"), Integer.MAX_VALUE);
    List<JsonNode> shown = shownColumns(p);
    if (!shown.isEmpty()) {
      out.append("<div class=\"cols\">");
      shown.forEach(this::columnCard);
      out.append("</div>");
    }
    int more = columnsWithFindings.getOrDefault(name, List.of()).size()
        - (int) shown.stream().filter(c -> !c.path("findings").isEmpty()).count();
    if (more > 0) {
      out.append("<p class=\"muted\">").append(Html.count(more)).append(" more columns with findings are in the "
          + "findings table and report.json.</p>");
    }
    out.append("</details>\n");
  }

  /** The family drift test's figures and a histogram per row aggregate, when the family was tested. */
  private void family(JsonNode family) {
    if (!family.isObject()) {
      return;
    }
    out.append("<p class=\"figs\">family test: row total mean shift ").append(Html.figure(number(family, "meanShift")))
        .append(" train sd (Welch p ").append(Html.figure(number(family, "meanShiftPValue")))
        .append(") · non-zero log mean shift ").append(Html.figure(number(family, "logMeanShift")))
        .append(" train sd (Welch p ").append(Html.figure(number(family, "logMeanShiftPValue"))).append(") · columns up ")
        .append(Html.count(family.path("columnsUp").asInt())).append(", down ")
        .append(Html.count(family.path("columnsDown").asInt())).append(" · family p ")
        .append(Html.figure(number(family, "pValue"))).append(" over ").append(family.path("tests").asInt())
        .append(" tests</p><div class=\"cols\">");
    for (String[] aggregate : FAMILY_AGGREGATES) {
      JsonNode drift = family.path(aggregate[0]);
      if (!drift.isObject()) {
        continue;
      }
      out.append("<div class=\"agg\" data-aggregate=\"").append(aggregate[0]).append("\"><div class=\"colhead\">")
          .append(aggregate[1]).append("<span class=\"muted\">per row</span></div>")
          .append(SvgCharts.histogram(doubles(drift.path("bins")), doubles(drift.path("p")), doubles(drift.path("q"))));
      driftFigures(drift);
      out.append("</div>");
    }
    out.append("</div>");
  }

  /** The columns with findings, most severe first, then the worst-drifted; at most {@link #COLUMNS_PER_PREFIX}. */
  private List<JsonNode> shownColumns(JsonNode p) {
    Map<String, JsonNode> shown = new LinkedHashMap<>();
    for (JsonNode c : columnsWithFindings.getOrDefault(p.path("prefix").asText(), List.of())) {
      shown.putIfAbsent(c.path("name").asText(), c);
    }
    for (JsonNode w : p.path("drift").path("worstColumns")) {
      JsonNode c = columns.get(w.asText());
      if (c != null) {
        shown.putIfAbsent(w.asText(), c);
      }
    }
    return shown.values().stream().limit(COLUMNS_PER_PREFIX).toList();
  }

  /** With a run history: each key metric's sparkline over the earlier runs and this one, and its value now. */
  private void history(JsonNode h) {
    JsonNode metrics = h.path("metrics");
    if (!metrics.isObject() || metrics.isEmpty()) {
      return;
    }
    out.append("<table class=\"hist\"><caption class=\"muted\">over ").append(h.path("runs").size())
        .append(" runs, this run last (orange)</caption><tbody>");
    metrics.fields().forEachRemaining(m -> {
      double[] values = doubles(m.getValue());
      out.append("<tr><th class=\"l\">").append(Html.escape(m.getKey())).append("</th><td>")
          .append(SvgCharts.sparkline(m.getKey(), values)).append("</td><td>")
          .append(values.length == 0 ? "" : Html.figure(values[values.length - 1])).append("</td></tr>");
    });
    out.append("</tbody></table>");
  }

  private void rollUp(JsonNode p) {
    table("class=\"rollup\"", "<", "zero fraction", "missing fraction", "constant columns", "rows without non-zero",
        "rows without value", "mean stddev");
    for (String dataset : List.of("train", "predict")) {
      JsonNode d = p.path(dataset);
      out.append("<tr><th class=\"l\">").append(dataset).append("</th>");
      if (!d.isObject()) {
        out.append("<td class=\"l muted\" colspan=\"6\">not in ").append(dataset).append("</td></tr>");
        continue;
      }
      out.append("<td>").append(Html.percent(number(d, "zeroFraction"))).append("</td><td>")
          .append(Html.percent(number(d, "missingFraction"))).append("</td><td>").append(constant(d))
          .append("</td><td>")
          .append(Html.percent(number(d, "rowsWithoutNonZero"))).append("</td><td>")
          .append(Html.percent(number(d, "rowsWithoutValue"))).append("</td><td>")
          .append(Html.figure(number(d, "meanStddev"))).append("</td></tr>");
    }
    out.append("</tbody></table>");
  }

  private void columnCard(JsonNode c) {
    String name = c.path("name").asText();
    JsonNode findings = c.path("findings");
    out.append("<div class=\"col\" data-column=\"").append(Html.escape(name)).append("\"><div class=\"colhead\">")
        .append(dot(findings.isEmpty() ? null : findings.path(0).path("severity").asText())).append("<code>")
        .append(Html.escape(name)).append("</code><span class=\"muted\">").append(Html.escape(c.path("type").asText()))
        .append("</span></div>");
    messages(findings, CARD_FINDINGS);
    out.append(chart(c));
    driftFigures(c.path("drift"));
    table("", "<", "values", "missing", "zeros", "mean", "stddev");
    for (String dataset : List.of("train", "predict")) {
      JsonNode d = c.path(dataset);
      out.append("<tr><th class=\"l\">").append(dataset).append("</th>");
      if (!d.isObject()) {
        out.append("<td class=\"l muted\" colspan=\"5\">not in ").append(dataset).append("</td></tr>");
        continue;
      }
      out.append("<td>").append(Html.count(d.path("count").asLong())).append("</td><td>")
          .append(Html.count(d.path("missing").asLong())).append("</td><td>")
          .append(Html.count(d.path("zeros").asLong()))
          .append("</td><td>").append(Html.figure(number(d, "mean"))).append("</td><td>")
          .append(Html.figure(number(d, "stddev"))).append("</td></tr>");
    }
    out.append("</tbody></table></div>");
  }

  /**
   * The column's chart: a tested categorical column's shares per drift category, an untested one's
   * top values when its summaries carry them, a tested numeric column's histogram over its drift
   * bins, else none.
   */
  private String chart(JsonNode c) {
    JsonNode drift = c.path("drift");
    boolean shares = drift.path("p").isArray() && drift.path("q").isArray();
    if (shares && drift.path("categories").isArray()) {
      List<String> categories = new ArrayList<>();
      drift.path("categories").forEach(v -> categories.add(v.asText()));
      return SvgCharts.topValues(categories, doubles(drift.path("p")), doubles(drift.path("q")));
    }
    if ("categorical".equals(c.path("type").asText())
        && (c.path("train").path("topValues").isArray() || c.path("predict").path("topValues").isArray())) {
      return topValuesChart(c);
    }
    if (!shares || !drift.path("bins").isArray()) {
      return "";
    }
    return SvgCharts.histogram(doubles(drift.path("bins")), doubles(drift.path("p")), doubles(drift.path("q")));
  }

  /** Train's most frequent values first, then predict's others; each side's share is over its rows. */
  private String topValuesChart(JsonNode c) {
    Map<String, double[]> shares = new LinkedHashMap<>();
    List<String> sides = List.of("train", "predict");
    for (int side = 0; side < 2; side++) {
      double rows = report.path("datasets").path(sides.get(side)).path("rows").asDouble();
      for (JsonNode v : c.path(sides.get(side)).path("topValues")) {
        double[] pair = shares.computeIfAbsent(v.path("value").asText(), k -> new double[2]);
        pair[side] = rows > 0 ? v.path("count").asDouble() / rows : 0;
      }
    }
    List<String> values = shares.keySet().stream().limit(TOP_VALUES).toList();
    double[] train = values.stream().mapToDouble(v -> shares.get(v)[0]).toArray();
    double[] predict = values.stream().mapToDouble(v -> shares.get(v)[1]).toArray();
    return SvgCharts.topValues(values, train, predict);
  }

  private void driftFigures(JsonNode drift) {
    if (drift.hasNonNull("untestedReason")) {
      out.append("<p class=\"figs muted\">drift not tested: ")
          .append(Html.escape(drift.path("untestedReason").asText())).append("</p>");
      return;
    }
    List<String> figures = new ArrayList<>();
    for (String figure : DRIFT_FIGURES) {
      if (drift.path(figure).isNumber()) {
        figures.add(figure.toUpperCase(Locale.ROOT) + " " + Html.figure(drift.path(figure).asDouble()));
      }
    }
    if (!figures.isEmpty()) {
      out.append("<p class=\"figs\">").append(String.join(" · ", figures)).append("</p>");
    }
  }

  private void messages(JsonNode findings, int limit) {
    if (findings.isEmpty()) {
      return;
    }
    out.append("<ul class=\"msgs\">");
    int shown = 0;
    for (JsonNode f : findings) {
      if (shown++ == limit) {
        out.append("<li>").append(findings.size() - limit).append(" more in the findings table</li>");
        break;
      }
      out.append("<li class=\"").append(Html.escape(f.path("severity").asText())).append("\">")
          .append(Html.escape(f.path("message").asText())).append("</li>");
    }
    out.append("</ul>");
  }

  private void measures() {
    out.append("<section id=\"measures\"><h2>How to read the figures</h2><dl>");
    report.path("measures").fields().forEachRemaining(m -> out.append("<dt>").append(Html.escape(m.getKey()))
        .append("</dt><dd>").append(Html.escape(m.getValue().asText())).append("</dd>"));
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

  /**
   * A table cell tinted by {@code heat}, from none (0) to full (1 and more), in the colour of
   * {@code severity} (grey when null).
   */
  private void cell(String text, double heat, String severity) {
    out.append("<td");
    if (Double.isFinite(heat) && heat >= 0.02) {
      String hue = severity == null ? "0,0%" : HUES.get(SEVERITIES.indexOf(severity));
      // Info is expected by the config: half the tint, so it does not compete with errors.
      double depth = "info".equals(severity) ? 16 : 32;
      out.append(String.format(Locale.ROOT, " style=\"background:hsl(%s,%d%%)\"", hue,
          Math.round(97 - depth * Math.min(1, heat))));
    }
    out.append('>').append(text).append("</td>");
  }

  /** The most severe finding about the prefix or one of its columns, or null. */
  private String worstSeverity(JsonNode p) {
    int best = SEVERITIES.size();
    for (JsonNode f : p.path("findings")) {
      best = Math.min(best, rank(f));
    }
    for (JsonNode c : columnsWithFindings.getOrDefault(p.path("prefix").asText(), List.of())) {
      best = Math.min(best, rank(c.path("findings").path(0)));
    }
    return best < SEVERITIES.size() ? SEVERITIES.get(best) : null;
  }

  /** Badges with the number of findings of each severity about the prefix and its columns. */
  private String severityCounts(JsonNode p) {
    long[] n = new long[SEVERITIES.size()];
    p.path("findings").forEach(f -> n[Math.min(rank(f), n.length - 1)]++);
    for (JsonNode c : columnsWithFindings.getOrDefault(p.path("prefix").asText(), List.of())) {
      c.path("findings").forEach(f -> n[Math.min(rank(f), n.length - 1)]++);
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n.length; i++) {
      if (n[i] > 0) {
        s.append(badge(n[i] + " " + SEVERITIES.get(i), SEVERITIES.get(i))).append(' ');
      }
    }
    return s.toString();
  }

  private static int rank(JsonNode finding) {
    int i = SEVERITIES.indexOf(finding.path("severity").asText());
    return i < 0 ? SEVERITIES.size() : i;
  }

  private static long count(JsonNode findings, String severity) {
    long n = 0;
    for (JsonNode f : findings) {
      if (severity.equals(f.path("severity").asText())) {
        n++;
      }
    }
    return n;
  }

  private static String badge(String severity) {
    return badge(severity, severity);
  }

  private static String badge(String text, String severity) {
    return "<span class=\"badge " + Html.escape(severity) + "\">" + Html.escape(text) + "</span>";
  }

  private static String dot(String severity) {
    return "<span class=\"dot" + (severity == null ? "" : " " + Html.escape(severity)) + "\"></span>";
  }

  private static String constant(JsonNode side) {
    return side.isObject() ? Html.count(side.path("constantColumns").asLong()) : "–";
  }

  private static double number(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isNumber() ? v.asDouble() : Double.NaN;
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).isNumber() ? array.get(i).asDouble() : Double.NaN;
    }
    return out;
  }

  /** From provenance's start to its finish, as "5.2 s" or "3 min 4 s"; null when either is unknown. */
  static String runTime(JsonNode provenance) {
    try {
      Duration d = Duration.between(Instant.parse(provenance.path("startedAt").asText()),
          Instant.parse(provenance.path("finishedAt").asText()));
      long millis = d.toMillis();
      return millis < 60_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0)
          : String.format(Locale.ROOT, "%d min %d s", millis / 60_000, millis / 1000 % 60);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
