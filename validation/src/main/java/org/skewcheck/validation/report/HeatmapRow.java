package org.skewcheck.validation.report;

import java.util.ArrayList;
import java.util.List;
import org.skewcheck.validation.check.Check;
import org.skewcheck.validation.check.Severity;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.report.Report.PrefixDrift;
import org.skewcheck.validation.report.Report.PrefixReport;
import org.skewcheck.validation.report.Report.PrefixSummary;

/**
 * One prefix's row of the page's heatmap: its cells (columns, zero fraction and constant columns
 * in each dataset, drifted of tested, PSI max, family KS), each tinted by how far predict is from
 * train, in the colour of the prefix's most severe finding, and its findings per severity.
 *
 * <p>A cell's heat is 0 for none and 1 or more for full. Train is the reference and is never
 * tinted. A PSI without a significant drift is sampling noise, so PSI max is tinted only when a
 * column drifted, and saturates at {@link #PSI_SATURATION} times the report's {@code psiError};
 * family KS is tinted only when the family test flagged the prefix, and saturates at {@link
 * #FAMILY_KS_SATURATION} times the report's {@code ks} threshold.
 *
 * @param worst the most severe finding about the prefix or one of its columns; null when none
 * @param cells in the order of the heatmap's columns after the prefix's name
 * @param counts the findings about the prefix and its columns, per severity
 */
record HeatmapRow(String prefix, Severity worst, List<Cell> cells, SeverityCounts counts) {
  /** PSI max is fully tinted at this many times the PSI error threshold. */
  static final double PSI_SATURATION = 2;
  /** Family KS is fully tinted at this many times the KS threshold. */
  static final double FAMILY_KS_SATURATION = 3;

  HeatmapRow {
    cells = List.copyOf(cells);
  }

  /** {@code p}'s row, {@code counts} being the findings about it and its columns. */
  static HeatmapRow of(PrefixReport p, SeverityCounts counts, SkewConfig.Drift thresholds) {
    Severity worst = counts.worst();
    PrefixSummary train = p.train();
    PrefixSummary predict = p.predict();
    PrefixDrift drift = p.drift();
    double zeroTrain = train == null ? Double.NaN : train.zeroFraction();
    double zeroPredict = predict == null ? Double.NaN : predict.zeroFraction();
    double constantTrain = train == null ? Double.NaN : train.constantColumns();
    double constantPredict = predict == null ? Double.NaN : predict.constantColumns();
    List<Cell> cells = new ArrayList<>();
    cells.add(new Cell(Html.count(p.columns()), worst, 0));
    cells.add(new Cell(Html.percent(zeroTrain), worst, 0));
    cells.add(new Cell(Html.percent(zeroPredict), worst, Math.abs(zeroPredict - zeroTrain)));
    cells.add(new Cell(constant(train), worst, 0));
    cells.add(new Cell(constant(predict), worst,
        p.columns() == 0 ? 0 : Math.abs(constantPredict - constantTrain) / p.columns()));
    int tested = drift.columnsTested();
    int drifted = drift.driftedColumns();
    cells.add(new Cell(tested == 0 ? "–" : Html.count(drifted) + " / " + Html.count(tested), worst,
        drift.driftedShare()));
    cells.add(new Cell(Html.figure(drift.psiMax()), worst,
        drifted == 0 ? 0 : drift.psiMax() / (PSI_SATURATION * thresholds.psiError())));
    Report.ColumnDrift total = drift.family() == null ? null : drift.family().total();
    double familyKs = total == null ? Double.NaN : total.ks();
    boolean familyDrifted = p.findings().stream().anyMatch(f -> f.check() == Check.FAMILY_DRIFT);
    cells.add(new Cell(total == null ? "–" : Html.figure(familyKs), worst,
        familyDrifted ? familyKs / (FAMILY_KS_SATURATION * thresholds.ks()) : 0));
    return new HeatmapRow(p.prefix(), worst, cells, counts);
  }

  private static String constant(PrefixSummary side) {
    return side == null ? "–" : Html.count(side.constantColumns());
  }

  /**
   * A heatmap cell: its text and its tint, from white (heat 0) to the full colour of {@code
   * severity} (heat 1 and more); grey when {@code severity} is null. Info is what the config
   * expects, so it gets half the depth and does not compete with errors.
   */
  record Cell(String text, Severity severity, double heat) {

    /** Whether the cell is tinted at all: a known heat of at least 0.02. */
    boolean tinted() {
      return Double.isFinite(heat) && heat >= 0.02;
    }

    /** The tint's hue and saturation, as CSS {@code hsl()} takes them: red, amber, blue or grey. */
    String hueSaturation() {
      if (severity == null) {
        return "0,0%";
      }
      return switch (severity) {
        case ERROR -> "0,85%";
        case WARNING -> "38,95%";
        case INFO -> "217,90%";
      };
    }

    /** The tint's lightness in percent: 97 for the faintest, down to 65 (81 for info) at full heat. */
    long lightness() {
      double depth = severity == Severity.INFO ? 16 : 32;
      return Math.round(97 - depth * Math.min(1, heat));
    }
  }
}
