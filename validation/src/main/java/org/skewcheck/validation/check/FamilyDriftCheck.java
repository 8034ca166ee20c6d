package org.skewcheck.validation.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.drift.FamilyDrift;
import org.skewcheck.validation.drift.NumericDrift;
import org.skewcheck.validation.stats.Dataset;
import org.skewcheck.validation.stats.Numbers;

/**
 * The family drift check: did a family (prefix) move as a whole, even when each of its columns
 * moved too little to be flagged alone? A shift spread thin over 212 sparse columns (each
 * multiplied by 1.3) leaves most of them untestably weak, but adds up in every row.
 *
 * <p>Per family of at least two numeric feature columns, where every column holding numbers is a
 * testable numeric feature in both datasets (an id-like, categorical or non-feature column would
 * swamp the rows' sums, and a column one side lacks would move them by itself), {@link FamilyDrift}
 * gives up to eight tests, all with rows as their unit and so valid however the columns correlate:
 * KS and PSI (with its chi-square test) of each row aggregate (row total, non-zero count, non-zero
 * mean), and Welch's t tests of the means of the row total and of the non-zero log mean (for a
 * family whose numbers in train are all non-negative), whose effects are their shifts in train
 * standard deviations. The log mean's test is the one built for a change of every column at once:
 * a multiplicative change is a pure location shift of it, and it weighs the many small values of a
 * sparse family as much as the few large ones that dominate the total (an additive shift of a
 * sparse family's non-zero values moves it by about three times as many standard deviations as the
 * total). A test triggers when its effect reaches its threshold: the drift check's {@code drift.ks}
 * and {@code drift.psiWarning}, and {@link #MEAN_SHIFT}. The family's p-value is Bonferroni's over
 * its L tests, min(1, L · the smallest p-value of a triggering test) (1 when none triggers): valid
 * under any dependence between the tests, and nearly as strong as the harmonic mean p-value for so
 * few of them. Families are then Benjamini-Hochberg corrected at {@code drift.fdr}, declared
 * families (any {@code expected} declaration) apart from the others as in the drift check; a family
 * drifted when its adjusted p-value is below {@code drift.fdr}. A PSI from {@code drift.psiError}
 * makes it an error, else a warning; info for a declared family. The columns whose means went up
 * and down are counted and named in the message, not tested (see {@link FamilyDrift}).
 *
 * <pre>{@code
 * FamilyDriftCheck.Result family = new FamilyDriftCheck().test(comparison);
 * family.findings();  family.tested().get("FG").drift().total().ks();
 * }</pre>
 */
public final class FamilyDriftCheck implements ProfileCheck {
  /**
   * The mean shift of the row total or of the non-zero log mean, in train standard deviations,
   * from which its Welch test triggers (Cohen's "small").
   */
  public static final double MEAN_SHIFT = 0.2;

  /**
   * What the check measured.
   *
   * @param tested each tested family's figures, by prefix
   */
  public record Result(List<Finding> findings, Map<String, Family> tested) {}

  /**
   * One tested family's figures.
   *
   * @param tests L, the number of tests its p-value is corrected over
   * @param pValue its Bonferroni p-value (1 when no test's effect reached its threshold)
   */
  public record Family(FamilyDrift drift, int tests, double pValue) {}

  /** One of a family's tests: its name, effect, threshold and p-value. */
  private record Test(String name, double effect, double threshold, double pValue, boolean psi) {
    boolean triggers() {
      return Math.abs(effect) >= threshold;
    }
  }

  @Override
  public List<Finding> check(Comparison comparison) {
    return test(comparison).findings();
  }

  /** Tests every family the comparison measured: its findings, and each family's figures. */
  public Result test(Comparison comparison) {
    SkewConfig.Drift thresholds = comparison.config().drift();
    Declarations declarations = new Declarations(comparison.config());
    Map<String, FamilyDrift> tested = comparison.familyDrift();
    Map<String, String> declared = new TreeMap<>();
    tested.keySet().forEach(prefix -> {
      String declaration = declarations.explaining(prefix, Dataset.PREDICT, (dataset, kind) -> true);
      if (declaration != null) {
        declared.put(prefix, declaration);
      }
    });
    List<Finding> findings = new ArrayList<>();
    Map<String, Family> families = new TreeMap<>();
    for (boolean ofDeclared : new boolean[] {false, true}) {
      List<String> prefixes = tested.keySet().stream().filter(f -> declared.containsKey(f) == ofDeclared).toList();
      List<List<Test>> tests = prefixes.stream().map(f -> tests(thresholds, tested.get(f))).toList();
      double[] adjusted = Statistics.benjaminiHochberg(tests.stream().mapToDouble(FamilyDriftCheck::pValue).toArray());
      for (int i = 0; i < prefixes.size(); i++) {
        String prefix = prefixes.get(i);
        families.put(prefix, new Family(tested.get(prefix), tests.get(i).size(), pValue(tests.get(i))));
        if (adjusted[i] < thresholds.fdr()) {
          findings.add(finding(thresholds, prefix, tested.get(prefix), tests.get(i), adjusted[i],
              declared.get(prefix)));
        }
      }
    }
    return new Result(List.copyOf(findings), Collections.unmodifiableMap(families));
  }

  private static List<Test> tests(SkewConfig.Drift thresholds, FamilyDrift d) {
    List<Test> out = new ArrayList<>();
    Map<String, NumericDrift> aggregates = aggregates(d);
    aggregates.forEach((name, a) -> {
      if (a != null) {
        out.add(new Test(name + " KS", a.ks(), thresholds.ks(), a.ksPValue(), false));
        out.add(new Test(name + " PSI", a.psi(), thresholds.psiWarning(), a.chiSquarePValue(), true));
      }
    });
    if (!Double.isNaN(d.meanShift())) {
      out.add(new Test("row total mean shift", d.meanShift(), MEAN_SHIFT, d.meanShiftPValue(), false));
    }
    if (!Double.isNaN(d.logMeanShift())) {
      out.add(new Test("non-zero log mean shift", d.logMeanShift(), MEAN_SHIFT, d.logMeanShiftPValue(), false));
    }
    return out;
  }

  private static Map<String, NumericDrift> aggregates(FamilyDrift d) {
    Map<String, NumericDrift> out = new LinkedHashMap<>();
    out.put("row total", d.total());
    out.put("non-zero count", d.nonZeroCount());
    out.put("non-zero mean", d.nonZeroMean());
    return out;
  }

  /** Bonferroni over the family's tests, taken at the smallest p-value of a triggering test; 1 when none triggers. */
  private static double pValue(List<Test> tests) {
    double smallest = tests.stream().filter(Test::triggers).mapToDouble(Test::pValue).min().orElse(1.0);
    return Math.min(1, tests.size() * smallest);
  }

  private static Finding finding(SkewConfig.Drift thresholds, String prefix, FamilyDrift d, List<Test> tests,
      double adjusted, String declared) {
    List<Test> triggered = tests.stream().filter(Test::triggers).toList();
    boolean error = triggered.stream().anyMatch(t -> t.psi() && t.effect() >= thresholds.psiError());
    double p = pValue(tests);
    int columns = d.columnsUp() + d.columnsDown();
    boolean known = !Double.isNaN(d.meanShift());
    boolean up = d.meanShift() > 0;
    String direction = !known ? "moved" : up ? "shifted up" : "shifted down";
    int sameWay = !known ? Math.max(d.columnsUp(), d.columnsDown()) : up ? d.columnsUp() : d.columnsDown();
    List<String> effects = triggered.stream().map(t -> String.format(Locale.ROOT, "%s %.3f >= %s (p=%.2g)",
        t.name(), Math.abs(t.effect()), Numbers.plain(t.threshold()), t.pValue())).toList();
    String message = String.format(Locale.ROOT,
        "%s: %s in predict — %s; %d of %d columns moved the same way%s; family p=%.2g (Bonferroni over %d tests,"
            + " adjusted %.2g)", prefix, direction, String.join(", ", effects),
        sameWay, columns, known ? " as the row total" : "", p, tests.size(), adjusted)
        + (declared == null ? "" : "; expected: " + declared);
    Figures figures = new Figures();
    aggregates(d).forEach((name, a) -> {
      if (a != null) {
        String key = name.equals("row total") ? "total" : name.equals("non-zero count") ? "nonZeroCount"
            : "nonZeroMean";
        figures.put(key + "Ks", a.ks());
        figures.put(key + "Psi", a.psi());
      }
    });
    figures.put("meanShift", d.meanShift());
    figures.put("meanShiftPValue", d.meanShiftPValue());
    figures.put("logMeanShift", d.logMeanShift());
    figures.put("logMeanShiftPValue", d.logMeanShiftPValue());
    if (known) {
      figures.put("direction", up ? "up" : "down");
    }
    figures.put("columnsUp", d.columnsUp());
    figures.put("columnsDown", d.columnsDown());
    figures.put("tests", tests.size());
    figures.put("pValue", p);
    figures.put("pValueAdjusted", adjusted);
    figures.probability(p);
    if (declared != null) {
      figures.put("declared", declared);
    }
    Severity severity = declared != null ? Severity.INFO : error ? Severity.ERROR : Severity.WARNING;
    return new Finding(Check.FAMILY_DRIFT, Scope.PREFIX, prefix, severity, message, figures);
  }

  /** One sentence per figure of the family test for {@code report.json}'s {@code measures} section. */
  public static Map<String, String> definitions(SkewConfig config) {
    SkewConfig.Drift d = config.drift();
    Map<String, String> m = new LinkedHashMap<>();
    m.put("familyAggregates", "A family's row aggregates are, in each row with any number of the family, the row's"
        + " total (sum of its numbers), its count of non-zero numbers, the mean of its non-zero numbers and their"
        + " log mean, the mean of ln |x| over them (both missing without one); they are profiled like columns"
        + " (moments, exact counts or a DDSketch) for families of at least two columns, and the first three are"
        + " binned and measured like a numeric column (bins, psi, ks, ksPValue, chiSquarePValue).");
    m.put("familyMeanShift", "meanShift = (predict mean - train mean) of the row total over train's standard"
        + " deviation of it, logMeanShift the same of the non-zero log mean (scale-free: every column times k moves"
        + " it by ln k); meanShiftPValue and logMeanShiftPValue are the two-sided p-values of Welch's t test of the"
        + " two means (t with Welch-Satterthwaite degrees of freedom).");
    m.put("familyDirection", "columnsUp and columnsDown count the family's tested columns whose mean is higher and"
        + " lower in predict; they describe the direction and are not tested (the columns are not independent).");
    m.put("familyDrifted", String.format(Locale.ROOT, "A family (at least two numeric feature columns, every column"
        + " holding numbers a testable numeric feature) drifted when, of its L tests (KS and PSI of each row"
        + " aggregate but the log mean, Welch's tests of the row total's and the non-zero log mean's means), those"
        + " whose effect reaches its threshold (KS >= %s, PSI >= %s with its chi-square test, |meanShift| and"
        + " |logMeanShift| >= %s) give a Bonferroni p-value min(1, L * smallest p) that"
        + " is below q = %s after a Benjamini-Hochberg correction over the families tested (declared families apart);"
        + " Bonferroni is valid under any dependence between the tests. An aggregate PSI >= %s is an error, else a"
        + " warning; info when the config declares the prefix expected-constant or expected-sparse.",
        Numbers.plain(d.ks()), Numbers.plain(d.psiWarning()), Numbers.plain(MEAN_SHIFT), Numbers.plain(d.fdr()),
        Numbers.plain(d.psiError())));
    return m;
  }
}
