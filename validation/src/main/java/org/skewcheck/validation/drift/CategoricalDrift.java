package org.skewcheck.validation.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.skewcheck.validation.stats.Categories;
import org.skewcheck.validation.stats.ColumnStats;

/**
 * The drift of one categorical column from train to predict, computed from the two profiles alone.
 *
 * <p>The categories are train's {@link #CATEGORIES} most frequent values plus {@link #OTHER}, every
 * other value (predict's new values land there); p and q are train's and predict's shares of present
 * values (numbers and text) per category. PSI is {@link DriftMeasures#psi}, L∞ = max |p − q|, and
 * the chi-square test of the category counts ({@link DriftMeasures#chiSquarePValue}) is their
 * significance. Counts are exact while a column has at most {@link Categories#EXACT_VALUES}
 * distinct values, else the frequent-items sketches' estimates.
 *
 * <pre>{@code
 * CategoricalDrift d = CategoricalDrift.between(train, predict);  // both with at least 2 present values
 * d.psi(); d.linf(); d.chiSquarePValue(); d.categories();
 * }</pre>
 *
 * @param categories train's top values, then {@link #OTHER} (absent when train has no other value)
 * @param shares each side's share of present values per category
 * @param trainN present values in train
 * @param predictN present values in predict
 */
public record CategoricalDrift(double psi, double linf, double chiSquarePValue, List<String> categories,
    Shares shares, long trainN, long predictN) implements ColumnDrift {

  /** How many of train's most frequent values are categories of their own. */
  public static final int CATEGORIES = 20;
  /** The name of the category of all other values. */
  public static final String OTHER = "(other)";
  /** Fewest present values each side needs to be tested. */
  public static final long MIN_VALUES = 2;

  public CategoricalDrift {
    categories = List.copyOf(categories);
  }

  /** The measures of {@code predict} against {@code train}; each needs at least {@link #MIN_VALUES} present values. */
  public static CategoricalDrift between(ColumnStats train, ColumnStats predict) {
    if (train.present() < MIN_VALUES || predict.present() < MIN_VALUES) {
      throw new IllegalArgumentException("drift needs at least " + MIN_VALUES + " present values on each side, got "
          + train.present() + " and " + predict.present());
    }
    List<String> categories = new ArrayList<>();
    train.topValues(CATEGORIES).forEach(v -> categories.add(v.value()));
    double[] p = shares(train, categories);
    double[] q = shares(predict, categories);
    if (p[categories.size()] > 0 || q[categories.size()] > 0) {
      categories.add(OTHER);
    } else {
      p = Arrays.copyOf(p, categories.size());
      q = Arrays.copyOf(q, categories.size());
    }
    double linf = 0;
    for (int i = 0; i < p.length; i++) {
      linf = Math.max(linf, Math.abs(p[i] - q[i]));
    }
    return new CategoricalDrift(DriftMeasures.psi(p, q), linf,
        DriftMeasures.chiSquarePValue(p, train.present(), q, predict.present()), categories, new Shares(p, q),
        train.present(), predict.present());
  }

  /** Shares of {@code column}'s present values in each category, then the rest (clamped at 0). */
  private static double[] shares(ColumnStats column, List<String> categories) {
    double n = column.present();
    double[] out = new double[categories.size() + 1];
    double sum = 0;
    for (int i = 0; i < categories.size(); i++) {
      out[i] = Math.min(1, column.countOfCategory(categories.get(i)) / n);
      sum += out[i];
    }
    out[categories.size()] = Math.max(0, 1 - sum);
    return out;
  }
}
