package org.skewcheck.pipeline;

import java.util.Locale;
import org.skewcheck.validation.check.Severity;

/** The {@code --failOn} threshold: the least severe finding that makes the exit code 1. */
enum FailOn {
  ERROR(Severity.ERROR), WARNING(Severity.WARNING), NEVER(null);

  private final Severity threshold;

  FailOn(Severity threshold) {
    this.threshold = threshold;
  }

  static FailOn parse(String value) throws RunFailure {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new RunFailure("--failOn must be error, warning or never, not '" + value + "'");
    }
  }

  boolean fails(Severity severity) {
    return threshold != null && severity.atLeast(threshold);
  }
}
