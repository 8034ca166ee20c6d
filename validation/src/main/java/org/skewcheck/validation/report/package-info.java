/**
 * The report: the comparison of two dataset profiles ({@link org.skewcheck.validation.report.CompareProfiles}),
 * its model (schema version 1 of {@code report.json}) and its JSON rendering.
 */
package org.skewcheck.validation.report;
