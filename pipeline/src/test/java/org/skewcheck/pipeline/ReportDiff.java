package org.skewcheck.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The differences between two report.json trees: every number equal to a relative tolerance, every
 * other value and every list order equal, except the provenance fields that name the run itself
 * (its id, start and end time, runner), which differ by design.
 */
final class ReportDiff {
  static final Set<String> RUN_FIELDS = Set.of("/provenance/runId", "/provenance/startedAt",
      "/provenance/finishedAt", "/provenance/runner");

  private final double tolerance;
  private final List<String> differences = new ArrayList<>();

  private ReportDiff(double tolerance) {
    this.tolerance = tolerance;
  }

  /** Up to the first 20 differences as "path: a vs b"; empty when the reports agree. */
  static List<String> between(JsonNode a, JsonNode b, double relativeTolerance) {
    ReportDiff diff = new ReportDiff(relativeTolerance);
    diff.compare("", a, b);
    return diff.differences.subList(0, Math.min(20, diff.differences.size()));
  }

  private void compare(String path, JsonNode a, JsonNode b) {
    if (RUN_FIELDS.contains(path)) {
      return;
    }
    if (a.isNumber() && b.isNumber()) {
      double x = a.doubleValue();
      double y = b.doubleValue();
      if (x != y && Math.abs(x - y) > tolerance * Math.max(Math.abs(x), Math.abs(y))) {
        differences.add(path + ": " + a + " vs " + b);
      }
    } else if (a.isObject() && b.isObject()) {
      Set<String> names = new TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (!a.has(name) || !b.has(name)) {
          differences.add(path + "/" + name + ": only in " + (a.has(name) ? "the first" : "the second"));
        } else {
          compare(path + "/" + name, a.get(name), b.get(name));
        }
      }
    } else if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        differences.add(path + ": " + a.size() + " vs " + b.size() + " elements");
        return;
      }
      Iterator<JsonNode> ia = a.elements();
      Iterator<JsonNode> ib = b.elements();
      for (int i = 0; ia.hasNext(); i++) {
        compare(path + "[" + i + "]", ia.next(), ib.next());
      }
    } else if (!a.equals(b)) {
      differences.add(path + ": " + a + " vs " + b);
    }
  }
}
