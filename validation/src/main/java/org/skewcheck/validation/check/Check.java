package org.skewcheck.validation.check;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What found a finding: one constant per kind of check, written in report.json as its label
 * ({@code sparsity}, {@code familyDrift}, ...), which nightly jobs and dashboards key on.
 */
public enum Check {
  SCHEMA("schema"),
  TYPE("type"),
  EXPECTED_COLUMNS("expectedColumns"),
  RULE("rule"),
  SPARSITY("sparsity"),
  MISSING("missing"),
  CONSTANCY("constancy"),
  DRIFT("drift"),
  FAMILY_DRIFT("familyDrift"),
  UNSEEN_CATEGORIES("unseenCategories"),
  EMPTY("empty"),
  REJECTED_ROWS("rejectedRows"),
  DAMAGED_FILE("damagedFile"),
  DUPLICATE_ROWS("duplicateRows"),
  DUPLICATE_RATE("duplicateRate"),
  UNIQUE_KEY("uniqueKey"),
  SCORE_SHIFT("scoreShift"),
  RECORDED_SCORE("recordedScore"),
  VALUES_BEYOND_FLOAT("valuesBeyondFloat"),
  HISTORY_ANOMALY("historyAnomaly");

  private final String label;

  Check(String label) {
    this.label = label;
  }

  /** The check's name in report.json. */
  @JsonValue
  public String label() {
    return label;
  }
}
