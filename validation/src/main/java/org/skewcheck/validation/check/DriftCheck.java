package org.skewcheck.validation.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.drift.CategoricalDrift;
import org.skewcheck.validation.drift.ColumnDrift;
import org.skewcheck.validation.drift.NumericDrift;
import org.skewcheck.validation.stats.Categories;
import org.skewcheck.validation.stats.Dataset;
import org.skewcheck.validation.stats.Numbers;

/**
 * The drift check: which feature columns moved between train and predict, by how much and by which
 * measure, read from the comparison's {@link Comparison#columnDrift()} ({@link NumericDrift}: PSI, JS
 * and KS on train-decile bins; {@link CategoricalDrift}: PSI and L∞ over train's top values, for the
 * columns {@link ColumnType} calls categorical).
 *
 * <p>A column drifted only when an effect size reaches its threshold <em>and</em> its test is
 * significant after a Benjamini-Hochberg correction over the columns tested at {@code drift.fdr}:
 * the chi-square test of the binned counts is the significance of PSI and JS, the KS p-value that
 * of KS's D. Small prediction sets make big-looking effects noise (a tag in 3% of 5,000 training
 * rows, absent from 100 new rows, has PSI ≈ 0.17 by chance alone) and large ones make tiny effects
 * significant; requiring both keeps a random split of one dataset free of findings. PSI from {@code
 * drift.psiError} is an error, from {@code drift.psiWarning} a warning; JS from {@code drift.js} or
 * D from {@code drift.ks} alone a warning; a categorical column's L∞ from {@code drift.linfError} is an
 * error, from {@code drift.linfWarning} a warning, and its chi-square test of the category counts
 * joins the numeric columns' chi-square tests in one correction. Which columns are tested is the
 * comparison's: id-like columns, for one, are not ({@link Comparison#untestedReasons()}). A column
 * whose prefix the config declares expected-constant
 * or expected-sparse, in either dataset, gets an info finding naming the declaration instead: a
 * pinned or emptied family moves its distributions by design, so such columns are also corrected
 * as a family of their own rather than loosening the correction for the others. One finding per
 * drifted column.
 *
 * <pre>{@code
 * List<Finding> drifted = new DriftCheck().check(comparison);
 * }</pre>
 */
public final class DriftCheck implements ProfileCheck {
  @Override
  public List<Finding> check(Comparison comparison) {
    SkewConfig.Drift thresholds = comparison.config().drift();
    Declarations declarations = new Declarations(comparison.config());
    Map<String, ColumnDrift> tested = comparison.columnDrift();

    // Any declaration of a family explains its distributions moving: pinned (constant) or emptied
    // (sparse), in either dataset. Columns of declared families are corrected apart from the others:
    // they move by design, and their tiny p-values would loosen Benjamini-Hochberg for every other
    // column (with 7 pinned one-hot columns among 16, a same-distribution column at p = 0.02 passed).
    Map<String, String> declared = new TreeMap<>();
    for (String name : tested.keySet()) {
      String declaration = declarations.explaining(comparison.columns().get(name).prefix(), Dataset.PREDICT,
          (dataset, kind) -> true);
      if (declaration != null) {
        declared.put(name, declaration);
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (boolean ofDeclaredFamilies : new boolean[] {false, true}) {
      List<String> names = tested.keySet().stream().filter(n -> declared.containsKey(n) == ofDeclaredFamilies)
          .toList();
      List<String> numeric = names.stream().filter(n -> tested.get(n) instanceof NumericDrift).toList();
      double[] ksAdjusted = Statistics.benjaminiHochberg(
          numeric.stream().mapToDouble(n -> ((NumericDrift) tested.get(n)).ksPValue()).toArray());
      Map<String, Double> ksAdjustedOf = new TreeMap<>();
      for (int i = 0; i < numeric.size(); i++) {
        ksAdjustedOf.put(numeric.get(i), ksAdjusted[i]);
      }
      // One correction over every chi-square test, numeric and categorical: the columns tested together.
      double[] chiSquareAdjusted = Statistics.benjaminiHochberg(
          names.stream().mapToDouble(n -> tested.get(n).chiSquarePValue()).toArray());
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        Comparison.Column column = comparison.columns().get(name);
        Finding f = tested.get(name) instanceof NumericDrift d
            ? finding(thresholds, name, d, NumericDrift.direction(column.train(), column.predict()),
                ksAdjustedOf.get(name), chiSquareAdjusted[i], declared.get(name))
            : finding(thresholds, name, (CategoricalDrift) tested.get(name), chiSquareAdjusted[i], declared.get(name));
        if (f != null) {
          findings.add(f);
        }
      }
    }
    return findings;
  }

  /**
   * One sentence per measure for {@code report.json}'s {@code measures} section, with this config's
   * thresholds, so a reader never has to guess what a number means.
   */
  public static Map<String, String> definitions(SkewConfig config) {
    SkewConfig.Drift d = config.drift();
    Map<String, String> m = new LinkedHashMap<>();
    m.put("bins", "Bins of a numeric column are (-inf, e1], (e1, e2], ..., (ek, +inf) with edges e1 < ... < ek the"
        + " distinct train deciles (quantile ranks 0.1 ... 0.9 of the train profile: exact for columns with at most"
        + " 16 distinct values, else from a DDSketch of relative accuracy 0.1%), and p and q are train's and predict's shares of numeric"
        + " values per bin (missing values are not binned); each tested column's drift lists them as p and q.");
    m.put("psi", "PSI = sum over bins of (q - p) * ln(q / p), natural log, with a zero proportion replaced by 1e-4.");
    m.put("js", "JS = Jensen-Shannon divergence in base 2 on the same bins, 0.5 * sum p * log2(p / m) + 0.5 * sum"
        + " q * log2(q / m) with m = (p + q) / 2, from 0 (same distribution) to 1 (disjoint).");
    m.put("ks", "KS = sup |F_train(x) - F_predict(x)| of the two cumulative distributions, evaluated at and just"
        + " below every train edge, every predict percentile 0.01 ... 0.99, each side's minimum and maximum, and every"
        + " value of a side with at most 16 distinct values.");
    m.put("ksPValue", "The KS p-value is the asymptotic Kolmogorov tail Q(lambda) = 2 * sum_j (-1)^(j-1) *"
        + " exp(-2 * j^2 * lambda^2) at lambda = (sqrt(ne) + 0.12 + 0.11 / sqrt(ne)) * D, ne = n * m / (n + m) for n"
        + " train and m predict numeric values (Stephens' small-sample correction; conservative when values repeat).");
    m.put("chiSquarePValue", "The chi-square p-value tests the homogeneity of the 2 x k table of binned counts"
        + " (proportions times numeric values) against chi-square with k - 1 degrees of freedom, k the bins holding"
        + " any value, and is the larger of the p-values of Pearson's X2 = sum (O - E)^2 / E and of the"
        + " likelihood-ratio G = 2 * sum O * ln(O / E) (each runs liberal in one direction when bins expect few"
        + " values); it is the significance of PSI and JS.");
    m.put("categories", String.format(Locale.ROOT, "Categories of a categorical column (one with text values in"
        + " train, or in predict when train has none; its numbers count as categories too, integers written"
        + " without a decimal point) are train's %d most frequent values plus '%s' for every other value, predict's"
        + " new values included; p and q are train's and predict's shares of present values per category. Counts"
        + " are exact up to %d distinct values, else frequent-items sketch estimates.", CategoricalDrift.CATEGORIES,
        CategoricalDrift.OTHER, Categories.EXACT_VALUES));
    m.put("categoricalPsi", "PSI of a categorical column is the same formula over its categories: sum of (q - p) *"
        + " ln(q / p), natural log, a zero proportion replaced by 1e-4.");
    m.put("linf", "L-inf = max over categories of |p - q|: the largest share of values that moved into or out of"
        + " one category.");
    m.put("categoricalChiSquarePValue", "The chi-square p-value of a categorical column is the same test on the"
        + " 2 x k table of category counts; it is the significance of its PSI and L-inf.");
    m.put("idLike", String.format(Locale.ROOT, "A column is id-like, profiled but not drift-tested, when train's"
        + " distinct count (exact up to %d values, else a Theta-sketch estimate) is at least %s of its present values and"
        + " they number at least %d; a numeric column only when all its values are integers (ids, timestamps).",
        Categories.EXACT_VALUES, Numbers.plain(d.idLikeShare()), d.idLikeMinValues()));
    m.put("drifted", String.format(Locale.ROOT, "A column drifted when an effect reaches its threshold and its test"
        + " is significant after a Benjamini-Hochberg correction over the columns tested at q = %s (chi-square"
        + " p-values, numeric and categorical columns together, for PSI, JS and L-inf; KS p-values for KS): PSI >= %s"
        + " or L-inf >= %s is an error; PSI >= %s, JS >= %s, KS >= %s or L-inf >= %s a warning; info when the config"
        + " declares the column's prefix expected-constant or expected-sparse (those columns are corrected apart from"
        + " the others); columns with fewer than %d numeric (categorical: present) values on a side are not tested.",
        Numbers.plain(d.fdr()), Numbers.plain(d.psiError()), Numbers.plain(d.linfError()), Numbers.plain(d.psiWarning()), Numbers.plain(d.js()), Numbers.plain(d.ks()),
        Numbers.plain(d.linfWarning()), NumericDrift.MIN_VALUES));
    return m;
  }

  /** The categorical column's finding, or null when no effect is both large enough and significant. */
  private static Finding finding(SkewConfig.Drift thresholds, String name, CategoricalDrift d,
      double chiSquareAdjusted, String declared) {
    if (!(chiSquareAdjusted < thresholds.fdr())) {
      return null;
    }
    List<String> triggers = new ArrayList<>();
    Severity severity = null;
    if (d.psi() >= thresholds.psiWarning()) {
      boolean error = d.psi() >= thresholds.psiError();
      triggers.add(String.format(Locale.ROOT, "PSI %.3f >= %s", d.psi(),
          Numbers.plain(error ? thresholds.psiError() : thresholds.psiWarning())));
      severity = error ? Severity.ERROR : Severity.WARNING;
    }
    if (d.linf() >= thresholds.linfWarning()) {
      boolean error = d.linf() >= thresholds.linfError();
      triggers.add(String.format(Locale.ROOT, "L-inf %.3f >= %s", d.linf(),
          Numbers.plain(error ? thresholds.linfError() : thresholds.linfWarning())));
      severity = error || severity == Severity.ERROR ? Severity.ERROR : Severity.WARNING;
    }
    if (severity == null) {
      return null;
    }
    double[] p = d.trainProportions();
    double[] q = d.predictProportions();
    int moved = 0;
    for (int i = 1; i < p.length; i++) {
      if (Math.abs(p[i] - q[i]) > Math.abs(p[moved] - q[moved])) {
        moved = i;
      }
    }
    String message = String.format(Locale.ROOT,
        "%s drifted: %s; '%s' went from %.1f%% to %.1f%%; chi-square p=%.2g (adjusted %.2g); %d train vs %d"
            + " predict values", name, String.join(", ", triggers), d.categories().get(moved), 100 * p[moved],
        100 * q[moved], d.chiSquarePValue(), chiSquareAdjusted, d.trainN(), d.predictN())
        + (declared == null ? "" : "; expected: " + declared);
    Figures figures = new Figures();
    figures.put("psi", d.psi());
    figures.put("linf", d.linf());
    figures.put("category", d.categories().get(moved));
    figures.put("trainFraction", p[moved]);
    figures.put("predictFraction", q[moved]);
    figures.put("chiSquarePValue", d.chiSquarePValue());
    figures.put("chiSquarePValueAdjusted", chiSquareAdjusted);
    figures.put("trainN", d.trainN());
    figures.put("predictN", d.predictN());
    figures.probability(d.chiSquarePValue());
    if (declared != null) {
      figures.put("declared", declared);
    }
    return new Finding(Check.DRIFT, Scope.COLUMN, name, declared == null ? severity : Severity.INFO, message, figures);
  }

  /** The numeric column's finding, or null when no effect is both large enough and significant. */
  private static Finding finding(SkewConfig.Drift thresholds, String name, NumericDrift d, int direction,
      double ksAdjusted, double chiSquareAdjusted, String declared) {
    boolean binsSignificant = chiSquareAdjusted < thresholds.fdr();
    boolean ksSignificant = ksAdjusted < thresholds.fdr();
    List<String> triggers = new ArrayList<>();
    Severity severity = null;
    if (binsSignificant && d.psi() >= thresholds.psiWarning()) {
      boolean error = d.psi() >= thresholds.psiError();
      triggers.add(String.format(Locale.ROOT, "PSI %.3f >= %s", d.psi(),
          Numbers.plain(error ? thresholds.psiError() : thresholds.psiWarning())));
      severity = error ? Severity.ERROR : Severity.WARNING;
    }
    if (binsSignificant && d.js() >= thresholds.js()) {
      triggers.add(String.format(Locale.ROOT, "JS %.3f >= %s", d.js(), Numbers.plain(thresholds.js())));
      severity = severity == null ? Severity.WARNING : severity;
    }
    if (ksSignificant && d.ks() >= thresholds.ks()) {
      triggers.add(String.format(Locale.ROOT, "KS %.3f >= %s", d.ks(), Numbers.plain(thresholds.ks())));
      severity = severity == null ? Severity.WARNING : severity;
    }
    if (severity == null) {
      return null;
    }
    boolean byBins = binsSignificant && (d.psi() >= thresholds.psiWarning() || d.js() >= thresholds.js());
    boolean byKs = ksSignificant && d.ks() >= thresholds.ks();
    double probability = Math.min(byBins ? d.chiSquarePValue() : 1, byKs ? d.ksPValue() : 1);

    String message = String.format(Locale.ROOT,
        "%s drifted: %s; chi-square p=%.2g (adjusted %.2g), KS p=%.2g (adjusted %.2g); %d train vs %d predict values",
        name, String.join(", ", triggers), d.chiSquarePValue(), chiSquareAdjusted, d.ksPValue(), ksAdjusted,
        d.trainN(), d.predictN()) + (declared == null ? "" : "; expected: " + declared);
    Figures figures = new Figures();
    figures.put("psi", d.psi());
    figures.put("js", d.js());
    figures.put("ks", d.ks());
    figures.put("ksPValue", d.ksPValue());
    figures.put("ksPValueAdjusted", ksAdjusted);
    figures.put("chiSquarePValue", d.chiSquarePValue());
    figures.put("chiSquarePValueAdjusted", chiSquareAdjusted);
    figures.put("trainN", d.trainN());
    figures.put("predictN", d.predictN());
    if (direction != 0) {
      figures.put("direction", direction > 0 ? "up" : "down");
    }
    figures.probability(probability);
    if (declared != null) {
      figures.put("declared", declared);
    }
    return new Finding(Check.DRIFT, Scope.COLUMN, name, declared == null ? severity : Severity.INFO, message, figures);
  }
}
