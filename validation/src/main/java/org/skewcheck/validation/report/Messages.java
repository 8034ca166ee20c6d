package org.skewcheck.validation.report;

import java.util.List;
import org.skewcheck.validation.check.Finding;

/**
 * The findings' messages a card lists, up to a limit, and how many more there are.
 *
 * @param shown the first findings, in report order
 * @param more the findings past the limit, which only the findings table lists
 */
record Messages(List<Finding> shown, int more) {

  Messages {
    shown = List.copyOf(shown);
  }

  static Messages of(List<Finding> findings, int limit) {
    int shown = Math.min(limit, findings.size());
    return new Messages(findings.subList(0, shown), findings.size() - shown);
  }
}
