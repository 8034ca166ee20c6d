package org.skewcheck.validation.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import org.skewcheck.validation.check.Finding;
import org.skewcheck.validation.check.Severity;

/** A report's verdict: its most severe finding; {@code info} findings alone are {@link #OK}. */
public enum Verdict {
  ERROR, WARNING, OK;

  /** The verdict of {@code findings}. */
  public static Verdict of(List<Finding> findings) {
    Severity worst = findings.stream().map(Finding::severity).filter(s -> s != Severity.INFO).min(Enum::compareTo)
        .orElse(null);
    return worst == null ? OK : worst == Severity.ERROR ? ERROR : WARNING;
  }

  /** The verdict in report.json: {@code error}, {@code warning} or {@code ok}. */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
