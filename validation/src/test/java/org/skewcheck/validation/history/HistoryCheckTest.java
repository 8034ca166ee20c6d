package org.skewcheck.validation.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.check.Finding;
import org.skewcheck.validation.check.Scope;
import org.skewcheck.validation.check.Severity;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.report.Provenance;
import org.skewcheck.validation.report.Report;

/** The history comparison's rule (k·σ and a minimum change, at least minRuns runs, the last N) and its records. */
class HistoryCheckTest {
  private static final SkewConfig.History DEFAULTS = SkewConfig.defaults().history();

  /** A report whose only prefix, LG, has this zero fraction in predict and no drift tested. */
  private static Report report(double zeroFraction, int night) {
    Report.PrefixSummary predict = new Report.PrefixSummary(4, zeroFraction, 0.0, 0, 1.0, 0.0, 0.0);
    Report.PrefixDrift drift = new Report.PrefixDrift(0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, Double.NaN, List.of(), null);
    Provenance provenance = new Provenance("run-" + night, null, Instant.ofEpochSecond(86_400L * night).toString(),
        "test", "DirectRunner", null, "fp", null, Map.of("predict", List.of(new Provenance.InputFile("n.csv", 1, 1))));
    return new Report(1, "skewcheck", "ok", provenance,
        Map.of("predict", new Report.DatasetSummary(1, 100, 0, 4, null, null)), List.of(), null, Map.of(),
        List.of(new Report.PrefixReport("LG", 4, predict, predict, drift, List.of(), null)), List.of());
  }

  private static List<RunRecord> nights(double... zeroFractions) {
    List<RunRecord> out = new ArrayList<>();
    for (int i = 0; i < zeroFractions.length; i++) {
      out.add(RunRecord.of(report(zeroFractions[i], i + 1)));
    }
    return out;
  }

  private static List<Finding> anomalies(Report report) {
    return report.findings().stream().filter(f -> f.check().equals(HistoryCheck.CHECK)).toList();
  }

  @Test
  void aMetricOutsideKSigmaThatMovedEnoughIsAWarningOnItsPrefix() {
    Report tonight = HistoryCheck.with(DEFAULTS).apply(report(0.9, 9), nights(0.10, 0.12, 0.11, 0.09, 0.10));

    List<Finding> found = anomalies(tonight);
    assertThat(found).hasSize(1);
    Finding f = found.get(0);
    assertThat(f.scope()).isEqualTo(Scope.PREFIX);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.message()).startsWith("LG: anomalous vs history: zeroFraction 0.900 (mean 0.104");
    assertThat(f.figures()).containsEntry("metric", "zeroFraction").containsEntry("value", 0.9)
        .containsEntry("runs", 5).containsEntry("k", 3.0);
    assertThat((double) f.figures().get("historyMean")).isEqualTo(0.104, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(tonight.verdict()).isEqualTo("warning");
    assertThat(tonight.prefixes().get(0).findings()).containsExactly(f);
    assertThat(tonight.prefixes().get(0).history().metrics().get("zeroFraction"))
        .containsExactly(0.10, 0.12, 0.11, 0.09, 0.10, 0.9);
  }

  @Test
  void aConstantHistoryDoesNotFlagATinyWiggleButDoesFlagARealMove() {
    List<RunRecord> flat = nights(0.2, 0.2, 0.2, 0.2, 0.2);
    assertThat(anomalies(HistoryCheck.with(DEFAULTS).apply(report(0.21, 9), flat))).as("σ = 0, moved 0.01").isEmpty();
    assertThat(anomalies(HistoryCheck.with(DEFAULTS).apply(report(0.26, 9), flat))).as("σ = 0, moved 0.06").hasSize(1);
  }

  @Test
  void fewerThanMinRunsEarlierRunsAreNotCompared() {
    Report tonight = HistoryCheck.with(DEFAULTS).apply(report(0.9, 9), nights(0.1, 0.1, 0.1, 0.1));
    assertThat(anomalies(tonight)).isEmpty();
    assertThat(tonight.prefixes().get(0).history().runs()).hasSize(5);
  }

  @Test
  void onlyTheLastRunsEarlierRunsCount() {
    SkewConfig.History lastFive = new SkewConfig.History(3.0, 5, 5, 0.05);
    List<RunRecord> history = nights(0.9, 0.9, 0.9, 0.1, 0.1, 0.1, 0.1, 0.1);
    assertThat(anomalies(HistoryCheck.with(lastFive).apply(report(0.9, 9), history))).hasSize(1);
    assertThat(anomalies(HistoryCheck.with(DEFAULTS).apply(report(0.9, 9), history))).as("all eight runs").isEmpty();
  }

  @Test
  void aRecordRoundTripsThroughJsonAndAnUnknownVersionIsRefused() throws IOException {
    RunRecord record = RunRecord.of(report(0.3, 1));
    assertThat(RunRecord.fromJson(record.toJson())).isEqualTo(record);
    assertThat(new String(record.toJson(), StandardCharsets.UTF_8)).contains("\"psiMax\" : null");
    byte[] future = new String(record.toJson(), StandardCharsets.UTF_8)
        .replace("\"recordVersion\" : 1", "\"recordVersion\" : 2").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> RunRecord.fromJson(future)).hasMessageContaining("unknown record version 2");
  }
}
