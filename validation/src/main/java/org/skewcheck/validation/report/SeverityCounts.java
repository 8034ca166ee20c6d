package org.skewcheck.validation.report;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.skewcheck.validation.check.Finding;
import org.skewcheck.validation.check.Severity;

/**
 * How many findings there are of each {@link Severity}, every severity present (zero or more), in
 * the order of {@link Severity#values()}: the page's summary line, and a prefix's badges and colour.
 *
 * <pre>{@code
 * SeverityCounts counts = SeverityCounts.of(report.findings());
 * counts.count(Severity.ERROR);   // 3
 * counts.worst();                 // ERROR; null without findings
 * }</pre>
 */
record SeverityCounts(Map<Severity, Long> counts) {

  SeverityCounts {
    counts = Collections.unmodifiableMap(new EnumMap<>(counts));
  }

  static SeverityCounts of(Collection<Finding> findings) {
    Map<Severity, Long> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0L);
    }
    findings.forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
    return new SeverityCounts(counts);
  }

  long count(Severity severity) {
    return counts.getOrDefault(severity, 0L);
  }

  /** The most severe severity counted at least once, or null when there is none. */
  Severity worst() {
    for (Severity s : Severity.values()) {
      if (count(s) > 0) {
        return s;
      }
    }
    return null;
  }
}
