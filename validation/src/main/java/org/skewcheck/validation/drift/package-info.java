/**
 * Drift measures of a numeric column between train and predict, from the two column profiles alone
 * (no raw values): train-decile bins ({@link org.skewcheck.validation.drift.Bins}), PSI,
 * Jensen-Shannon divergence, the Kolmogorov-Smirnov statistic and the p-values that say whether a
 * difference could be sampling noise ({@link org.skewcheck.validation.drift.NumericDrift}, built on
 * the formulas of {@link org.skewcheck.validation.drift.DriftMeasures}), and of a whole family through
 * its row aggregates ({@link org.skewcheck.validation.drift.FamilyDrift}). Deciding what is a finding
 * is the checks' job ({@link org.skewcheck.validation.check.DriftCheck}, {@link
 * org.skewcheck.validation.check.FamilyDriftCheck}).
 */
package org.skewcheck.validation.drift;
