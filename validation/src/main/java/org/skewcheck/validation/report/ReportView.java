package org.skewcheck.validation.report;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.skewcheck.validation.report.Report.DatasetSummary;
import org.skewcheck.validation.score.ScoresReport;
import org.skewcheck.validation.stats.Dataset;

/**
 * What {@code report.html} shows of a report, worked out before any markup: the findings per
 * severity, the heatmap's rows and tints (scaled by the report's own thresholds), the findings
 * table's rows (one per cause, at most {@link ReportHtml#MAX_FINDINGS}), each prefix's section
 * with its column cards, and the score table. {@link ReportHtml} only writes it out.
 *
 * <pre>{@code
 * ReportView view = ReportView.of(report);
 * view.heatmap().get(0).cells();   // each with its text and tint
 * }</pre>
 *
 * @param counts all the report's findings, per severity
 * @param runTime from provenance's start to its finish, as "5.2 s" or "3 min 4 s"; null when unknown
 * @param causes the findings table's rows, all of them
 * @param scoreRows the score table's rows; none without scores
 * @param attributionScale the largest |delta| of the score attribution, which its bars are scaled to
 */
record ReportView(Report report, SeverityCounts counts, String runTime, List<HeatmapRow> heatmap,
    List<CauseRow> causes, List<PrefixSection> prefixes, List<ScoreRow> scoreRows, double attributionScale) {

  ReportView {
    heatmap = List.copyOf(heatmap);
    causes = List.copyOf(causes);
    prefixes = List.copyOf(prefixes);
    scoreRows = List.copyOf(scoreRows);
  }

  /** One statistic of the model's scores on each side; NaN where a side lacks it. */
  record ScoreRow(String statistic, double train, double predict) {}

  static ReportView of(Report report) {
    ColumnIndex index = new ColumnIndex(report);
    long trainRows = rows(report, Dataset.TRAIN.label());
    long predictRows = rows(report, Dataset.PREDICT.label());
    List<PrefixSection> sections = new ArrayList<>();
    List<HeatmapRow> heatmap = new ArrayList<>();
    for (Report.PrefixReport p : report.prefixes()) {
      PrefixSection section = PrefixSection.of(p, index, trainRows, predictRows);
      sections.add(section);
      heatmap.add(HeatmapRow.of(p, section.counts(), report.driftThresholds()));
    }
    return new ReportView(report, SeverityCounts.of(report.findings()), runTime(report.provenance()), heatmap,
        CauseRow.of(report.findings()), sections, scoreRows(report.scores()), attributionScale(report.scores()));
  }

  /** The findings table's rows: the first {@link ReportHtml#MAX_FINDINGS} causes. */
  List<CauseRow> shownCauses() {
    return causes.subList(0, Math.min(ReportHtml.MAX_FINDINGS, causes.size()));
  }

  /** The causes past the table's cap, which only report.json lists. */
  int moreCauses() {
    return causes.size() - shownCauses().size();
  }

  private static long rows(Report report, String dataset) {
    DatasetSummary d = report.datasets().get(dataset);
    return d == null ? 0 : d.rows();
  }

  /** From provenance's start to its finish, as "5.2 s" or "3 min 4 s"; null when either is unknown. */
  static String runTime(Provenance provenance) {
    if (provenance == null || provenance.startedAt() == null || provenance.finishedAt() == null) {
      return null;
    }
    try {
      long millis = Duration.between(Instant.parse(provenance.startedAt()), Instant.parse(provenance.finishedAt()))
          .toMillis();
      return millis < 60_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0)
          : String.format(Locale.ROOT, "%d min %d s", millis / 60_000, millis / 1000 % 60);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Count, scored rows, mean, stddev, min, train's quantiles, max. */
  private static List<ScoreRow> scoreRows(ScoresReport s) {
    if (s == null) {
      return List.of();
    }
    Set<String> stats = new LinkedHashSet<>(List.of("count", "attributedRows", "mean", "stddev", "min"));
    if (s.train() != null && s.train().quantiles() != null) {
      stats.addAll(s.train().quantiles().keySet());
    }
    stats.add("max");
    return stats.stream().map(stat -> new ScoreRow(stat, statistic(s.train(), stat), statistic(s.predict(), stat)))
        .toList();
  }

  private static double statistic(ScoresReport.ScoreStats side, String stat) {
    if (side == null) {
      return Double.NaN;
    }
    double value = switch (stat) {
      case "count" -> side.count();
      case "attributedRows" -> side.attributedRows();
      case "mean" -> side.mean();
      case "stddev" -> side.stddev();
      case "min" -> side.min();
      case "max" -> side.max();
      default -> {
        Map<String, Double> quantiles = side.quantiles();
        Double q = quantiles == null ? null : quantiles.get(stat);
        yield q == null ? Double.NaN : q;
      }
    };
    return Double.isFinite(value) ? value : Double.NaN;
  }

  private static double attributionScale(ScoresReport s) {
    double max = 0;
    if (s != null && s.attribution() != null) {
      for (ScoresReport.Attribution a : s.attribution()) {
        max = Math.max(max, Math.abs(Double.isFinite(a.delta()) ? a.delta() : Double.NaN));
      }
    }
    return max;
  }
}
