package org.skewcheck.validation.check;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A finding's figures as a check writes them, in the order report.json lists them: named numbers
 * and texts and, once at most, the probability of the test that decided the finding, with its
 * multiplicity-adjusted form where the check corrects for the tests it ran. The probabilities become
 * the finding's typed fields ({@link Finding#probability()}, {@link Finding#adjustedProbability()});
 * report.json writes them among the figures where they were given, as {@code probability} and
 * {@code adjustedProbability}.
 *
 * <pre>{@code
 * Figures f = new Figures().put("psi", 0.31).probability(1e-9, 4e-8).put("heavierIn", "predict");
 * new Finding(Check.DRIFT, Scope.COLUMN, "IQ_a", Severity.ERROR, "IQ_a drifted", f);
 * }</pre>
 */
public final class Figures {
  private final Map<String, Object> named = new LinkedHashMap<>();
  private Double probability;
  private Double adjustedProbability;
  private int probabilityAt = -1;

  /** Adds a figure, a number or a text, after those given so far. */
  public Figures put(String name, Object value) {
    named.put(name, value);
    return this;
  }

  /** Sets the probability of the test that decided the finding, listed after the figures given so far. */
  public Figures probability(double p) {
    return probabilities(p, null);
  }

  /** Sets the probability and its multiplicity-adjusted form, listed after the figures given so far. */
  public Figures probability(double p, double adjusted) {
    return probabilities(p, adjusted);
  }

  private Figures probabilities(Double p, Double adjusted) {
    if (probabilityAt >= 0) {
      throw new IllegalStateException("a finding has one probability, already set to " + probability);
    }
    probability = p;
    adjustedProbability = adjusted;
    probabilityAt = named.size();
    return this;
  }

  Map<String, Object> named() {
    return named;
  }

  Double probability() {
    return probability;
  }

  Double adjustedProbability() {
    return adjustedProbability;
  }

  /** Where report.json lists the probabilities: before the named figure at this index; the end when none was set. */
  int probabilityAt() {
    return probabilityAt < 0 ? named.size() : probabilityAt;
  }
}
