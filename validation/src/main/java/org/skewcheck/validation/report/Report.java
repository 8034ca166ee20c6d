package org.skewcheck.validation.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.skewcheck.validation.check.Finding;
import org.skewcheck.validation.check.Scope;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.score.ScoresReport;
import org.skewcheck.validation.stats.Categories.ValueCount;

/**
 * {@code report.json}, schema version 1. Lists are in a documented, stable order: columns by
 * (prefix, name), prefixes by name, findings by {@link Finding#REPORT_ORDER}.
 *
 * @param verdict the most severe finding ({@code info} findings alone give ok)
 * @param scores the score comparison, when a model scored both datasets (absent otherwise)
 * @param measures each drift measure's definition in one sentence, by the name the report uses
 * @param provenance the run, tool version, runner, config and input fingerprints (absent when unknown)
 * @param driftThresholds the drift thresholds the findings were decided with, for the page to scale
 *     its figures by (report.json does not hold them: its {@code measures} state them in words)
 */
@JsonPropertyOrder({"schemaVersion", "tool", "verdict", "provenance", "datasets", "findings", "scores", "measures",
    "prefixes", "columns"})
public record Report(
    int schemaVersion,
    String tool,
    Verdict verdict,
    @JsonInclude(JsonInclude.Include.NON_NULL) Provenance provenance,
    Map<String, DatasetSummary> datasets,
    List<Finding> findings,
    @JsonInclude(JsonInclude.Include.NON_NULL) ScoresReport scores,
    Map<String, String> measures,
    List<PrefixReport> prefixes,
    List<ColumnReport> columns,
    @JsonIgnore SkewConfig.Drift driftThresholds) {

  public static final int SCHEMA_VERSION = 1;

  public Report {
    Objects.requireNonNull(driftThresholds, "driftThresholds");
  }

  /**
   * This report with {@code added} findings (a prefix-scope one also under its prefix), findings
   * re-ordered and the verdict re-derived, and each prefix's {@code history} series set.
   */
  public Report withHistory(List<Finding> added, Map<String, PrefixHistory> series) {
    List<Finding> all = new ArrayList<>(findings);
    all.addAll(added);
    all.sort(Finding.REPORT_ORDER);
    List<PrefixReport> withSeries = prefixes.stream().map(p -> {
      List<Finding> own = new ArrayList<>(p.findings());
      added.stream().filter(f -> f.scope() == Scope.PREFIX && f.target().equals(p.prefix())).forEach(own::add);
      own.sort(Finding.REPORT_ORDER);
      return new PrefixReport(p.prefix(), p.columns(), p.train(), p.predict(), p.drift(), own,
          series.get(p.prefix()));
    }).toList();
    return new Report(schemaVersion, tool, Verdict.of(all), provenance, datasets, all, scores, measures, withSeries,
        columns, driftThresholds);
  }

  /**
   * What was read of one dataset.
   *
   * @param duplicateRows rows that repeat an earlier row in every column (absent when not counted)
   * @param duplicateKeys rows that repeat an earlier row's key columns (absent without a key)
   */
  public record DatasetSummary(long files, long rows, long rejectedRows, int columns,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long duplicateRows,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long duplicateKeys) {}

  /** One column: its figures in each dataset (null where the dataset lacks it), its drift and its findings. */
  @JsonPropertyOrder({"name", "prefix", "role", "type", "train", "predict", "drift", "findings"})
  public record ColumnReport(String name, String prefix, String role, String type, ColumnSummary train,
      ColumnSummary predict, ColumnDrift drift, List<Finding> findings) {}

  /**
   * One column's drift from train to predict (the {@code measures} section defines each figure).
   * Every column has one: an untested column has null figures and says why in {@code untestedReason},
   * which is null for a tested column. A numeric column has {@code psi}, {@code js}, {@code ks},
   * {@code ksPValue}, {@code chiSquarePValue} and {@code bins}; a categorical one {@code psi}, {@code
   * linf}, {@code chiSquarePValue} and {@code categories}; the others are null.
   *
   * @param bins the bin edges: the distinct train deciles
   * @param categories the categories: train's top values, most frequent first, then "(other)" when any
   * @param p train's share of present values in each bin (one more than the edges) or category
   * @param q predict's share of present values in each bin or category
   */
  @JsonPropertyOrder({"psi", "js", "ks", "linf", "ksPValue", "chiSquarePValue", "bins", "categories", "p", "q",
      "untestedReason"})
  public record ColumnDrift(double psi, double js, double ks, double linf, double ksPValue, double chiSquarePValue,
      List<Double> bins, List<String> categories, List<Double> p, List<Double> q, String untestedReason) {

    /** The drift of a column that was not tested, and why. */
    public static ColumnDrift untested(String reason) {
      return new ColumnDrift(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, null,
          null, null, reason);
    }
  }

  /**
   * One column's statistics in one dataset; figures that do not exist are null.
   *
   * @param distinct distinct present values: exact while a numeric column has at most 16 of them or a
   *     categorical one at most 768, else an estimate (integer numeric columns only; null for others)
   * @param topValues a categorical column's 10 most frequent values with their counts (exact or, past
   *     768 distinct values, estimated), highest count first, ties by value; null for a numeric column
   */
  @JsonPropertyOrder({"count", "missing", "nonNumeric", "zeros", "mean", "stddev", "min", "max", "quantiles",
      "skewness", "excessKurtosis", "distinct", "topValues"})
  public record ColumnSummary(long count, long missing, long nonNumeric, long zeros, double mean, double stddev,
      double min, double max, Map<String, Double> quantiles, double skewness, double excessKurtosis,
      Long distinct, List<ValueCount> topValues) {}

  /**
   * One prefix: its roll-ups in each dataset (null where the dataset lacks it), its drift, its
   * findings and, with a run history, its key metrics over the earlier runs and this one.
   */
  @JsonPropertyOrder({"prefix", "columns", "train", "predict", "drift", "findings", "history"})
  public record PrefixReport(String prefix, int columns, PrefixSummary train, PrefixSummary predict,
      PrefixDrift drift, List<Finding> findings, @JsonInclude(JsonInclude.Include.NON_NULL) PrefixHistory history) {}

  /**
   * A prefix's key metrics (of the predict data) over the run history, for sparklines: the last
   * {@code history.runs} earlier runs, oldest first, then this run.
   *
   * @param runs each point's run time (UTC, ISO-8601); the last one is this run
   * @param metrics per metric ({@code zeroFraction}, {@code missingFraction}, {@code constantShare},
   *     {@code driftedShare}, {@code psiMax}), one value per run, null where that run lacked it
   */
  public record PrefixHistory(List<String> runs, Map<String, List<Double>> metrics) {}

  /**
   * The drift of a prefix's columns, over those tested; maxima, means and the share are null when
   * none was.
   *
   * @param driftedColumns tested columns with a drift finding, whatever its severity
   * @param driftedShare driftedColumns / columnsTested
   * @param worstColumns up to five tested columns, highest PSI first
   */
  @JsonPropertyOrder({"columnsTested", "driftedColumns", "driftedShare", "psiMax", "psiMean", "jsMax", "jsMean",
      "ksMax", "ksMean", "worstColumns", "family"})
  public record PrefixDrift(int columnsTested, int driftedColumns, double driftedShare, double psiMax,
      double psiMean, double jsMax, double jsMean, double ksMax, double ksMean, List<String> worstColumns,
      @JsonInclude(JsonInclude.Include.NON_NULL) FamilyDrift family) {}

  /**
   * The family drift test of a prefix (absent when the family was not tested): the drift of each of
   * its row aggregates, as a numeric column's (null when a side has fewer than two such rows), the
   * mean shifts of the row total and of the non-zero log mean, the columns that moved up and down,
   * and the family's p-value.
   *
   * @param meanShift the row total's (predict − train) mean over train's standard deviation of it
   * @param meanShiftPValue Welch's two-sided p-value for the row total's means
   * @param logMeanShift the non-zero log mean's (predict − train) mean over train's standard deviation of it
   * @param logMeanShiftPValue Welch's two-sided p-value for the non-zero log mean's means
   * @param tests L, the tests the family's p-value is corrected over
   * @param pValue Bonferroni over the tests whose effect reached its threshold, 1 when none did
   */
  @JsonPropertyOrder({"total", "nonZeroCount", "nonZeroMean", "meanShift", "meanShiftPValue", "logMeanShift",
      "logMeanShiftPValue", "columnsUp", "columnsDown", "tests", "pValue"})
  public record FamilyDrift(ColumnDrift total, ColumnDrift nonZeroCount, ColumnDrift nonZeroMean, double meanShift,
      double meanShiftPValue, double logMeanShift, double logMeanShiftPValue, int columnsUp, int columnsDown,
      int tests, double pValue) {}

  /**
   * One prefix's roll-up in one dataset.
   *
   * @param zeroFraction zeros over numeric cells of its columns
   * @param missingFraction missing cells over rows × columns present in this dataset
   * @param constantColumns columns with a single numeric value and nothing missing
   * @param meanStddev mean of its columns' standard deviations
   * @param rowsWithoutNonZero among rows in which the prefix has a value, the fraction with no non-zero number
   * @param rowsWithoutValue fraction of rows in which no column of the prefix has a value
   */
  public record PrefixSummary(int columns, double zeroFraction, double missingFraction, int constantColumns,
      double meanStddev, double rowsWithoutNonZero, double rowsWithoutValue) {}
}
