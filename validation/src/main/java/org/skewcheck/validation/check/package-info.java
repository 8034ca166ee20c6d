/**
 * Checks that compare the train and predict profiles and the findings they raise: the paired
 * sparsity / constancy check, the paired duplicate check, the drift checks of columns and of whole
 * families (on the measures of {@code drift}), schema and type checks, and what they share
 * (binomial tails, the Benjamini-Hochberg correction, the reading of the config's expected
 * declarations).
 */
package org.skewcheck.validation.check;
