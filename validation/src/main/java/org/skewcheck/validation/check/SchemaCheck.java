package org.skewcheck.validation.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.skewcheck.validation.stats.ColumnStats;
import org.skewcheck.validation.stats.Dataset;
import org.skewcheck.validation.stats.DatasetProfile;

/**
 * Schema and type checks: feature columns present in only one dataset (a family missing whole is
 * one finding, not one per column), and feature columns holding non-numeric text in one dataset
 * only. Columns with another role (label, recorded score) are not compared.
 * A feature the model was trained on but that predict lacks is an error (the model then sees
 * missing values); a column only predict has is a warning. With the model's expected feature list,
 * expected features a dataset lacks are an error and features it has but the model does not expect
 * a warning (one finding per dataset, naming the first columns). A model record's list may name the
 * label too; predict does not carry it, so the label is not expected there.
 *
 * <pre>{@code
 * List<Finding> f = new SchemaCheck().check(comparison);
 * }</pre>
 */
public final class SchemaCheck implements ProfileCheck {
  private static final int NAMES_SHOWN = 20;

  @Override
  public List<Finding> check(Comparison comparison) {
    DatasetProfile train = comparison.train();
    DatasetProfile predict = comparison.predict();
    Set<String> featureColumns = comparison.features();
    List<String> expectedColumns = comparison.config().expectedColumns();
    String label = comparison.config().columns().label();
    if (train.rows() == 0 || predict.rows() == 0) {
      // A dataset without rows shows no columns at all, whatever its headers said: its own "empty"
      // finding is the news, and listing every feature of the other dataset as absent would bury it.
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    Map<String, ColumnStats> t = train.columns();
    Map<String, ColumnStats> p = predict.columns();
    if (!expectedColumns.isEmpty()) {
      findings.addAll(againstExpected(expectedColumns, label, train.dataset(), t.keySet(), featureColumns));
      findings.addAll(againstExpected(expectedColumns, label, predict.dataset(), p.keySet(), featureColumns));
    }
    findings.addAll(oneSided(comparison.prefixOf(), t, p, train, predict, featureColumns, Severity.ERROR));
    findings.addAll(oneSided(comparison.prefixOf(), p, t, predict, train, featureColumns, Severity.WARNING));
    t.forEach((name, tc) -> {
      ColumnStats pc = p.get(name);
      if (pc != null && featureColumns.contains(name) && (tc.nonNumeric() > 0) != (pc.nonNumeric() > 0)) {
        String textIn = (tc.nonNumeric() > 0 ? Dataset.TRAIN : Dataset.PREDICT).label();
        ColumnStats text = tc.nonNumeric() > 0 ? tc : pc;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("trainNonNumeric", tc.nonNumeric());
        figures.put("predictNonNumeric", pc.nonNumeric());
        figures.put("textIn", textIn);
        findings.add(new Finding(Check.TYPE, Scope.SCHEMA, name, Severity.ERROR,
            name + ": " + text.nonNumeric() + " non-numeric values in " + textIn + ", none in the other dataset",
            figures));
      }
    });
    return findings;
  }

  private static List<Finding> oneSided(Map<String, String> prefixOf, Map<String, ColumnStats> here,
      Map<String, ColumnStats> there, DatasetProfile hereProfile, DatasetProfile thereProfile,
      Set<String> featureColumns, Severity severity) {
    Map<String, List<String>> onlyHereByPrefix = new TreeMap<>();
    here.keySet().stream()
        .filter(c -> featureColumns.contains(c) && !there.containsKey(c))
        .forEach(c -> onlyHereByPrefix.computeIfAbsent(prefixOf.get(c), k -> new ArrayList<>()).add(c));
    List<Finding> findings = new ArrayList<>();
    onlyHereByPrefix.forEach((prefix, columns) -> {
      String where = hereProfile.name() + " only (absent from " + thereProfile.name() + ")";
      if (!thereProfile.prefixes().containsKey(prefix)) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("columns", columns.size());
        figures.put("presentIn", hereProfile.name());
        findings.add(new Finding(Check.SCHEMA, Scope.SCHEMA, prefix, severity,
            "prefix " + prefix + " (" + columns.size() + " columns) is in " + where, figures));
        return;
      }
      for (String c : columns) {
        findings.add(new Finding(Check.SCHEMA, Scope.SCHEMA, c, severity, "column " + c + " is in " + where,
            Map.of("presentIn", hereProfile.name())));
      }
    });
    return findings;
  }

  private static List<Finding> againstExpected(List<String> expectedColumns, String label, Dataset dataset,
      Set<String> columns, Set<String> featureColumns) {
    boolean labelExempt = dataset == Dataset.PREDICT;
    List<String> missing = expectedColumns.stream()
        .filter(c -> !columns.contains(c) && !(labelExempt && c.equals(label))).toList();
    Set<String> expected = Set.copyOf(expectedColumns);
    List<String> unexpected = columns.stream()
        .filter(c -> featureColumns.contains(c) && !expected.contains(c)).sorted().toList();
    List<Finding> findings = new ArrayList<>();
    if (!missing.isEmpty()) {
      findings.add(expectedFinding(expectedColumns, dataset.label(), missing, Severity.ERROR,
          "expected features missing from"));
    }
    if (!unexpected.isEmpty()) {
      findings.add(expectedFinding(expectedColumns, dataset.label(), unexpected, Severity.WARNING,
          "features the model does not expect in"));
    }
    return findings;
  }

  private static Finding expectedFinding(List<String> expectedColumns, String dataset, List<String> names,
      Severity severity, String what) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("columns", names.size());
    figures.put("expectedColumns", expectedColumns.size());
    figures.put("dataset", dataset);
    String shown = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())))
        + (names.size() > NAMES_SHOWN ? ", ... (" + (names.size() - NAMES_SHOWN) + " more)" : "");
    return new Finding(Check.EXPECTED_COLUMNS, Scope.SCHEMA, dataset, severity,
        names.size() + " " + what + " " + dataset + ": " + shown, figures);
  }
}
