package org.skewcheck.validation.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.drift.NumericDrift;
import org.skewcheck.validation.stats.ColumnStats;
import org.skewcheck.validation.stats.DatasetProfile;

/**
 * The drift check: which numeric feature columns moved between train and predict, by how much and
 * by which measure ({@link NumericDrift}: PSI, JS and KS on train-decile bins).
 *
 * <p>A column drifted only when an effect size reaches its threshold <em>and</em> its test is
 * significant after a Benjamini-Hochberg correction over the columns tested at {@code drift.fdr}:
 * the chi-square test of the binned counts is the significance of PSI and JS, the KS p-value that
 * of KS's D. Small prediction sets make big-looking effects noise (a tag in 3% of 5,000 training
 * rows, absent from 100 new rows, has PSI ≈ 0.17 by chance alone) and large ones make tiny effects
 * significant; requiring both keeps a random split of one dataset free of findings. PSI from {@code
 * drift.psiError} is an error, from {@code drift.psiWarning} a warning; JS from {@code drift.js} or
 * D from {@code drift.ks} alone a warning. A column whose prefix the config declares expected-constant
 * or expected-sparse, in either dataset, gets an info finding naming the declaration instead: a
 * pinned or emptied family moves its distributions by design, so such columns are also corrected
 * as a family of their own rather than loosening the correction for the others. One finding per
 * drifted column.
 *
 * <pre>{@code
 * DriftCheck.Result drift = new DriftCheck(config).run(train, predict, features);
 * drift.findings();  drift.tested().get("IQ_blur").psi();  drift.untested().get("WI_rare");
 * }</pre>
 */
public final class DriftCheck {
  /**
   * What the check measured.
   *
   * @param tested each tested column's measures, by column name
   * @param untested for every other column of either dataset, why it was not tested
   * @param drifted the columns with a drift finding, whatever its severity
   */
  public record Result(List<Finding> findings, Map<String, NumericDrift> tested, Map<String, String> untested,
      Set<String> drifted) {}

  private final SkewConfig config;
  private final Declarations declarations;

  public DriftCheck(SkewConfig config) {
    this.config = config;
    this.declarations = new Declarations(config);
  }

  /** Tests the numeric feature columns present in both datasets; says why any other column was not tested. */
  public Result run(DatasetProfile train, DatasetProfile predict, Set<String> featureColumns) {
    Map<String, String> prefixOf = new TreeMap<>();
    for (DatasetProfile d : List.of(train, predict)) {
      d.prefixes().forEach((prefix, stats) -> stats.columns().keySet().forEach(c -> prefixOf.putIfAbsent(c, prefix)));
    }
    Map<String, ColumnStats> t = train.columns();
    Map<String, ColumnStats> p = predict.columns();
    Map<String, NumericDrift> tested = new TreeMap<>();
    Map<String, String> untested = new TreeMap<>();
    for (String name : prefixOf.keySet()) {
      String reason = untestedReason(name, t.get(name), p.get(name), featureColumns);
      if (reason != null) {
        untested.put(name, reason);
      } else {
        tested.put(name, NumericDrift.between(t.get(name), p.get(name)));
      }
    }

    // Any declaration of a family explains its distributions moving: pinned (constant) or emptied
    // (sparse), in either dataset. Columns of declared families are corrected apart from the others:
    // they move by design, and their tiny p-values would loosen Benjamini-Hochberg for every other
    // column (with 7 pinned one-hot columns among 16, a same-distribution column at p = 0.02 passed).
    Map<String, String> declared = new TreeMap<>();
    for (String name : tested.keySet()) {
      String declaration = declarations.explaining(prefixOf.get(name), "predict", (dataset, kind) -> true);
      if (declaration != null) {
        declared.put(name, declaration);
      }
    }
    List<Finding> findings = new ArrayList<>();
    Set<String> drifted = new TreeSet<>();
    for (boolean ofDeclaredFamilies : new boolean[] {false, true}) {
      List<String> names = tested.keySet().stream()
          .filter(n -> declared.containsKey(n) == ofDeclaredFamilies).toList();
      double[] ksAdjusted = Statistics.benjaminiHochberg(
          names.stream().mapToDouble(n -> tested.get(n).ksPValue()).toArray());
      double[] chiSquareAdjusted = Statistics.benjaminiHochberg(
          names.stream().mapToDouble(n -> tested.get(n).chiSquarePValue()).toArray());
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        Finding f = finding(name, tested.get(name), ksAdjusted[i], chiSquareAdjusted[i], declared.get(name));
        if (f != null) {
          findings.add(f);
          drifted.add(name);
        }
      }
    }
    return new Result(List.copyOf(findings), Collections.unmodifiableMap(tested),
        Collections.unmodifiableMap(untested), Collections.unmodifiableSet(drifted));
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
        + " 16 distinct values, else from a KLL sketch), and p and q are train's and predict's shares of numeric"
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
    m.put("drifted", String.format(Locale.ROOT, "A column drifted when an effect reaches its threshold and its test"
        + " is significant after a Benjamini-Hochberg correction over the columns tested at q = %s (chi-square"
        + " p-values for PSI and JS, KS p-values for KS): PSI >= %s is an error; PSI >= %s, JS >= %s or KS >= %s a"
        + " warning; info when the config declares the column's prefix expected-constant or expected-sparse (those"
        + " columns are corrected apart from the others); columns with fewer than %d numeric values on a side are not"
        + " tested.", num(d.fdr()), num(d.psiError()),
        num(d.psiWarning()), num(d.js()), num(d.ks()), NumericDrift.MIN_VALUES));
    return m;
  }

  private String untestedReason(String name, ColumnStats t, ColumnStats p, Set<String> featureColumns) {
    if (!featureColumns.contains(name)) {
      return "not a feature (" + config.columns().roleOf(name) + ")";
    }
    if (t == null || p == null) {
      return "only in " + (t == null ? "predict" : "train");
    }
    for (ColumnStats side : List.of(t, p)) {
      if (side.count() < NumericDrift.MIN_VALUES) {
        return String.format(Locale.ROOT, "fewer than %d numeric values in %s (%d)", NumericDrift.MIN_VALUES,
            side == t ? "train" : "predict", side.count());
      }
    }
    return null;
  }

  /** The column's finding, or null when no effect is both large enough and significant. */
  private Finding finding(String name, NumericDrift d, double ksAdjusted, double chiSquareAdjusted,
      String declared) {
    SkewConfig.Drift thresholds = config.drift();
    boolean binsSignificant = chiSquareAdjusted < thresholds.fdr();
    boolean ksSignificant = ksAdjusted < thresholds.fdr();
    List<String> triggers = new ArrayList<>();
    Severity severity = null;
    if (binsSignificant && d.psi() >= thresholds.psiWarning()) {
      boolean error = d.psi() >= thresholds.psiError();
      triggers.add(String.format(Locale.ROOT, "PSI %.3f >= %s", d.psi(),
          num(error ? thresholds.psiError() : thresholds.psiWarning())));
      severity = error ? Severity.ERROR : Severity.WARNING;
    }
    if (binsSignificant && d.js() >= thresholds.js()) {
      triggers.add(String.format(Locale.ROOT, "JS %.3f >= %s", d.js(), num(thresholds.js())));
      severity = severity == null ? Severity.WARNING : severity;
    }
    if (ksSignificant && d.ks() >= thresholds.ks()) {
      triggers.add(String.format(Locale.ROOT, "KS %.3f >= %s", d.ks(), num(thresholds.ks())));
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
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("psi", d.psi());
    figures.put("js", d.js());
    figures.put("ks", d.ks());
    figures.put("ksPValue", d.ksPValue());
    figures.put("ksPValueAdjusted", ksAdjusted);
    figures.put("chiSquarePValue", d.chiSquarePValue());
    figures.put("chiSquarePValueAdjusted", chiSquareAdjusted);
    figures.put("trainN", d.trainN());
    figures.put("predictN", d.predictN());
    figures.put("probability", probability);
    if (declared != null) {
      figures.put("declared", declared);
    }
    return new Finding("drift", Scope.COLUMN, name, declared == null ? severity : Severity.INFO, message, figures);
  }

  /** A threshold as written in the config: 0.1, not 0.100000. */
  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
