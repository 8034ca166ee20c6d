package org.skewcheck.validation.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.skewcheck.validation.config.Rule;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.stats.Categories;
import org.skewcheck.validation.stats.ColumnStats;
import org.skewcheck.validation.stats.Dataset;
import org.skewcheck.validation.stats.DatasetProfile;
import org.skewcheck.validation.stats.Numbers;

/**
 * The config's validation rules, checked on each dataset's profile: allowed range, allowed values
 * and maximum missing fraction per selected column, and required columns. Every violation is an
 * error with the figures that triggered it. Range violations are counted exactly for columns with
 * few distinct values and estimated from the quantile sketch otherwise; values outside {@code
 * allowedValues} (numbers and texts, see {@link DisallowedValues}) exactly while the column's values
 * are counted exactly and estimated past that. The figure {@code exact} says which. A finding lists
 * at most {@value #VALUES_SHOWN} values outside, most frequent first, and how many more there are.
 *
 * <pre>{@code
 * List<Finding> f = new RuleCheck().check(comparison);
 * }</pre>
 */
public final class RuleCheck implements ProfileCheck {
  /** Values a finding lists: the allowed ones, and those found outside them. */
  private static final int VALUES_SHOWN = 20;

  @Override
  public List<Finding> check(Comparison comparison) {
    SkewConfig config = comparison.config();
    List<Finding> findings = new ArrayList<>();
    for (DatasetProfile d : List.of(comparison.train(), comparison.predict())) {
      if (d.rows() == 0) {
        continue;
      }
      Map<String, ColumnStats> columns = d.columns();
      required(config, d, columns, findings);
      columns.forEach((name, stats) -> {
        for (Rule rule : config.rules()) {
          if (rule.selects(name, comparison.prefixOf().get(name))) {
            check(rule, d, name, stats, findings);
          }
        }
      });
    }
    return findings;
  }

  private static void required(SkewConfig config, DatasetProfile d, Map<String, ColumnStats> columns,
      List<Finding> findings) {
    for (String name : config.requiredColumns()) {
      String role = config.columns().roleOf(name);
      boolean elsewhere = role.equals("label") && d.dataset() == Dataset.PREDICT
          || role.equals("recordedScore") && d.dataset() == Dataset.TRAIN;
      if (!elsewhere && !columns.containsKey(name)) {
        findings.add(new Finding(Check.RULE, Scope.SCHEMA, name, Severity.ERROR,
            name + ": required column missing from " + d.name(), Map.of("dataset", d.name())));
      }
    }
  }

  private static void check(Rule rule, DatasetProfile d, String name, ColumnStats c, List<Finding> findings) {
    if (rule.range() != null && c.count() > 0) {
      double low = rule.range().get(0);
      double high = rule.range().get(1);
      double outside = c.countBelow(low) + c.count() - c.countAtMost(high);
      if (c.min() < low || c.max() > high) {
        Map<String, Object> f = figures(rule, d);
        f.put("low", low);
        f.put("high", high);
        f.put("min", c.min());
        f.put("max", c.max());
        f.put("outside", Math.max(1, Math.round(outside)));
        f.put("exact", c.distinctNumeric() >= 0);
        findings.add(finding(name, String.format(Locale.ROOT, "%s: %d values outside [%s, %s] in %s (min %s, max %s)",
            name, Math.max(1, Math.round(outside)), Numbers.plain(low), Numbers.plain(high), d.name(), Numbers.plain(c.min()), Numbers.plain(c.max())), f));
      }
    }
    if (rule.allowedValues() != null && c.present() > 0) {
      allowedValues(rule, d, name, c, findings);
    }
    if (rule.maxMissingFraction() != null) {
      double missing = (double) d.missing(c) / d.rows();
      if (missing > rule.maxMissingFraction()) {
        Map<String, Object> f = figures(rule, d);
        f.put("missingFraction", missing);
        f.put("maxMissingFraction", rule.maxMissingFraction());
        findings.add(finding(name, String.format(Locale.ROOT, "%s: %.3f of %s rows missing, at most %s allowed",
            name, missing, d.name(), Numbers.plain(rule.maxMissingFraction())), f));
      }
    }
  }

  /** The error for {@code name}'s values outside {@code rule}'s allowed values, if it has any. */
  private static void allowedValues(Rule rule, DatasetProfile d, String name, ColumnStats c, List<Finding> findings) {
    DisallowedValues out = DisallowedValues.of(c, rule.allowedValues());
    if (out.count() == 0) {
      return;
    }
    String shown = out.values().stream().limit(VALUES_SHOWN)
        .map(v -> "'" + v.value() + "' (" + (out.exact() ? "" : "~") + v.count() + ")")
        .collect(Collectors.joining(", "));
    int more = Math.max(0, out.values().size() - VALUES_SHOWN);
    String allowed = allowedText(rule.allowedValues());
    Map<String, Object> f = figures(rule, d);
    f.put("allowedValues", allowed);
    f.put("outside", out.count());
    f.put("exact", out.exact());
    f.put("values", shown);
    f.put("moreValues", more);
    List<String> found = new ArrayList<>();
    if (!shown.isEmpty()) {
      found.add(shown + (more == 0 ? "" : (out.exact() ? ", and " : ", and at least ") + more + " more"));
    }
    if (!out.exact()) {
      found.add("estimated: more distinct values than are counted exactly");
    }
    findings.add(finding(name, String.format(Locale.ROOT, "%s: %s%d value%s outside %s in %s: %s", name,
        out.exact() ? "" : "about ", out.count(), out.count() == 1 ? "" : "s", allowed, d.name(),
        String.join("; ", found)), f));
  }

  private static Map<String, Object> figures(Rule rule, DatasetProfile d) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("rule", rule.selector());
    f.put("dataset", d.name());
    return f;
  }

  private static Finding finding(String column, String message, Map<String, Object> figures) {
    return new Finding(Check.RULE, Scope.COLUMN, column, Severity.ERROR, message, figures);
  }

  /** A rule's allowed values as a message shows them: the first {@value #VALUES_SHOWN}, texts bounded. */
  private static String allowedText(List<Object> allowedValues) {
    List<String> shown = allowedValues.stream().limit(VALUES_SHOWN)
        .map(v -> v instanceof Double x ? Numbers.plain(x) : Categories.bounded((String) v)).toList();
    int more = allowedValues.size() - shown.size();
    return "[" + String.join(", ", shown) + (more > 0 ? ", and " + more + " more" : "") + "]";
  }
}
