package org.skewcheck.validation.report;

import java.util.Optional;
import org.skewcheck.validation.check.Severity;
import org.skewcheck.validation.report.Report.ColumnReport;

/**
 * A column's card in its prefix's section: the column, the colour of its most severe finding, its
 * first findings' messages, its chart and its drift figures.
 *
 * @param severity its most severe finding's; null when it has none
 */
record ColumnCard(ColumnReport column, Severity severity, Messages messages, Optional<Chart> chart,
    DriftFigures drift) {
  /** Findings' messages shown on a card. */
  static final int CARD_FINDINGS = 3;

  /** {@code c}'s card; the datasets' rows are what its top values' counts are shares of. */
  static ColumnCard of(ColumnReport c, long trainRows, long predictRows) {
    Severity severity = c.findings().isEmpty() ? null : c.findings().get(0).severity();
    return new ColumnCard(c, severity, Messages.of(c.findings(), CARD_FINDINGS),
        Chart.of(c, trainRows, predictRows), DriftFigures.of(c.drift()));
  }
}
