package org.skewcheck.validation.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.check.Check;
import org.skewcheck.validation.check.Finding;
import org.skewcheck.validation.check.Scope;
import org.skewcheck.validation.check.Severity;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.report.CompareProfiles;
import org.skewcheck.validation.report.Provenance;
import org.skewcheck.validation.report.Report;
import org.skewcheck.validation.report.Verdict;
import org.skewcheck.validation.stats.DatasetProfile;
import org.skewcheck.validation.stats.Table;

/**
 * The history comparison's rule (a t prediction interval, Bonferroni over the run's tests, and a minimum
 * change; at least minRuns runs, the last N) and its records.
 */
class HistoryCheckTest {
  private static final SkewConfig.History DEFAULTS = SkewConfig.defaults().history();

  /** A report whose only prefix, LG, has this zero fraction in predict and no drift tested. */
  private static Report report(double zeroFraction, int night) {
    Report.PrefixSummary predict = new Report.PrefixSummary(4, zeroFraction, 0.0, 0, 1.0, 0.0, 0.0);
    Report.PrefixDrift drift = new Report.PrefixDrift(0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, Double.NaN, List.of(), null);
    return new Report(1, "skewcheck", Verdict.OK, provenance(night),
        Map.of("predict", new Report.DatasetSummary(1, 100, 0, 4, null, null)), List.of(), null, Map.of(),
        List.of(new Report.PrefixReport("LG", 4, predict, predict, drift, List.of(), null)), List.of(),
        SkewConfig.defaults().drift());
  }

  private static Provenance provenance(int night) {
    return new Provenance("run-" + night, null, Instant.ofEpochSecond(86_400L * night).toString(),
        "test", "DirectRunner", null, "fp", null, Map.of("predict", List.of(new Provenance.InputFile("n.csv", 1, 1))));
  }

  /**
   * A report with {@code families} prefixes whose five metrics are all tested: each has this psiMax, the
   * others fixed per night.
   */
  private static Report families(int families, double psiMax, int night) {
    List<Report.PrefixReport> prefixes = new ArrayList<>();
    for (int i = 0; i < families; i++) {
      Report.PrefixSummary predict = new Report.PrefixSummary(10, 0.3, 0.01, 1, 1.0, 0.0, 0.0);
      Report.PrefixDrift drift = new Report.PrefixDrift(10, 0, 0.0, psiMax, psiMax / 2, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN, List.of(), null);
      prefixes.add(new Report.PrefixReport(String.format(Locale.ROOT, "P%02d", i), 10, predict, predict, drift,
          List.of(), null));
    }
    return new Report(1, "skewcheck", Verdict.OK, provenance(night),
        Map.of("predict", new Report.DatasetSummary(1, 100, 0, 10 * families, null, null)), List.of(), null,
        Map.of(), prefixes, List.of(), SkewConfig.defaults().drift());
  }

  private static List<RunRecord> nights(double... zeroFractions) {
    List<RunRecord> out = new ArrayList<>();
    for (int i = 0; i < zeroFractions.length; i++) {
      out.add(RunRecord.of(report(zeroFractions[i], i + 1)));
    }
    return out;
  }

  private static List<Finding> anomalies(Report report) {
    return report.findings().stream().filter(f -> f.check() == Check.HISTORY_ANOMALY).toList();
  }

  @Test
  void aMetricOutsideItsPredictionIntervalThatMovedEnoughIsAWarningOnItsPrefix() {
    Report tonight = HistoryCheck.with(DEFAULTS).apply(report(0.9, 9), nights(0.10, 0.12, 0.11, 0.09, 0.10));

    List<Finding> found = anomalies(tonight);
    assertThat(found).hasSize(1);
    Finding f = found.get(0);
    assertThat(f.scope()).isEqualTo(Scope.PREFIX);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.message()).startsWith("LG: anomalous vs history: zeroFraction 0.900 outside [");
    // Tested: zero, missing and constant fractions (LG has no drift figures), so α' = 0.01 / 3.
    double s = Math.sqrt((0.004 * 0.004 * 2 + 0.016 * 0.016 + 0.006 * 0.006 + 0.014 * 0.014) / 4);
    double half = TDistribution.of(4).inverseSurvivalProbability(0.01 / 3 / 2) * s * Math.sqrt(1 + 1.0 / 5);
    assertThat(f.figures()).containsEntry("metric", "zeroFraction").containsEntry("value", 0.9)
        .containsEntry("runs", 5).containsEntry("alpha", 0.01).containsEntry("tests", 3);
    assertThat((double) f.figures().get("historyMean")).isCloseTo(0.104, offset(1e-12));
    assertThat((double) f.figures().get("historySigma")).isCloseTo(s, offset(1e-12));
    assertThat((double) f.figures().get("predictionLow")).isCloseTo(0.104 - half, offset(1e-9));
    assertThat((double) f.figures().get("predictionHigh")).isCloseTo(0.104 + half, offset(1e-9));
    assertThat(f.adjustedProbability()).isCloseTo(3 * f.probability(), offset(1e-15)).isLessThan(0.01);
    assertThat(tonight.verdict()).isEqualTo(Verdict.WARNING);
    assertThat(tonight.prefixes().get(0).findings()).containsExactly(f);
    assertThat(tonight.prefixes().get(0).history().metrics().get("zeroFraction"))
        .containsExactly(0.10, 0.12, 0.11, 0.09, 0.10, 0.9);
  }

  @Test
  void theIssuesSixthNightIsInsideItsPredictionInterval() {
    // Five runs with mean 0.103 and s 0.023, then psiMax 0.212: about 4.3 s away, which a 3σ band flagged.
    double e = 0.01;
    double d = Math.sqrt(2 * 0.023 * 0.023 - e * e);
    double[] past = {0.103 - d, 0.103 - e, 0.103, 0.103 + e, 0.103 + d};
    HistoryCheck.Comparison c = HistoryCheck.Comparison.of("psiMax", 0.212, past);
    assertThat(c.sigma()).isCloseTo(0.023, offset(1e-12));
    // Student t with 4 degrees of freedom in closed form: P(|T| > t) = 1 - (3/2) u (1 - u²/3), u = t / √(t² + 4).
    double t = 0.109 / (0.023 * Math.sqrt(1.2));
    double u = t / Math.sqrt(t * t + 4);
    assertThat(c.probability()).isCloseTo(1 - 1.5 * u * (1 - u * u / 3), offset(1e-12)).isGreaterThan(0.01);
    assertThat(0.103 + c.halfWidth(0.01 / 100)).as("the interval with 20 prefixes × 5 metrics").isGreaterThan(0.4);

    List<RunRecord> history = new ArrayList<>();
    for (int night = 0; night < past.length; night++) {
      history.add(RunRecord.of(families(20, past[night], night + 1)));
    }
    Report sixth = HistoryCheck.with(DEFAULTS).apply(families(20, 0.212, 6), history);
    assertThat(anomalies(sixth)).isEmpty();
  }

  /**
   * One night's data: WI and IQ families of N(mean, 1) columns, an LG family of counts non-zero with
   * probability {@code lgNonZero}.
   */
  private static DatasetProfile night(String dataset, int rows, double wiMean, double lgNonZero, SplittableRandom random) {
    Table t = new Table(rows);
    for (String c : List.of("a", "b", "c", "d")) {
      t.normal("WI_" + c, c.equals("a") ? wiMean : 0, random);
    }
    for (String c : List.of("1", "2", "3", "4", "5")) {
      t.sparse("LG_" + c, lgNonZero, random);
    }
    for (String c : List.of("x", "y", "z")) {
      t.normal("IQ_" + c, 0, random);
    }
    return t.profile(dataset);
  }

  /** The report of one night's predict data against {@code train}, profiled and compared as a run does. */
  private static Report run(DatasetProfile train, DatasetProfile predict, int night) {
    return CompareProfiles.with(SkewConfig.defaults()).withProvenance(provenance(night)).compare(train, predict);
  }

  @Test
  void thirtySameDistributionNightsRaiseNothingAndARealChangeStillDoes() {
    SplittableRandom random = new SplittableRandom(1207);
    DatasetProfile train = night("train", 2_000, 0, 0.9, random);
    List<RunRecord> history = new ArrayList<>();
    for (int n = 1; n <= 30; n++) {
      Report tonight = HistoryCheck.with(DEFAULTS).apply(run(train, night("predict", 500, 0, 0.9, random), n), history);
      assertThat(anomalies(tonight)).as("night %d", n).isEmpty();
      history.add(RunRecord.of(tonight));
    }
    assertThat(history).allSatisfy(r -> assertThat(r.prefixes()).containsOnlyKeys("IQ", "LG", "WI"));

    Report sparse = HistoryCheck.with(DEFAULTS).apply(run(train, night("predict", 500, 0, 0.5, random), 31), history);
    assertThat(anomalies(sparse)).singleElement().satisfies(f -> {
      assertThat(f.target()).isEqualTo("LG");
      assertThat(f.figures().get("metrics").toString()).contains("zeroFraction");
      assertThat(f.figures()).containsEntry("runs", 30);
      assertThat(f.message()).containsPattern("zeroFraction 0\\.[45]\\d\\d outside \\[0\\.0\\d\\d, 0\\.1\\d\\d\\]");
    });

    double psiBefore = history.get(29).prefixes().get("WI").psiMax();
    Report shifted = HistoryCheck.with(DEFAULTS).apply(run(train, night("predict", 500, 0.6, 0.9, random), 31), history);
    double psiAfter = shifted.prefixes().stream().filter(p -> p.prefix().equals("WI")).findFirst().orElseThrow()
        .drift().psiMax();
    assertThat(psiAfter).as("psiMax more than triples").isGreaterThan(3 * psiBefore);
    assertThat(anomalies(shifted)).singleElement().satisfies(f -> {
      assertThat(f.target()).isEqualTo("WI");
      assertThat(f.figures().get("metrics").toString()).contains("psiMax");
    });
  }

  @Test
  void aHistoryWithoutSpreadIsNoEvidenceButAWiggleOverOneIsAnomalous() {
    List<RunRecord> flat = nights(0.2, 0.2, 0.2, 0.2, 0.2);
    assertThat(anomalies(HistoryCheck.with(DEFAULTS).apply(report(0.9, 9), flat)))
        .as("s = 0: P = 1/6 for the one run of six that differs").isEmpty();
    List<RunRecord> steady = nights(0.200, 0.201, 0.199, 0.200, 0.200);
    assertThat(anomalies(HistoryCheck.with(DEFAULTS).apply(report(0.21, 9), steady))).as("moved 0.01").isEmpty();
    assertThat(anomalies(HistoryCheck.with(DEFAULTS).apply(report(0.26, 9), steady))).as("moved 0.06").hasSize(1);
  }

  @Test
  void fewerThanMinRunsEarlierRunsAreNotCompared() {
    Report tonight = HistoryCheck.with(DEFAULTS).apply(report(0.9, 9), nights(0.1, 0.1, 0.1, 0.1));
    assertThat(anomalies(tonight)).isEmpty();
    assertThat(tonight.prefixes().get(0).history().runs()).hasSize(5);
  }

  @Test
  void onlyTheLastRunsEarlierRunsCount() {
    SkewConfig.History lastFive = new SkewConfig.History(0.01, 5, 5, 0.05);
    List<RunRecord> history = nights(0.9, 0.9, 0.9, 0.10, 0.12, 0.11, 0.09, 0.10);
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
