package org.skewcheck.validation.check;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing a check found, with the figures that triggered it ({@code figures} keeps insertion
 * order; values are numbers or strings).
 */
public record Finding(
    String check, Scope scope, String target, Severity severity, String message, Map<String, Object> figures) {

  /** Most severe first; then by scope; then most improbable first; then by target. */
  public static final Comparator<Finding> REPORT_ORDER = Comparator
      .comparing(Finding::severity)
      .thenComparing(Finding::scope)
      .thenComparingDouble(Finding::probability)
      .thenComparing(Finding::target)
      .thenComparing(Finding::check);

  public Finding {
    figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
  }

  /** The finding's probability figure, or 1 when it has none (for ordering). */
  public double probability() {
    Object p = figures.get("probability");
    return p instanceof Number n ? n.doubleValue() : 1.0;
  }
}
