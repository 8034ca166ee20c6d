/**
 * Checks that compare the train and predict profiles and the findings they raise: the paired
 * sparsity / constancy check, schema and type checks, and the statistics they share (binomial
 * tails, Benjamini-Hochberg correction).
 */
package org.skewcheck.validation.check;
