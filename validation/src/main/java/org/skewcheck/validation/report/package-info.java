/**
 * The report: the comparison of two dataset profiles ({@link org.skewcheck.validation.report.CompareProfiles}),
 * its model (schema version 1 of {@code report.json}), its JSON rendering and its HTML page
 * ({@link org.skewcheck.validation.report.ReportHtml}, with inline-SVG charts).
 */
package org.skewcheck.validation.report;
