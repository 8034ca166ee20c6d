package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight nightly runs over generated nights with one {@code --history} folder and a saved training
 * profile: seven ordinary nights raise no history finding, and on the eighth, when the LG family
 * goes sparse, exactly one does, for LG. A run that fails appends nothing.
 */
class NightlyHistoryTest {
  private static final String[] FAMILIES = {"IQ", "LG", "WI", "FG"};
  private static final int COLUMNS = 8;

  @Test
  void theEighthNightFlagsTheFamilyThatWentSparseAndNothingElse(@TempDir Path dir) throws IOException {
    Path train = write(dir.resolve("train.csv"), 2000, new SplittableRandom(1), false);
    Path profile = dir.resolve("train.profile");
    Path history = dir.resolve("history");
    List<JsonNode> reports = new ArrayList<>();
    for (int night = 1; night <= 8; night++) {
      Path predict = write(dir.resolve("night" + night + ".csv"), 300, new SplittableRandom(100 + night), night == 8);
      // the first night saves the profile the later ones read (an input may not be an output too)
      List<String> args = new ArrayList<>(night == 1 ? List.of("--train=" + train, "--saveProfile=" + profile)
          : List.of("--trainProfile=" + profile));
      args.addAll(List.of("--predict=" + predict, "--history=" + history, "--failOn=never"));
      SkewCheckRunner run = SkewCheckRunner.run(dir.resolve("out" + night), args.toArray(String[]::new));
      assertThat(run.exitCode()).as("night " + night + ": " + run.err()).isZero();
      reports.add(run.report());
      assertThat(records(history)).as("records after night " + night).hasSize(night);
    }

    for (int night = 1; night <= 7; night++) {
      assertThat(historyFindings(reports.get(night - 1))).as("night " + night).isEmpty();
    }
    List<JsonNode> eighth = historyFindings(reports.get(7));
    assertThat(eighth).hasSize(1);
    JsonNode finding = eighth.get(0);
    assertThat(finding.path("target").asText()).isEqualTo("LG");
    assertThat(finding.path("severity").asText()).isEqualTo("warning");
    assertThat(finding.path("scope").asText()).isEqualTo("prefix");
    assertThat(finding.path("message").asText()).contains("anomalous vs history").contains("zeroFraction");
    assertThat(finding.path("figures").path("runs").asInt()).isEqualTo(7);
    assertThat(finding.path("figures").path("alpha").asDouble()).isEqualTo(0.01);
    assertThat(finding.path("figures").has("historyMean")).isTrue();
    assertThat(finding.path("figures").has("historySigma")).isTrue();
    assertThat(finding.path("figures").path("predictionHigh").asDouble()).isLessThan(0.9);
    assertThat(finding.path("figures").path("adjustedProbability").asDouble()).isLessThan(0.01);

    JsonNode lg = prefix(reports.get(7), "LG");
    assertThat(lg.path("findings").toString()).contains("historyAnomaly");
    JsonNode zeros = lg.path("history").path("metrics").path("zeroFraction");
    assertThat(lg.path("history").path("runs")).hasSize(8);
    assertThat(zeros).hasSize(8);
    assertThat(zeros.get(7).asDouble()).isGreaterThan(0.9);
    assertThat(zeros.get(0).asDouble()).isLessThan(0.2);
  }

  @Test
  void aFailedRunAppendsNothingAndAFileIsNoHistoryFolder(@TempDir Path dir) throws IOException {
    Path train = write(dir.resolve("train.csv"), 300, new SplittableRandom(1), false);
    Path predict = write(dir.resolve("night.csv"), 100, new SplittableRandom(2), false);
    Path history = dir.resolve("history");
    SkewCheckRunner ok = SkewCheckRunner.run(dir.resolve("ok"), "--train=" + train, "--predict=" + predict,
        "--history=" + history, "--failOn=never");
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(records(history)).hasSize(1);

    SkewCheckRunner failed = SkewCheckRunner.run(dir.resolve("failed"), "--train=" + train,
        "--predict=" + dir.resolve("no-such-night"), "--history=" + history);
    assertThat(failed.exitCode()).isEqualTo(2);
    assertThat(records(history)).hasSize(1);

    Path notAFolder = Files.writeString(dir.resolve("history.json"), "{}");
    SkewCheckRunner file = SkewCheckRunner.run(dir.resolve("file"), "--train=" + train, "--predict=" + predict,
        "--history=" + notAFolder);
    assertThat(file.exitCode()).isEqualTo(2);
    assertThat(file.err()).contains("--history=").contains("is a file, not a folder");
  }

  /**
   * One night (or the training set): IQ continuous, LG lagged counts non-zero in 90% of rows (or 3%
   * when {@code lgSparse}), WI tags present in 20% of rows, FG with 30% zeros.
   */
  private static Path write(Path file, int rows, SplittableRandom rnd, boolean lgSparse) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      StringBuilder header = new StringBuilder();
      for (String family : FAMILIES) {
        for (int c = 0; c < COLUMNS; c++) {
          header.append(',').append(family).append('_').append(c);
        }
      }
      out.write(header.append('\n').toString());
      for (int r = 0; r < rows; r++) {
        StringBuilder row = new StringBuilder(file.getFileName() + "-" + r);
        for (int c = 0; c < COLUMNS; c++) {
          row.append(',').append(String.format(Locale.ROOT, "%.5f", 0.5 + 0.1 * c + 0.1 * gaussian(rnd)));
        }
        for (int c = 0; c < COLUMNS; c++) {
          boolean nonZero = rnd.nextDouble() < (lgSparse ? 0.03 : 0.9);
          row.append(',').append(nonZero ? (long) Math.exp(2 + gaussian(rnd)) + 1 : 0);
        }
        for (int c = 0; c < COLUMNS; c++) {
          row.append(',').append(rnd.nextDouble() < 0.2 ? 1 : 0);
        }
        for (int c = 0; c < COLUMNS; c++) {
          row.append(',').append(rnd.nextDouble() < 0.3 ? "0" : String.format(Locale.ROOT, "%.4f", rnd.nextDouble()));
        }
        out.write(row.append('\n').toString());
      }
    }
    return file;
  }

  private static double gaussian(SplittableRandom rnd) {
    return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
  }

  private static List<Path> records(Path history) throws IOException {
    if (!Files.isDirectory(history)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(history)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).toList();
    }
  }

  private static List<JsonNode> historyFindings(JsonNode report) {
    List<JsonNode> out = new ArrayList<>();
    report.path("findings").forEach(f -> {
      if (f.path("check").asText().equals("historyAnomaly")) {
        out.add(f);
      }
    });
    return out;
  }

  private static JsonNode prefix(JsonNode report, String name) {
    for (JsonNode p : report.path("prefixes")) {
      if (p.path("prefix").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no prefix " + name);
  }
}
