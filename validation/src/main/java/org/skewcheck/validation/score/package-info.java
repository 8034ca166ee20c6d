/**
 * Model scores and their attribution: the mergeable per-dataset score summary (score distribution,
 * mean SHAP contribution per prefix) and the comparison of train's with predict's (report.json's
 * {@code scores}), which the score check ({@code check.ScoreCheck}) reads.
 */
package org.skewcheck.validation.score;
