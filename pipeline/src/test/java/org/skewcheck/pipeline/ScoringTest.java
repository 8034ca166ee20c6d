package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skewcheck.pipeline.demo.JootData;
import org.skewcheck.pipeline.demo.TrainModel;

/**
 * {@code --model} end to end on the demo-shaped data with a model trained here: scores.csv equals
 * the model's own predictions row by row on the DirectRunner and on embedded Flink, the report's
 * attribution puts the emptied LG family first and its identity holds, and a bad model is exit 2.
 */
class ScoringTest {
  @TempDir
  static Path data;
  static Path jsonModel;
  static Path ubjModel;
  static Map<String, Double> expected;

  @BeforeAll
  static void trainAndPredict() throws Exception {
    JootData.write(JootData.demo(), data);
    Booster booster = TrainModel.train(data.resolve("train.csv"), "target", 20);
    jsonModel = data.resolve("model.json");
    ubjModel = data.resolve("model.ubj");
    booster.saveModel(jsonModel.toString());
    booster.saveModel(ubjModel.toString());
    expected = predictDirectly(booster, booster.getFeatureNames());
    booster.dispose();
  }

  /** The model's predictions for every predict row, from the files, without the pipeline. */
  private static Map<String, Double> predictDirectly(Booster booster, String[] features) throws Exception {
    Map<String, Double> scores = new HashMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(data.resolve("predict"))) {
      files = s.sorted().toList();
    }
    for (Path file : files) {
      try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
        List<String> header = null;
        for (CsvRecord r : csv) {
          if (header == null) {
            header = r.getFields();
            continue;
          }
          float[] row = new float[features.length];
          for (int f = 0; f < features.length; f++) {
            int i = header.indexOf(features[f]);
            row[f] = i < 0 || r.getField(i).isEmpty() ? Float.NaN : Float.parseFloat(r.getField(i));
          }
          DMatrix m = new DMatrix(row, 1, features.length, Float.NaN);
          scores.put(r.getField(0), (double) booster.predict(m)[0][0]);
          m.dispose();
        }
      }
    }
    return scores;
  }

  private static SkewCheckRunner run(Path out, Path model, String... extra) {
    String[] args = Stream.concat(Stream.of("--train=" + data.resolve("train.csv"), "--predict=" + data.resolve("predict"),
        "--config=" + SkewCheckRunner.config("joot.yaml"), "--model=" + model, "--failOn=never"), Stream.of(extra))
        .toArray(String[]::new);
    return SkewCheckRunner.run(out, args);
  }

  private static void assertScoresCsvMatches(Path out) throws IOException {
    List<String> lines = Files.readAllLines(out.resolve("scores.csv"));
    assertThat(lines.get(0)).isEqualTo("id,score");
    assertThat(lines).hasSize(expected.size() + 1);
    for (String line : lines.subList(1, lines.size())) {
      String[] idScore = line.split(",");
      assertThat(Double.parseDouble(idScore[1])).as(idScore[0]).isCloseTo(expected.get(idScore[0]), within(1e-6));
    }
  }

  @Test
  void jsonModelScoresAndAttributesOnTheDirectRunner(@TempDir Path out) throws IOException {
    SkewCheckRunner run = run(out, jsonModel);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertScoresCsvMatches(out);

    JsonNode scores = run.report().path("scores");
    assertThat(scores.path("train").path("count").asLong()).isEqualTo(300);
    assertThat(scores.path("predict").path("count").asLong()).isEqualTo(60);
    assertThat(scores.path("attribution").get(0).path("prefix").asText()).isEqualTo("LG");
    double scale = scores.path("train").path("stddev").asDouble();
    assertThat(Math.abs(scores.path("residual").asDouble())).as("SHAP identity").isLessThan(1e-4 * scale);
    double deltas = 0;
    for (JsonNode a : scores.path("attribution")) {
      deltas += a.path("delta").asDouble();
    }
    assertThat(deltas + scores.path("bias").path("delta").asDouble())
        .isCloseTo(scores.path("meanMargin").path("delta").asDouble(), within(1e-4 * scale));
    assertThat(scores.path("drift").path("psi").asDouble()).as("scores moved far out of train's deciles")
        .isGreaterThan(0.25);
    assertThat(scores.path("drift").path("ks").asDouble()).isGreaterThan(0.5);
    JsonNode shift = finding(run.report(), "scoreShift");
    assertThat(shift.path("severity").asText()).isEqualTo("error");
    assertThat(shift.path("message").asText()).contains("LG explains");
    assertThat(finding(run.report(), "recordedScore").path("message").asText()).contains("score");
  }

  @Test
  void ubjModelOnEmbeddedFlinkGivesTheSameScores(@TempDir Path out) throws IOException {
    SkewCheckRunner run = run(out, ubjModel, "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertScoresCsvMatches(out);
  }

  @Test
  void aModelWhoseFeaturesTheDataLacksIsExitTwo(@TempDir Path out, @TempDir Path dir) throws Exception {
    Path csv = Files.writeString(dir.resolve("other.csv"), ",XX_new,LG_likes_1,target\na,1,2,3\nb,0,1,2\nc,1,0,1\n");
    Booster booster = TrainModel.train(csv, "target", 2);
    Path model = dir.resolve("other.json");
    booster.saveModel(model.toString());
    booster.dispose();
    SkewCheckRunner run = run(out, model);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("1 of the model's 2 features").contains("XX_new").doesNotContain("Exception");
  }

  @Test
  void aLegacyBinaryModelIsExitTwoWithHowToFixIt(@TempDir Path out, @TempDir Path dir) throws IOException {
    Path legacy = Files.write(dir.resolve("model.bin"), new byte[] {0, 0, 0x3f, 0x00, 1, 2, 3});
    SkewCheckRunner run = run(out, legacy);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("re-save it with XGBoost as JSON or UBJ");
  }

  private static JsonNode finding(JsonNode report, String check) {
    for (JsonNode f : report.path("findings")) {
      if (f.path("check").asText().equals(check)) {
        return f;
      }
    }
    throw new AssertionError("no " + check + " finding");
  }
}
