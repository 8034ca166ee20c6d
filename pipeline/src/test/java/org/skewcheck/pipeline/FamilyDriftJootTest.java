package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skewcheck.pipeline.demo.JootData;

/**
 * Issue 12's case through the real command: Joot-shaped training data split in two halves (2,513
 * vs 2,513 rows, one distribution) raises nothing, family test included; the same halves with
 * every FG column multiplied by 1.3 in the predict half give an FG family finding; so do 100 rows
 * of that half, where 100 unchanged rows raise nothing.
 */
class FamilyDriftJootTest {
  @TempDir
  static Path joot;

  private static List<String> lines;

  @BeforeAll
  static void writeJootTrain() throws IOException {
    JootData.Shape benchmark = JootData.benchmark();
    JootData.write(new JootData.Shape(benchmark.trainRows(), 0, benchmark.features(), benchmark.seed(), false), joot);
    lines = Files.readAllLines(joot.resolve("train.csv"), StandardCharsets.UTF_8);
  }

  /** Writes the first half of train's rows as train.csv and the second, changed by {@code fgFactor}, as predict. */
  private static Path halves(Path dir, double fgFactor) throws IOException {
    return halves(dir, fgFactor, lines.size());
  }

  /** {@link #halves(Path, double)}, predict holding at most the first {@code predictRows} rows of the second half. */
  private static Path halves(Path dir, double fgFactor, int predictRows) throws IOException {
    String header = lines.get(0);
    String[] names = header.split(",", -1);
    int half = (lines.size() - 1) / 2;
    Files.write(dir.resolve("train.csv"), lines.subList(0, 1 + half), StandardCharsets.UTF_8);
    List<String> predict = new ArrayList<>(List.of(header));
    for (String line : lines.subList(1 + half, Math.min(lines.size(), 1 + half + predictRows))) {
      String[] cells = line.split(",", -1);
      for (int c = 0; c < cells.length; c++) {
        if (names[c].startsWith("FG_") && !cells[c].isEmpty()) {
          cells[c] = String.format(Locale.ROOT, "%.6g", Double.parseDouble(cells[c]) * fgFactor);
        }
      }
      predict.add(String.join(",", cells));
    }
    Path predictDir = Files.createDirectories(dir.resolve("predict"));
    Files.write(predictDir.resolve("predict.csv"), predict, StandardCharsets.UTF_8);
    return dir;
  }

  private static JsonNode run(Path data, Path out) throws IOException {
    SkewCheckRunner run = SkewCheckRunner.run(out, "--train=" + data.resolve("train.csv"),
        "--predict=" + data.resolve("predict"), "--config=" + SkewCheckRunner.config("joot.yaml"), "--failOn=never");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run.report();
  }

  private static List<String> alarms(JsonNode report) {
    List<String> out = new ArrayList<>();
    report.path("findings").forEach(f -> {
      if (!f.path("severity").asText().equals("info")) {
        out.add(f.path("message").asText());
      }
    });
    return out;
  }

  @Test
  void halvesOfOneDistributionRaiseNothing(@TempDir Path data, @TempDir Path out) throws IOException {
    JsonNode report = run(halves(data, 1.0), out);

    assertThat(alarms(report)).isEmpty();
    int tested = 0;
    for (JsonNode p : report.path("prefixes")) {
      tested += p.path("drift").path("family").isObject() ? 1 : 0;
    }
    assertThat(tested).as("families the family test ran on").isGreaterThanOrEqualTo(5);
  }

  @Test
  void aHundredRowSampleOfTheOtherHalfRaisesNothing(@TempDir Path data, @TempDir Path out) throws IOException {
    assertThat(alarms(run(halves(data, 1.0, 100), out))).isEmpty();
  }

  @Test
  void aHundredRowsWithEveryFgColumnTimes13AreAnFgFamilyFinding(@TempDir Path data, @TempDir Path out)
      throws IOException {
    assertFgFamilyFinding(run(halves(data, 1.3, 100), out));
  }

  @Test
  void everyFgColumnTimes13IsAnFgFamilyFinding(@TempDir Path data, @TempDir Path out) throws IOException {
    assertFgFamilyFinding(run(halves(data, 1.3), out));
  }

  private static void assertFgFamilyFinding(JsonNode report) {

    List<JsonNode> family = new ArrayList<>();
    report.path("findings").forEach(f -> {
      if (f.path("check").asText().equals("familyDrift")) {
        family.add(f);
      }
    });
    assertThat(family).extracting(f -> f.path("target").asText()).containsExactly("FG");
    JsonNode fg = family.get(0);
    assertThat(fg.path("scope").asText()).isEqualTo("prefix");
    assertThat(fg.path("severity").asText()).isIn("error", "warning");
    assertThat(fg.path("message").asText()).startsWith("FG: shifted up in predict");
    assertThat(fg.path("figures").path("columnsUp").asInt()).isGreaterThan(fg.path("figures").path("columnsDown").asInt());
  }
}
