package org.skewcheck.validation.check;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a finding is about. Declared in report order: among findings of equal severity, prefix
 * findings come first, because the family is the level at which skew is diagnosed and fixed, then
 * score findings, which say what the skew did to the model's output.
 */
public enum Scope {
  PREFIX, SCORE, SCHEMA, DATASET, COLUMN;

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
