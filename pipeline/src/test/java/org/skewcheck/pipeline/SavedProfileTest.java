package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skewcheck.pipeline.demo.JootData;
import org.skewcheck.pipeline.demo.TrainModel;

/**
 * {@code --saveProfile} then {@code --trainProfile}: the report from the saved profile equals the
 * full run's, figure for figure (quantiles and drift bins exactly, as the sketches are the same), and
 * a damaged, foreign-config, unknown-version or other-model profile is refused with exit 2.
 */
class SavedProfileTest {
  /** Relative tolerance for figures summed in another order on the predict side (provenance's run fields aside). */
  private static final double RELATIVE = 1e-9;

  @TempDir
  static Path data;
  static Path model;
  static Path otherModel;
  static Path profile;
  static JsonNode fullReport;

  /**
   * 3,000 train rows, so the continuous columns' KLL sketches (k = 1000) have compacted: only the
   * saved sketch itself, not the raw data, gives the same quantiles again.
   */
  @BeforeAll
  static void fullRunSavesTheProfile(@TempDir Path out) throws Exception {
    JootData.write(new JootData.Shape(3000, 80, 120, 11, true), data);
    model = saveModel(6, "model.json");
    otherModel = saveModel(7, "other.json");
    profile = data.resolve("saved/train.profile");
    SkewCheckRunner run = SkewCheckRunner.run(out, "--train=" + data.resolve("train.csv"), predict(), config(),
        "--model=" + model, "--failOn=never", "--saveProfile=" + profile);
    assertThat(run.exitCode()).as(run.err()).isZero();
    fullReport = run.report();
    assertThat(profile).exists();
  }

  private static Path saveModel(int rounds, String name) throws Exception {
    Booster booster = TrainModel.train(data.resolve("train.csv"), "target", rounds);
    Path path = data.resolve(name);
    booster.saveModel(path.toString());
    booster.dispose();
    return path;
  }

  private static String predict() {
    return "--predict=" + data.resolve("predict");
  }

  private static String config() {
    return "--config=" + SkewCheckRunner.config("joot.yaml");
  }

  @Test
  void theReportFromTheProfileEqualsTheFullRunsReport(@TempDir Path out) throws IOException {
    SkewCheckRunner run = SkewCheckRunner.run(out, "--trainProfile=" + profile, predict(), config(),
        "--model=" + model, "--failOn=never");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = run.report();
    assertThat(ReportDiff.between(fullReport, report, RELATIVE)).isEmpty();
    assertThat(report.path("columns").findValues("quantiles")).as("quantiles, exactly")
        .isEqualTo(fullReport.path("columns").findValues("quantiles"));
    assertThat(report.path("columns").findValues("bins")).as("drift bins, exactly")
        .isEqualTo(fullReport.path("columns").findValues("bins"));
    assertThat(report.path("datasets").path("train").path("rows").asLong()).isEqualTo(3000);
    assertThat(report.path("scores").path("train").path("count").asLong()).isEqualTo(3000);
    assertThat(report.path("provenance").path("inputs").path("train"))
        .isEqualTo(fullReport.path("provenance").path("inputs").path("train"));
    assertThat(report.path("columns").findValues("p50")).as("quantiles were compared").hasSizeGreaterThan(100);
    List<JsonNode> sketched = new ArrayList<>();
    report.path("columns").forEach(c -> {
      if (c.path("train").path("distinct").isNull() && c.path("train").path("count").asLong() > 1000) {
        sketched.add(c);
      }
    });
    assertThat(sketched).as("columns whose train quantiles come from a compacted KLL sketch").isNotEmpty();
  }

  @Test
  void aTamperedProfileIsExitTwo(@TempDir Path out, @TempDir Path dir) throws IOException {
    byte[] bytes = Files.readAllBytes(profile);
    bytes[bytes.length / 2] ^= 0x01;
    Path tampered = Files.write(dir.resolve("tampered.profile"), bytes);

    SkewCheckRunner run = SkewCheckRunner.run(out, "--trainProfile=" + tampered, predict(), config());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).doesNotContain("\n").contains("tampered.profile")
        .contains("damaged or was modified");
    assertThat(out.resolve("report.json")).doesNotExist();
  }

  @Test
  void aProfileOfAnotherConfigIsExitTwo(@TempDir Path out, @TempDir Path dir) throws IOException {
    Path other = Files.writeString(dir.resolve("other.yaml"), "columns: {label: target, recordedScore: score}\n"
        + "prefixes: [{match: '^(LG_likes)_', prefix: '$1'}]\n");

    SkewCheckRunner run = SkewCheckRunner.run(out, "--trainProfile=" + profile, predict(), "--config=" + other);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("was made with another config").contains("prefix rules differ")
        .contains("save the profile again");
  }

  @Test
  void anUnknownFormatVersionIsExitTwo(@TempDir Path out, @TempDir Path dir) throws Exception {
    byte[] bytes = Files.readAllBytes(profile);
    ByteBuffer.wrap(bytes).putInt(8, TrainProfile.FORMAT_VERSION + 1);
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(java.util.Arrays.copyOf(bytes, bytes.length - 32));
    System.arraycopy(hash, 0, bytes, bytes.length - 32, 32);
    Path future = Files.write(dir.resolve("future.profile"), bytes);

    SkewCheckRunner run = SkewCheckRunner.run(out, "--trainProfile=" + future, predict(), config());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown profile format version " + (TrainProfile.FORMAT_VERSION + 1))
        .contains("reads version " + TrainProfile.FORMAT_VERSION);
  }

  @Test
  void notAProfileIsExitTwo(@TempDir Path out) {
    SkewCheckRunner run = SkewCheckRunner.run(out, "--trainProfile=" + data.resolve("train.csv"), predict(), config());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("not a skewcheck training profile");
  }

  @Test
  void anotherModelIsExitTwo(@TempDir Path out) {
    SkewCheckRunner run = SkewCheckRunner.run(out, "--trainProfile=" + profile, predict(), config(),
        "--model=" + otherModel);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("was made with another model");
  }

  @Test
  void trainAndTrainProfileAreExclusiveAndOneIsRequired(@TempDir Path out) {
    SkewCheckRunner both = SkewCheckRunner.run(out, "--train=" + data.resolve("train.csv"),
        "--trainProfile=" + profile, predict());
    SkewCheckRunner neither = SkewCheckRunner.run(out, predict());
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(neither.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("exactly one of them");
    assertThat(neither.err()).contains("exactly one of them");
  }
}
