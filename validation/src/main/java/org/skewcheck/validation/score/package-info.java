/**
 * Model scores and their attribution: the mergeable per-dataset score summary (score distribution,
 * mean SHAP contribution per prefix) and the score check that compares train with predict.
 */
package org.skewcheck.validation.score;
