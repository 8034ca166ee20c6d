package org.skewcheck.validation.check;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing a check found, with the figures that triggered it ({@code figures} keeps insertion
 * order; values are numbers or strings).
 *
 * @param explainedBy the prefix finding this column finding is folded under, as the same cause
 *     (see {@link Causes}); null for a finding that is a cause of its own
 * @param explains how many findings are folded under this one; 0 for none
 */
public record Finding(Check check, Scope scope, String target, Severity severity, String message,
    Map<String, Object> figures, @JsonInclude(JsonInclude.Include.NON_NULL) Cause explainedBy,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int explains) {

  /** Which finding another one is folded under: its check, scope and target name it in the report. */
  public record Cause(Check check, Scope scope, String target) {}

  /** Most severe first; then by scope; then most improbable first; then by target. */
  public static final Comparator<Finding> REPORT_ORDER = Comparator
      .comparing(Finding::severity)
      .thenComparing(Finding::scope)
      .thenComparingDouble(Finding::probability)
      .thenComparing(Finding::target)
      .thenComparing(f -> f.check().label());

  public Finding {
    figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
  }

  /** A finding that is a cause of its own and explains no other. */
  public Finding(Check check, Scope scope, String target, Severity severity, String message,
      Map<String, Object> figures) {
    this(check, scope, target, severity, message, figures, null, 0);
  }

  /** This finding as the {@link Cause} of others. */
  public Cause asCause() {
    return new Cause(check, scope, target);
  }

  /** This finding, folded under {@code cause}. */
  public Finding explainedBy(Cause cause) {
    return new Finding(check, scope, target, severity, message, figures, cause, explains);
  }

  /** This finding, explaining {@code count} others. */
  public Finding explaining(int count) {
    return new Finding(check, scope, target, severity, message, figures, explainedBy, count);
  }

  /** The finding's probability figure, or 1 when it has none (for ordering). */
  public double probability() {
    Object p = figures.get("probability");
    return p instanceof Number n ? n.doubleValue() : 1.0;
  }
}
