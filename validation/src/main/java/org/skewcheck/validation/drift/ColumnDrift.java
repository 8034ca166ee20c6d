package org.skewcheck.validation.drift;

/**
 * The drift of one tested column from train to predict: {@link NumericDrift} for a numeric column
 * (train-decile bins), {@link CategoricalDrift} for a categorical one (train's top values). Both
 * have a PSI over their bins or categories, the chi-square test of the binned counts, each side's
 * share per bin or category and each side's count of values compared.
 *
 * <pre>{@code
 * ColumnDrift d = comparison.columnDrift().get("IQ_blur");
 * d.psi();
 * if (d instanceof NumericDrift n) { n.ks(); }
 * }</pre>
 */
public sealed interface ColumnDrift permits NumericDrift, CategoricalDrift {
  /** PSI over the bins or categories. */
  double psi();

  /** The chi-square p-value of the binned counts: the significance of PSI. */
  double chiSquarePValue();

  /** Each side's share of values per bin or category. */
  Shares shares();

  /** Train's share of values per bin or category (p). */
  default double[] trainProportions() {
    return shares().train();
  }

  /** Predict's share of values per bin or category (q). */
  default double[] predictProportions() {
    return shares().predict();
  }

  /** Train's values compared: numbers for a numeric column, present values for a categorical one. */
  long trainN();

  /** Predict's values compared, counted as {@link #trainN()} is. */
  long predictN();
}
