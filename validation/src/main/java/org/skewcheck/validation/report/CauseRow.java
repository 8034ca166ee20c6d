package org.skewcheck.validation.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.skewcheck.validation.check.Finding;

/**
 * One row of the page's findings table: a finding that is a cause of its own, and the findings
 * folded under it (their {@code explainedBy} names it), in report order.
 *
 * <pre>{@code
 * List<CauseRow> rows = CauseRow.of(report.findings());
 * rows.get(0).folded().size();   // 14: LG's column findings under LG's sparsity finding
 * }</pre>
 */
record CauseRow(Finding cause, List<Finding> folded) {

  CauseRow {
    folded = List.copyOf(folded);
  }

  /** One row per finding that is not folded under another, in the order of {@code findings}. */
  static List<CauseRow> of(List<Finding> findings) {
    Map<Finding.Cause, List<Finding>> folded = new HashMap<>();
    List<Finding> causes = new ArrayList<>();
    for (Finding f : findings) {
      if (f.explainedBy() == null) {
        causes.add(f);
      } else {
        folded.computeIfAbsent(f.explainedBy(), k -> new ArrayList<>()).add(f);
      }
    }
    return causes.stream().map(c -> new CauseRow(c, folded.getOrDefault(c.asCause(), List.of()))).toList();
  }
}
