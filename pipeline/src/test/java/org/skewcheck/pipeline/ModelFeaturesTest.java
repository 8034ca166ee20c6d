package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skewcheck.pipeline.demo.TrainModel;

/**
 * The model against the data, end to end with real models: a feature that either dataset lacks is
 * exit 2 naming the dataset and the feature; a model saved without feature names takes its order
 * from the config's {@code expectedColumns}; a value beyond float range is scored as missing and
 * counted in a warning.
 */
class ModelFeaturesTest {
  private static final int ROWS = 200;
  @TempDir
  static Path data;
  static Path named;

  @BeforeAll
  static void trainModel() throws Exception {
    Files.writeString(data.resolve("train.csv"), csv(true, true, null));
    Booster booster = TrainModel.train(data.resolve("train.csv"), "target", 5);
    named = data.resolve("named.json");
    booster.saveModel(named.toString());
    booster.dispose();
  }

  /** Columns id, a, b (each optional) and target (train only); {@code beyond} replaces row 0's a. */
  private static String csv(boolean withB, boolean train, String beyond) {
    StringBuilder s = new StringBuilder("id,a" + (withB ? ",b" : "") + (train ? ",target" : "") + "\n");
    for (int i = 0; i < ROWS; i++) {
      double a = i % 13;
      double b = (i * 7) % 11;
      s.append("r").append(i).append(',').append(i == 0 && beyond != null ? beyond : String.valueOf(a));
      if (withB) {
        s.append(',').append(b);
      }
      if (train) {
        s.append(',').append(a + 2 * b);
      }
      s.append('\n');
    }
    return s.toString();
  }

  private static SkewCheckRunner run(Path out, Path train, Path predict, Path model, String config) throws Exception {
    Path c = Files.writeString(out.resolveSibling(out.getFileName() + ".yaml"),
        "columns:\n  id: id\n  label: target\n" + config);
    return SkewCheckRunner.run(out, "--train=" + train, "--predict=" + predict, "--model=" + model, "--config=" + c,
        "--failOn=never");
  }

  @Test
  void aFeatureMissingFromPredictOnlyIsExitTwoNamingIt(@TempDir Path dir) throws Exception {
    Path predict = Files.writeString(dir.resolve("predict.csv"), csv(false, false, null));
    SkewCheckRunner run = run(dir.resolve("out"), data.resolve("train.csv"), predict, named, "");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("predict lacks 1 of the model's 2 features: b").doesNotContain("train lacks");
  }

  @Test
  void aFeatureMissingFromTrainOnlyIsExitTwoNamingIt(@TempDir Path dir) throws Exception {
    Path train = Files.writeString(dir.resolve("train.csv"), csv(false, true, null));
    Path predict = Files.writeString(dir.resolve("predict.csv"), csv(true, false, null));
    SkewCheckRunner run = run(dir.resolve("out"), train, predict, named, "");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("train lacks 1 of the model's 2 features: b").doesNotContain("predict lacks");
  }

  @Test
  void aModelWithoutFeatureNamesTakesTheOrderOfExpectedColumns(@TempDir Path dir) throws Exception {
    // trained on the columns in the order b, a, and saved without their names
    float[] values = new float[ROWS * 2];
    float[] labels = new float[ROWS];
    for (int i = 0; i < ROWS; i++) {
      values[2 * i] = (i * 7) % 11;
      values[2 * i + 1] = i % 13;
      labels[i] = values[2 * i + 1] + 2 * values[2 * i];
    }
    DMatrix matrix = new DMatrix(values, ROWS, 2, Float.NaN);
    matrix.setLabel(labels);
    Map<String, Object> params = new HashMap<>(Map.of("objective", "reg:squarederror", "nthread", 1, "seed", 0));
    Booster booster = XGBoost.train(matrix, params, 5, new HashMap<>(), null, null);
    Path unnamed = dir.resolve("unnamed.json");
    booster.saveModel(unnamed.toString());
    float expected = booster.predict(new DMatrix(new float[] {(7 * 3) % 11, 3 % 13}, 1, 2, Float.NaN))[0][0];
    booster.dispose();
    matrix.dispose();

    Path predict = Files.writeString(dir.resolve("predict.csv"), csv(true, false, null));
    SkewCheckRunner run = run(dir.resolve("out"), data.resolve("train.csv"), predict, unnamed,
        "expectedColumns: [b, a]\n");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> scores = Files.readAllLines(dir.resolve("out").resolve("scores.csv"));
    assertThat(scores).hasSize(ROWS + 1);
    String r3 = scores.stream().filter(l -> l.startsWith("r3,")).findFirst().orElseThrow();
    assertThat(Double.parseDouble(r3.substring(r3.indexOf(',') + 1))).as("row r3: b then a").isEqualTo(expected);
  }

  @Test
  void aValueBeyondFloatRangeIsScoredAsMissingAndCountedInAWarning(@TempDir Path dir) throws Exception {
    Path predict = Files.writeString(dir.resolve("predict.csv"), csv(true, false, "1e39"));
    SkewCheckRunner run = run(dir.resolve("out"), data.resolve("train.csv"), predict, named, "");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readAllLines(dir.resolve("out").resolve("scores.csv"))).as("every row scored").hasSize(ROWS + 1);
    JsonNode beyond = DamagedInputTest.findings(run.report(), "valuesBeyondFloat").get(0);
    assertThat(beyond.path("severity").asText()).isEqualTo("warning");
    assertThat(beyond.path("target").asText()).isEqualTo("predict");
    assertThat(beyond.path("figures").path("values").asLong()).isEqualTo(1);
    assertThat(beyond.path("message").asText()).contains("a (1)");
  }
}
