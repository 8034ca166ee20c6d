package org.skewcheck.validation.check;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing a check found, with the figures that triggered it ({@code figures} keeps insertion
 * order; values are numbers or strings) and, for a finding a test decided, that test's probability.
 * report.json lists the probabilities among the figures, where the check gave them (see {@link
 * Figures}).
 *
 * @param figures the named figures, the probabilities aside
 * @param probability the probability of the test that decided the finding; null when no test did
 * @param adjustedProbability that probability adjusted for the tests run alongside it; null when the
 *     check does not adjust it
 * @param probabilityAt the index among {@code figures} before which report.json lists the probabilities
 * @param explainedBy the prefix finding this column finding is folded under, as the same cause
 *     (see {@link Causes}); null for a finding that is a cause of its own
 * @param explains how many findings are folded under this one; 0 for none
 */
@JsonPropertyOrder({"check", "scope", "target", "severity", "message", "figures", "explainedBy", "explains"})
public record Finding(Check check, Scope scope, String target, Severity severity, String message,
    @JsonIgnore Map<String, Object> figures, @JsonIgnore Double probability, @JsonIgnore Double adjustedProbability,
    @JsonIgnore int probabilityAt, @JsonInclude(JsonInclude.Include.NON_NULL) Cause explainedBy,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int explains) {

  private static final String PROBABILITY = "probability";
  private static final String ADJUSTED_PROBABILITY = "adjustedProbability";

  /** Which finding another one is folded under: its check, scope and target name it in the report. */
  public record Cause(Check check, Scope scope, String target) {}

  /** Most severe first; then by scope; then most improbable first (no probability counts as 1); then by target. */
  public static final Comparator<Finding> REPORT_ORDER = Comparator
      .comparing(Finding::severity)
      .thenComparing(Finding::scope)
      .thenComparingDouble((Finding f) -> f.probability() == null ? 1.0 : f.probability())
      .thenComparing(Finding::target)
      .thenComparing(f -> f.check().label());

  public Finding {
    if (figures.containsKey(PROBABILITY) || figures.containsKey(ADJUSTED_PROBABILITY)) {
      throw new IllegalArgumentException("the probabilities of " + check.label() + " on " + target
          + " are typed fields, not figures");
    }
    if (probabilityAt < 0 || probabilityAt > figures.size()) {
      throw new IllegalArgumentException("probabilityAt " + probabilityAt + " is outside the " + figures.size()
          + " figures of " + check.label() + " on " + target);
    }
    figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
  }

  /** A finding that no test decided, a cause of its own that explains no other. */
  public Finding(Check check, Scope scope, String target, Severity severity, String message,
      Map<String, Object> figures) {
    this(check, scope, target, severity, message, figures, null, null, figures.size(), null, 0);
  }

  /** A finding with {@code figures} and, if they hold one, its test's probabilities. */
  public Finding(Check check, Scope scope, String target, Severity severity, String message, Figures figures) {
    this(check, scope, target, severity, message, figures.named(), figures.probability(),
        figures.adjustedProbability(), figures.probabilityAt(), null, 0);
  }

  /** The figures as report.json lists them: the named ones with the probabilities where the check gave them. */
  @JsonProperty("figures")
  public Map<String, Object> reportedFigures() {
    Map<String, Object> out = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<String, Object> e : figures.entrySet()) {
      if (i++ == probabilityAt) {
        putProbabilities(out);
      }
      out.put(e.getKey(), e.getValue());
    }
    if (probabilityAt == figures.size()) {
      putProbabilities(out);
    }
    return out;
  }

  private void putProbabilities(Map<String, Object> out) {
    if (probability != null) {
      out.put(PROBABILITY, probability);
    }
    if (adjustedProbability != null) {
      out.put(ADJUSTED_PROBABILITY, adjustedProbability);
    }
  }

  /** This finding as the {@link Cause} of others. */
  public Cause asCause() {
    return new Cause(check, scope, target);
  }

  /** This finding, folded under {@code cause}. */
  public Finding explainedBy(Cause cause) {
    return new Finding(check, scope, target, severity, message, figures, probability, adjustedProbability,
        probabilityAt, cause, explains);
  }

  /** This finding, explaining {@code count} others. */
  public Finding explaining(int count) {
    return new Finding(check, scope, target, severity, message, figures, probability, adjustedProbability,
        probabilityAt, explainedBy, count);
  }
}
