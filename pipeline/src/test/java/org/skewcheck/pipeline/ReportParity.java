package org.skewcheck.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The differences between two runs' {@code report.json}: every figure must agree to a relative
 * 1e-9 and everything else exactly, except the provenance fields that name the run itself.
 *
 * <pre>
 * assertThat(ReportParity.differences(direct.report(), flink.report())).isEmpty();
 * </pre>
 */
final class ReportParity {
  static final double RELATIVE_TOLERANCE = 1e-9;
  /** What legitimately differs between two runs of the same inputs: the run's id, times and runner. */
  private static final Set<String> RUN_FIELDS = Set.of("/provenance/runId", "/provenance/startedAt",
      "/provenance/finishedAt", "/provenance/runner");

  private ReportParity() {}

  /** Each difference as "JSON pointer: expected vs actual"; empty when the reports agree. */
  static List<String> differences(JsonNode expected, JsonNode actual) {
    List<String> out = new ArrayList<>();
    compare("", expected, actual, out);
    return out;
  }

  private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
    if (RUN_FIELDS.contains(path)) {
      return;
    }
    if (expected.isNumber() && actual.isNumber()) {
      double e = expected.doubleValue();
      double a = actual.doubleValue();
      if (Math.abs(e - a) > RELATIVE_TOLERANCE * Math.max(Math.abs(e), Math.abs(a))) {
        out.add(path + ": " + expected + " vs " + actual);
      }
    } else if (expected.isObject() && actual.isObject()) {
      Set<String> names = new TreeSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String child = path + "/" + name;
        if (!expected.has(name) || !actual.has(name)) {
          out.add(child + ": present in only one report");
        } else {
          compare(child, expected.get(name), actual.get(name), out);
        }
      }
    } else if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        out.add(path + ": " + expected.size() + " vs " + actual.size() + " elements");
        return;
      }
      Iterator<JsonNode> a = actual.elements();
      int i = 0;
      for (JsonNode e : expected) {
        compare(path + "/" + i++, e, a.next(), out);
      }
    } else if (!expected.equals(actual)) {
      out.add(path + ": " + expected + " vs " + actual);
    }
  }
}
