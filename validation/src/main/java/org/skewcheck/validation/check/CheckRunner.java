package org.skewcheck.validation.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every check on a {@link Comparison}: the findings of all of them in {@link
 * Finding#REPORT_ORDER}, and grouped by cause ({@link Causes}), as report.json lists them. A new
 * check is one class implementing {@link ProfileCheck} plus one line in {@link #CHECKS}.
 *
 * <pre>{@code
 * List<Finding> findings = CheckRunner.run(Comparison.of(config, train, predict));
 * }</pre>
 */
public final class CheckRunner {
  /**
   * Every check. Findings that tie in the report order keep the order found, so this order is part
   * of the report: datasets, duplicates, schema, rules, sparsity, drift of columns and of families,
   * unseen categories, scores.
   */
  private static final List<ProfileCheck> CHECKS = List.of(new DatasetCheck(), new DuplicateCheck(), new SchemaCheck(),
      new RuleCheck(), new SparsityCheck(), new DriftCheck(), new FamilyDriftCheck(), new UnseenCategoryCheck(),
      new ScoreCheck());

  private CheckRunner() {}

  /**
   * Every check's findings on {@code comparison}, most severe first ({@link Finding#REPORT_ORDER}),
   * each column finding that a prefix finding explains linked to it.
   */
  public static List<Finding> run(Comparison comparison) {
    List<Finding> found = new ArrayList<>();
    CHECKS.forEach(check -> found.addAll(check.check(comparison)));
    found.sort(Finding.REPORT_ORDER);
    return Causes.link(found, comparison.prefixOf());
  }
}
