package org.skewcheck.validation.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skewcheck.validation.check.Finding;
import org.skewcheck.validation.report.Report.ColumnReport;
import org.skewcheck.validation.report.Report.PrefixReport;

/**
 * A report's columns by name and, per prefix, its columns with findings in the order of their
 * first finding in the report (most severe first): which columns a prefix's section shows, and
 * which findings count towards a prefix.
 *
 * <pre>{@code
 * ColumnIndex index = new ColumnIndex(report);
 * index.shown(prefix);      // its columns with findings, then its worst-drifted
 * index.findings(prefix);   // the prefix's findings and its columns'
 * }</pre>
 */
final class ColumnIndex {
  private final Map<String, ColumnReport> byName = new HashMap<>();
  private final Map<String, List<ColumnReport>> withFindings = new HashMap<>();

  ColumnIndex(Report report) {
    for (ColumnReport c : report.columns()) {
      byName.put(c.name(), c);
      if (!c.findings().isEmpty()) {
        withFindings.computeIfAbsent(c.prefix(), k -> new ArrayList<>()).add(c);
      }
    }
    Map<String, Integer> firstFinding = new HashMap<>();
    List<Finding> findings = report.findings();
    for (int i = 0; i < findings.size(); i++) {
      firstFinding.putIfAbsent(findings.get(i).target(), i);
    }
    Comparator<ColumnReport> byFinding = Comparator.comparingInt(
        c -> firstFinding.getOrDefault(c.name(), Integer.MAX_VALUE));
    withFindings.values().forEach(list -> list.sort(byFinding));
  }

  /** The prefix's columns that have findings, in the order of their first finding in the report. */
  List<ColumnReport> withFindings(String prefix) {
    return withFindings.getOrDefault(prefix, List.of());
  }

  /**
   * The columns {@code p}'s section shows: its columns with findings, then its worst-drifted; at
   * most {@link ReportHtml#COLUMNS_PER_PREFIX}.
   */
  List<ColumnReport> shown(PrefixReport p) {
    Map<String, ColumnReport> shown = new LinkedHashMap<>();
    for (ColumnReport c : withFindings(p.prefix())) {
      shown.putIfAbsent(c.name(), c);
    }
    for (String worst : p.drift().worstColumns()) {
      ColumnReport c = byName.get(worst);
      if (c != null) {
        shown.putIfAbsent(worst, c);
      }
    }
    return shown.values().stream().limit(ReportHtml.COLUMNS_PER_PREFIX).toList();
  }

  /** The findings about {@code p}: its own, then its columns'. */
  List<Finding> findings(PrefixReport p) {
    List<Finding> all = new ArrayList<>(p.findings());
    withFindings(p.prefix()).forEach(c -> all.addAll(c.findings()));
    return all;
  }
}
