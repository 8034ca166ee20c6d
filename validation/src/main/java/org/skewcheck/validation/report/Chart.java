package org.skewcheck.validation.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.skewcheck.validation.check.ColumnType;
import org.skewcheck.validation.report.Report.ColumnDrift;
import org.skewcheck.validation.report.Report.ColumnReport;
import org.skewcheck.validation.report.Report.ColumnSummary;
import org.skewcheck.validation.stats.Categories.ValueCount;

/**
 * What a column's chart on the page draws, train beside predict: shares per value or category
 * ({@link Bars}), or shares per bin between edges ({@link Histogram}). {@link SvgCharts} draws them.
 *
 * <pre>{@code
 * Chart.of(column, trainRows, predictRows);   // empty when the column has nothing to chart
 * }</pre>
 */
sealed interface Chart {
  /** Values per top-values chart. */
  int TOP_VALUES = 10;

  /** Shares per value or category, train's and predict's. */
  record Bars(List<String> labels, double[] train, double[] predict) implements Chart {}

  /** Shares per bin, train's and predict's; bins (−∞, e1], (e1, e2], …, (ek, ∞) over {@code edges}. */
  record Histogram(double[] edges, double[] train, double[] predict) implements Chart {}

  /**
   * The column's chart: a tested categorical column's shares per drift category, an untested one's
   * top values when its summaries carry them, a tested numeric column's histogram over its drift
   * bins, else none. {@code trainRows} and {@code predictRows} are the datasets' rows, which top
   * values' counts are shares of.
   */
  static Optional<Chart> of(ColumnReport c, long trainRows, long predictRows) {
    ColumnDrift drift = c.drift();
    boolean shares = drift.p() != null && drift.q() != null;
    if (shares && drift.categories() != null) {
      return Optional.of(new Bars(drift.categories(), values(drift.p()), values(drift.q())));
    }
    if (ColumnType.CATEGORICAL.equals(c.type()) && (topValues(c.train()) != null || topValues(c.predict()) != null)) {
      return Optional.of(topValues(c, trainRows, predictRows));
    }
    if (!shares || drift.bins() == null) {
      return Optional.empty();
    }
    return Optional.of(new Histogram(values(drift.bins()), values(drift.p()), values(drift.q())));
  }

  /**
   * Train's most frequent values first, then predict's others, at most {@link #TOP_VALUES}; each
   * side's share is its count over its rows (0 without rows or where the side does not list the value).
   */
  static Bars topValues(ColumnReport c, long trainRows, long predictRows) {
    Map<String, double[]> shares = new LinkedHashMap<>();
    ColumnSummary[] sides = {c.train(), c.predict()};
    long[] rows = {trainRows, predictRows};
    for (int side = 0; side < 2; side++) {
      List<ValueCount> top = topValues(sides[side]);
      for (ValueCount v : top == null ? List.<ValueCount>of() : top) {
        double[] pair = shares.computeIfAbsent(v.value(), k -> new double[2]);
        pair[side] = rows[side] > 0 ? (double) v.count() / rows[side] : 0;
      }
    }
    List<String> values = shares.keySet().stream().limit(TOP_VALUES).toList();
    return new Bars(values, values.stream().mapToDouble(v -> shares.get(v)[0]).toArray(),
        values.stream().mapToDouble(v -> shares.get(v)[1]).toArray());
  }

  /** {@code xs} as an array, with NaN for what report.json writes as null (missing or not finite). */
  static double[] values(List<Double> xs) {
    return xs.stream().mapToDouble(x -> x != null && Double.isFinite(x) ? x : Double.NaN).toArray();
  }

  private static List<ValueCount> topValues(ColumnSummary side) {
    return side == null ? null : side.topValues();
  }
}
