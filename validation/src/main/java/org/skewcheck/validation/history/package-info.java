/**
 * The run history: one {@link org.skewcheck.validation.history.RunRecord} per successful run, and
 * {@link org.skewcheck.validation.history.HistoryCheck}, which compares a run's per-prefix metrics
 * with the earlier runs' and adds "anomalous vs history" findings and sparkline series to the report.
 */
package org.skewcheck.validation.history;
