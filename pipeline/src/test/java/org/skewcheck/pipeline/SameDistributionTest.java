package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skewcheck.pipeline.demo.LongData;

/**
 * No false alarms on long data: flight-delay-shaped rows, about 2% of them repeated by nature, give
 * no warning and no error from any check when predict comes from train's distribution, whether
 * predict has 100,000 rows or a 100-row sample.
 */
class SameDistributionTest {
  private static final int TRAIN_ROWS = 200_000;
  @TempDir
  static Path data;

  @BeforeAll
  static void writeData() throws IOException {
    LongData.write(data, TRAIN_ROWS);
  }

  private static List<String> alarms(JsonNode report) {
    List<String> alarms = new ArrayList<>();
    report.path("findings").forEach(f -> {
      if (!f.path("severity").asText().equals("info")) {
        alarms.add(f.path("check").asText() + ": " + f.path("message").asText());
      }
    });
    return alarms;
  }

  @Test
  void aLongNightFromTrainsDistributionRaisesNothing(@TempDir Path out) throws IOException {
    SkewCheckRunner run = SkewCheckRunner.run(out, "--train=" + data.resolve("train.csv"),
        "--predict=" + data.resolve("predict.csv"));
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = run.report();
    assertThat(report.path("datasets").path("predict").path("duplicateRows").asLong())
        .as("rows repeat by nature").isPositive();
    assertThat(alarms(report)).isEmpty();
  }

  @Test
  void aHundredRowSampleRaisesNothing(@TempDir Path out, @TempDir Path dir) throws IOException {
    List<String> lines = Files.readAllLines(data.resolve("predict.csv"));
    Path sample = Files.write(dir.resolve("sample.csv"), lines.subList(0, 101));
    SkewCheckRunner run = SkewCheckRunner.run(out, "--train=" + data.resolve("train.csv"), "--predict=" + sample);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.report().path("datasets").path("predict").path("rows").asLong()).isEqualTo(100);
    assertThat(alarms(run.report())).isEmpty();
  }
}
