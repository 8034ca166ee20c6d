package org.skewcheck.validation.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups findings by cause: a column finding is folded under a finding on its prefix when the two
 * are the same kind of change in the same direction and the prefix finding is at least as severe.
 * The column finding then names it in {@code explainedBy}, and the prefix finding counts what it
 * explains. So "LG is empty in predict" is one cause, not fifteen lines.
 *
 * <p>Same kind: the sparsity check's findings (zero, missing and constant-value rates) fold under
 * the prefix finding of the same check heavier in the same dataset ({@code heavierIn}), and a column's drift under its
 * family's drift when both moved the same way ({@code direction}). Every finding stays in the
 * report; only the console and the page show causes alone.
 */
public final class Causes {
  /** The prefix-scope check whose findings explain a column-scope check's, by the column check. */
  private static final Map<Check, Check> PARENT_CHECK = Map.of(
      Check.SPARSITY, Check.SPARSITY,
      Check.MISSING, Check.MISSING,
      Check.CONSTANCY, Check.CONSTANCY,
      Check.DRIFT, Check.FAMILY_DRIFT);
  /** The figure that says which way a check's finding points. */
  private static final Map<Check, String> DIRECTION = Map.of(
      Check.SPARSITY, "heavierIn",
      Check.MISSING, "heavierIn",
      Check.CONSTANCY, "heavierIn",
      Check.DRIFT, "direction",
      Check.FAMILY_DRIFT, "direction");

  private Causes() {}

  /**
   * {@code findings} (in report order), each column finding that a prefix finding explains linked
   * to it, and each prefix finding with the count it explains; {@code prefixOf} gives a column's prefix.
   */
  public static List<Finding> link(List<Finding> findings, Map<String, String> prefixOf) {
    Map<String, Finding> parents = new HashMap<>();
    for (Finding f : findings) {
      if (f.scope() == Scope.PREFIX && DIRECTION.containsKey(f.check())) {
        parents.putIfAbsent(key(f.check(), f.target(), direction(f)), f);
      }
    }
    Map<Finding, Integer> explained = new IdentityHashMap<>();
    List<Finding> linked = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      String prefix = prefixOf.get(f.target());
      Finding parent = f.scope() != Scope.COLUMN || !PARENT_CHECK.containsKey(f.check()) || direction(f) == null
          || prefix == null ? null : parents.get(key(PARENT_CHECK.get(f.check()), prefix, direction(f)));
      if (parent != null && parent.severity().atLeast(f.severity())) {
        linked.add(f.explainedBy(parent.asCause()));
        explained.merge(parent, 1, Integer::sum);
      } else {
        linked.add(f);
      }
    }
    linked.replaceAll(f -> explained.containsKey(f) ? f.explaining(explained.get(f)) : f);
    return linked;
  }

  private static String direction(Finding f) {
    Object d = f.figures().get(DIRECTION.get(f.check()));
    return d == null ? null : d.toString();
  }

  private static String key(Check check, String prefix, String direction) {
    return check.label() + '\u0000' + prefix + '\u0000' + direction;
  }
}
