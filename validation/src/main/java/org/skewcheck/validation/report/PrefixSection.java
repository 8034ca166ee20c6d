package org.skewcheck.validation.report;

import java.util.ArrayList;
import java.util.List;
import org.skewcheck.validation.check.Severity;
import org.skewcheck.validation.report.Report.ColumnDrift;
import org.skewcheck.validation.report.Report.ColumnReport;
import org.skewcheck.validation.report.Report.FamilyDrift;
import org.skewcheck.validation.report.Report.PrefixReport;

/**
 * A prefix's section of the page: its findings per severity, its family test's row aggregates,
 * its metrics over the run history, its own findings, and the cards of the columns it shows.
 *
 * @param counts the findings about the prefix and its columns, per severity
 * @param aggregates the family test's row aggregates that were tested; none without a family test
 * @param history each key metric over the earlier runs and this one; none without a run history
 * @param cards the columns shown: those with findings, then the worst-drifted (see {@link ColumnIndex#shown})
 * @param moreColumnsWithFindings the columns with findings that have no card
 */
record PrefixSection(PrefixReport prefix, SeverityCounts counts, List<Aggregate> aggregates,
    List<HistoryLine> history, List<ColumnCard> cards, int moreColumnsWithFindings) {

  PrefixSection {
    aggregates = List.copyOf(aggregates);
    history = List.copyOf(history);
    cards = List.copyOf(cards);
  }

  /** One of the family's row aggregates: its name in report.json, its heading, chart and figures. */
  record Aggregate(String name, String heading, Chart.Histogram chart, DriftFigures drift) {}

  /** A key metric's values, one per run, this run last; NaN where a run lacked it. */
  record HistoryLine(String metric, double[] values) {}

  /** {@code p}'s section; the datasets' rows are what top values' counts are shares of. */
  static PrefixSection of(PrefixReport p, ColumnIndex index, long trainRows, long predictRows) {
    List<ColumnReport> shown = index.shown(p);
    long shownWithFindings = shown.stream().filter(c -> !c.findings().isEmpty()).count();
    int more = index.withFindings(p.prefix()).size() - (int) shownWithFindings;
    return new PrefixSection(p, SeverityCounts.of(index.findings(p)), aggregates(p.drift().family()), history(p),
        shown.stream().map(c -> ColumnCard.of(c, trainRows, predictRows)).toList(), more);
  }

  /** The most severe finding about the prefix or one of its columns; null when none. */
  Severity worst() {
    return counts.worst();
  }

  /** Whether the section starts open: where something needs a look (info is what the config expects). */
  boolean open() {
    Severity worst = worst();
    return worst != null && worst != Severity.INFO;
  }

  private static List<Aggregate> aggregates(FamilyDrift family) {
    List<Aggregate> out = new ArrayList<>();
    if (family != null) {
      add(out, "total", "row total", family.total());
      add(out, "nonZeroCount", "non-zero count", family.nonZeroCount());
      add(out, "nonZeroMean", "non-zero mean", family.nonZeroMean());
    }
    return out;
  }

  private static void add(List<Aggregate> out, String name, String heading, ColumnDrift drift) {
    if (drift != null) {
      out.add(new Aggregate(name, heading,
          new Chart.Histogram(Chart.values(drift.bins()), Chart.values(drift.p()), Chart.values(drift.q())),
          DriftFigures.of(drift)));
    }
  }

  private static List<HistoryLine> history(PrefixReport p) {
    if (p.history() == null || p.history().metrics() == null) {
      return List.of();
    }
    List<HistoryLine> out = new ArrayList<>();
    p.history().metrics().forEach((metric, values) -> out.add(new HistoryLine(metric, Chart.values(values))));
    return out;
  }
}
