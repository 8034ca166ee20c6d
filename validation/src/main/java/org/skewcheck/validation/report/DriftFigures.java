package org.skewcheck.validation.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.skewcheck.validation.report.Report.ColumnDrift;

/**
 * The drift figures a column's or a row aggregate's card lists: PSI, JS, KS and L∞ where they
 * exist, or why the column was not tested.
 *
 * @param untestedReason why the drift was not tested; null when it was
 * @param figures the figures that exist, by their upper-case name, in the order PSI, JS, KS, LINF
 */
record DriftFigures(String untestedReason, Map<String, Double> figures) {

  DriftFigures {
    figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
  }

  static DriftFigures of(ColumnDrift drift) {
    if (drift.untestedReason() != null) {
      return new DriftFigures(drift.untestedReason(), Map.of());
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    double[] values = {drift.psi(), drift.js(), drift.ks(), drift.linf()};
    String[] names = {"PSI", "JS", "KS", "LINF"};
    for (int i = 0; i < values.length; i++) {
      if (Double.isFinite(values[i])) {
        figures.put(names[i], values[i]);
      }
    }
    return new DriftFigures(null, figures);
  }
}
