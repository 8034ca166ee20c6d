/**
 * The report of two dataset profiles ({@link org.skewcheck.validation.report.CompareProfiles}, which
 * runs the checks on their comparison), its model (schema version 1 of {@code report.json}), its JSON
 * rendering and its HTML page: the page's view model ({@code ReportView} and its parts), its markup
 * ({@link org.skewcheck.validation.report.ReportHtml}, with inline-SVG charts) and its stylesheet
 * (the resource {@code report.css}).
 */
package org.skewcheck.validation.report;
