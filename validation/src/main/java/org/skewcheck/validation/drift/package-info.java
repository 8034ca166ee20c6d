/**
 * Drift measures of a numeric column between train and predict, from the two column profiles alone
 * (no raw values): train-decile bins ({@link org.skewcheck.validation.drift.Bins}), PSI,
 * Jensen-Shannon divergence, the Kolmogorov-Smirnov statistic and the p-values that say whether a
 * difference could be sampling noise ({@link org.skewcheck.validation.drift.NumericDrift}, built on
 * the formulas of {@link org.skewcheck.validation.drift.DriftMeasures}), of a categorical column over
 * train's top values ({@link org.skewcheck.validation.drift.CategoricalDrift}; either is a {@link
 * org.skewcheck.validation.drift.ColumnDrift}), and of a whole family through its row aggregates
 * ({@link org.skewcheck.validation.drift.FamilyDrift}). The comparison takes them once ({@link
 * org.skewcheck.validation.check.Comparison}); deciding what is a finding
 * is the checks' job ({@link org.skewcheck.validation.check.DriftCheck}, {@link
 * org.skewcheck.validation.check.FamilyDriftCheck}).
 */
package org.skewcheck.validation.drift;
