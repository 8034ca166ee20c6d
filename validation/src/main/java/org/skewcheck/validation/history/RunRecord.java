package org.skewcheck.validation.history;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.skewcheck.validation.report.Provenance;
import org.skewcheck.validation.report.Report;
import org.skewcheck.validation.score.ScoresReport;

/**
 * The summary of one successful run that {@code --history} keeps: what ran on what, and the
 * per-prefix metrics of the predict data that later runs are compared with. Stored as one small
 * JSON file per run ({@code recordVersion} 1); figures that do not exist are null.
 *
 * <pre>{@code
 * RunRecord tonight = RunRecord.of(report);
 * byte[] json = tonight.toJson();
 * RunRecord again = RunRecord.fromJson(json);
 * }</pre>
 *
 * @param time when the run's report was written (UTC, ISO-8601)
 * @param inputs per dataset, the paths of the files read
 * @param rows per dataset, rows profiled
 * @param prefixes per prefix, its metrics in the predict data
 * @param score with a model, the predict score mean and its shift from train (absent otherwise)
 */
@JsonPropertyOrder({"recordVersion", "runId", "time", "version", "configFingerprint", "inputs", "rows", "prefixes",
    "score"})
public record RunRecord(int recordVersion, String runId, String time, String version, String configFingerprint,
    Map<String, List<String>> inputs, Map<String, Long> rows, Map<String, PrefixMetrics> prefixes,
    @JsonInclude(JsonInclude.Include.NON_NULL) ScoreMetrics score) implements Serializable {

  public static final int RECORD_VERSION = 1;
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  public RunRecord {
    inputs = inputs == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(inputs));
    rows = rows == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(rows));
    prefixes = prefixes == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(prefixes));
  }

  /**
   * One prefix's metrics in the predict data of one run.
   *
   * @param constantColumns columns with a single value and nothing missing
   * @param driftedShare tested columns with a drift finding, over the columns tested
   * @param psiMax the largest PSI of its tested columns
   */
  public record PrefixMetrics(int columns, Double zeroFraction, Double missingFraction, int constantColumns,
      Double driftedShare, Double psiMax) implements Serializable {

    /** The metrics compared with the history, by name: constant columns as a share of the columns. */
    @JsonIgnore
    public Map<String, Double> compared() {
      Map<String, Double> out = new LinkedHashMap<>();
      out.put("zeroFraction", zeroFraction);
      out.put("missingFraction", missingFraction);
      out.put("constantShare", columns == 0 ? null : (double) constantColumns / columns);
      out.put("driftedShare", driftedShare);
      out.put("psiMax", psiMax);
      return out;
    }
  }

  /**
   * The model's scores in one run.
   *
   * @param mean the predict score mean
   * @param shift (predict mean − train mean) / train standard deviation
   */
  public record ScoreMetrics(Double mean, Double shift) implements Serializable {}

  /** The record of the run that produced {@code report}; its provenance must be set. */
  public static RunRecord of(Report report) {
    Provenance p = report.provenance();
    if (p == null) {
      throw new IllegalArgumentException("a report without provenance cannot be recorded in the history");
    }
    Map<String, List<String>> inputs = new TreeMap<>();
    p.inputs().forEach((dataset, files) -> inputs.put(dataset, files.stream().map(Provenance.InputFile::path).toList()));
    Map<String, Long> rows = new TreeMap<>();
    report.datasets().forEach((dataset, summary) -> rows.put(dataset, summary.rows()));
    Map<String, PrefixMetrics> prefixes = new TreeMap<>();
    for (Report.PrefixReport prefix : report.prefixes()) {
      Report.PrefixSummary predict = prefix.predict();
      if (predict != null) {
        Report.PrefixDrift drift = prefix.drift();
        prefixes.put(prefix.prefix(), new PrefixMetrics(predict.columns(), finite(predict.zeroFraction()),
            finite(predict.missingFraction()), predict.constantColumns(),
            drift == null ? null : finite(drift.driftedShare()), drift == null ? null : finite(drift.psiMax())));
      }
    }
    ScoreMetrics score = null;
    ScoresReport scores = report.scores();
    if (scores != null) {
      double shift = (scores.predict().mean() - scores.train().mean()) / scores.train().stddev();
      score = new ScoreMetrics(finite(scores.predict().mean()), finite(shift));
    }
    return new RunRecord(RECORD_VERSION, p.runId(), p.finishedAt(), p.version(), p.configFingerprint(), inputs, rows,
        prefixes, score);
  }

  public byte[] toJson() {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a record written by {@link #toJson}; fields a later skewcheck adds are ignored.
   *
   * @throws IOException when the bytes are not a whole record of a known version with an ISO-8601 time
   */
  public static RunRecord fromJson(byte[] json) throws IOException {
    RunRecord r = MAPPER.readValue(json, RunRecord.class);
    if (r.recordVersion != RECORD_VERSION) {
      throw new IOException("unknown record version " + r.recordVersion);
    }
    if (r.runId == null || r.time == null) {
      throw new IOException("not a run record: no runId or time");
    }
    try {
      Instant.parse(r.time);
    } catch (DateTimeParseException e) {
      // records are ordered by time, so one without a usable time cannot be placed among the others
      throw new IOException("time '" + r.time + "' is not an ISO-8601 instant");
    }
    return r;
  }

  private static Double finite(double x) {
    return Double.isFinite(x) ? x : null;
  }
}
