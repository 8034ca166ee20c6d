/**
 * Checks that compare the train and predict profiles and the findings they raise. A {@link
 * org.skewcheck.validation.check.Comparison} holds the two profiles, the config and what is derived
 * from them once (each column's prefix, role and type, the features, the drift measures of {@code
 * drift}, a prefix's row rates); every check is a {@link
 * org.skewcheck.validation.check.ProfileCheck} that reads it: what reading found, the duplicate
 * checks, schema and type checks, the config's rules, the paired sparsity / constancy check, the
 * drift checks of columns and of whole families, unseen categories and the model's scores. {@link
 * org.skewcheck.validation.check.CheckRunner} runs them all and groups the findings by cause. Also
 * here: what the checks share (binomial tails, the Benjamini-Hochberg correction, the reading of the
 * config's expected declarations).
 */
package org.skewcheck.validation.check;
