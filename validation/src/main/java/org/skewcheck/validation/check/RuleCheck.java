package org.skewcheck.validation.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.skewcheck.validation.config.Rule;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.stats.ColumnStats;
import org.skewcheck.validation.stats.DatasetProfile;

/**
 * The config's validation rules, checked on each dataset's profile: allowed range, allowed values
 * and maximum missing fraction per selected column, and required columns. Every violation is an
 * error with the figures that triggered it. Range violations are counted exactly for columns with
 * few distinct values and estimated from the quantile sketch otherwise ({@code exact} says which).
 */
public final class RuleCheck {
  private final SkewConfig config;
  private final Map<String, String> prefixOf;

  public RuleCheck(SkewConfig config, Map<String, String> prefixOf) {
    this.config = config;
    this.prefixOf = prefixOf;
  }

  public List<Finding> run(DatasetProfile train, DatasetProfile predict) {
    List<Finding> findings = new ArrayList<>();
    for (DatasetProfile d : List.of(train, predict)) {
      if (d.rows() == 0) {
        continue;
      }
      Map<String, ColumnStats> columns = d.columns();
      required(d, columns, findings);
      columns.forEach((name, stats) -> {
        for (Rule rule : config.rules()) {
          if (rule.selects(name, prefixOf.get(name))) {
            check(rule, d, name, stats, findings);
          }
        }
      });
    }
    return findings;
  }

  private void required(DatasetProfile d, Map<String, ColumnStats> columns, List<Finding> findings) {
    for (String name : config.requiredColumns()) {
      String role = config.columns().roleOf(name);
      boolean elsewhere = role.equals("label") && d.name().equals("predict")
          || role.equals("recordedScore") && d.name().equals("train");
      if (!elsewhere && !columns.containsKey(name)) {
        findings.add(new Finding("rule", Scope.SCHEMA, name, Severity.ERROR,
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
            name, Math.max(1, Math.round(outside)), num(low), num(high), d.name(), num(c.min()), num(c.max())), f));
      }
    }
    if (rule.allowedValues() != null) {
      TreeSet<Double> allowed = new TreeSet<>(rule.allowedValues());
      double[] values = c.exactValues();
      List<String> other = new ArrayList<>();
      if (values == null) {
        other.add("more than 16 distinct values");
      } else {
        for (double v : values) {
          if (!allowed.contains(v)) {
            other.add(num(v) + " (" + Math.round(c.countOf(v)) + "x)");
          }
        }
      }
      if (c.nonNumeric() > 0) {
        other.add(c.nonNumeric() + " non-numeric values");
      }
      if (!other.isEmpty()) {
        Map<String, Object> f = figures(rule, d);
        f.put("allowedValues", rule.allowedValues().toString());
        f.put("found", String.join("; ", other));
        findings.add(finding(name, name + ": values outside " + rule.allowedValues() + " in " + d.name() + ": "
            + String.join("; ", other), f));
      }
    }
    if (rule.maxMissingFraction() != null) {
      double missing = (double) d.missing(c) / d.rows();
      if (missing > rule.maxMissingFraction()) {
        Map<String, Object> f = figures(rule, d);
        f.put("missingFraction", missing);
        f.put("maxMissingFraction", rule.maxMissingFraction());
        findings.add(finding(name, String.format(Locale.ROOT, "%s: %.3f of %s rows missing, at most %s allowed",
            name, missing, d.name(), num(rule.maxMissingFraction())), f));
      }
    }
  }

  private static Map<String, Object> figures(Rule rule, DatasetProfile d) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("rule", rule.selector());
    f.put("dataset", d.name());
    return f;
  }

  private static Finding finding(String column, String message, Map<String, Object> figures) {
    return new Finding("rule", Scope.COLUMN, column, Severity.ERROR, message, figures);
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
