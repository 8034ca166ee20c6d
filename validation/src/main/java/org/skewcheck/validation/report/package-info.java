/**
 * The report of two dataset profiles ({@link org.skewcheck.validation.report.CompareProfiles}, which
 * runs the checks on their comparison), its model (schema version 1 of {@code report.json}), its JSON
 * rendering and its HTML page ({@link org.skewcheck.validation.report.ReportHtml}, with inline-SVG
 * charts).
 */
package org.skewcheck.validation.report;
