package org.skewcheck.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.skewcheck.validation.score.ScoreSummary;

/**
 * Trains a small model with XGBoost4J (fixed seed), saves it as JSON and UBJ, and checks that the
 * batched scores of {@link ScoreWithXgboost} in a TestPipeline equal {@code Booster.predict} on the
 * same rows, and that the SHAP contributions per prefix add up to the raw margins.
 */
public class ScoreWithXgboostTest {
  private static final String[] FEATURES = {"LG_1", "LG_2", "IQ_a", "WI_x", "WI_y"};
  private static final int ROWS = 300;

  @ClassRule public static final TemporaryFolder FOLDER = new TemporaryFolder();
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static float[] matrix;
  private static String json;
  private static String ubj;
  private static float[] expected;

  @BeforeClass
  public static void trainModel() throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    matrix = new float[ROWS * FEATURES.length];
    float[] label = new float[ROWS];
    for (int r = 0; r < ROWS; r++) {
      for (int f = 0; f < FEATURES.length; f++) {
        matrix[r * FEATURES.length + f] = r % 17 == f ? Float.NaN : (float) random.nextDouble();
      }
      label[r] = 2 * nanToZero(matrix[r * FEATURES.length]) + nanToZero(matrix[r * FEATURES.length + 2]);
    }
    DMatrix train = new DMatrix(matrix, ROWS, FEATURES.length, Float.NaN);
    train.setLabel(label);
    train.setFeatureNames(FEATURES);
    Map<String, Object> params = new HashMap<>();
    params.put("max_depth", 3);
    params.put("eta", 0.3);
    params.put("nthread", 1);
    params.put("seed", 0);
    Booster booster = XGBoost.train(train, params, 20, new HashMap<>(), null, null);
    json = new File(FOLDER.getRoot(), "model.json").getPath();
    ubj = new File(FOLDER.getRoot(), "model.ubj").getPath();
    booster.saveModel(json);
    booster.saveModel(ubj);
    float[][] predictions = booster.predict(train);
    expected = new float[ROWS];
    for (int r = 0; r < ROWS; r++) {
      expected[r] = predictions[r][0];
    }
    booster.dispose();
    train.dispose();
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
  }

  private static float nanToZero(float v) {
    return Float.isNaN(v) ? 0 : v;
  }

  /** The rows as predict blocks of 64 rows, columns in another order than the model's. */
  private static List<RowBlock> blocks() {
    String[] columns = {"WI_y", "IQ_a", "LG_2", "LG_1", "WI_x", "score"};
    int[] featureOf = {4, 2, 1, 0, 3};
    List<RowBlock> blocks = new ArrayList<>();
    for (int start = 0; start < ROWS; start += 64) {
      int rows = Math.min(64, ROWS - start);
      double[] values = new double[columns.length * rows];
      String[] ids = new String[rows];
      for (int r = 0; r < rows; r++) {
        ids[r] = "row" + (start + r);
        for (int c = 0; c < featureOf.length; c++) {
          values[c * rows + r] = matrix[(start + r) * FEATURES.length + featureOf[c]];
        }
        values[5 * rows + r] = expected[start + r];
      }
      blocks.add(new RowBlock("predict", columns, rows, values, new int[0], new String[0], ids));
    }
    return blocks;
  }

  private void checkScores(String model) {
    PCollectionTuple scored = pipeline.apply(Create.of(blocks()).withCoder(RowBlockCoder.of()))
        .apply(ScoreWithXgboost.withModel(model, List.of(FEATURES)).withRecordedScore("score"));
    PAssert.that(scored.get(ScoreWithXgboost.SCORES)).satisfies(blocks -> {
      int n = 0;
      for (ScoredRows block : blocks) {
        for (int i = 0; i < block.rows(); i++) {
          int r = Integer.parseInt(block.ids()[i].substring(3));
          assertThat(block.scores()[i]).as(block.ids()[i]).isCloseTo(expected[r], within(1e-6));
          n++;
        }
      }
      assertThat(n).isEqualTo(ROWS);
      return null;
    });
    PCollection<KV<String, ScoreSummary>> summaries =
        scored.get(ScoreWithXgboost.SUMMARIES).apply(CombineScoreSummaries.perDataset());
    PAssert.thatSingleton(summaries).satisfies(kv -> {
      ScoreSummary s = kv.getValue();
      assertThat(kv.getKey()).isEqualTo("predict");
      assertThat(s.scores().count()).isEqualTo(ROWS);
      assertThat(s.attributedRows()).isEqualTo(ROWS);
      assertThat(s.meanContributions()).containsOnlyKeys("LG", "IQ", "WI");
      double contributions = s.meanContributions().values().stream().mapToDouble(Double::doubleValue).sum();
      assertThat(contributions + s.meanBias()).as("SHAP identity").isCloseTo(s.meanMargin(), within(1e-5));
      assertThat(s.recordedRows()).isEqualTo(ROWS);
      assertThat(s.maxRecordedDiff()).isLessThan(1e-6);
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void jsonModelScoresEqualBoosterPredict() {
    checkScores(json);
  }

  @Test
  public void ubjModelScoresEqualBoosterPredict() {
    checkScores(ubj);
  }

  @Test
  public void trainAttributionSampleAttributesAboutThatFraction() {
    List<RowBlock> train = new ArrayList<>();
    for (RowBlock b : blocks()) {
      train.add(new RowBlock("train", b.columns(), b.rows(), b.values(), b.textIndex(), b.text(), b.rowIds()));
    }
    PCollection<KV<String, ScoreSummary>> summaries = pipeline
        .apply(Create.of(train).withCoder(RowBlockCoder.of()))
        .apply(ScoreWithXgboost.withModel(json, List.of(FEATURES)).withTrainAttributionSample(0.5, 7))
        .get(ScoreWithXgboost.SUMMARIES)
        .apply(CombineScoreSummaries.perDataset());
    PAssert.thatSingleton(summaries).satisfies(kv -> {
      assertThat(kv.getValue().scores().count()).as("every row is scored").isEqualTo(ROWS);
      assertThat(kv.getValue().attributedRows()).as("about half are attributed").isBetween(110L, 190L);
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void aValueBeyondFloatRangeIsScoredAsMissing() {
    // 1e39 is a finite double but infinite as a float, which XGBoost refuses: the row is scored
    // with that feature missing, as if the cell were empty.
    double[] beyond = new double[5];
    double[] empty = new double[5];
    Arrays.fill(beyond, 1e39);
    Arrays.fill(empty, Double.NaN);
    RowBlock block = new RowBlock("predict", FEATURES, 1, beyond, new int[0], new String[0], new String[] {"big"});
    RowBlock missing = new RowBlock("predict", FEATURES, 1, empty, new int[0], new String[0], new String[] {"nan"});
    PCollectionTuple scored = pipeline.apply(Create.of(block, missing).withCoder(RowBlockCoder.of()))
        .apply(ScoreWithXgboost.withModel(json, List.of(FEATURES)));
    PAssert.that(scored.get(ScoreWithXgboost.SCORES)).satisfies(blocks -> {
      Map<String, Double> byId = new HashMap<>();
      blocks.forEach(b -> byId.put(b.ids()[0], b.scores()[0]));
      assertThat(byId).containsOnlyKeys("big", "nan");
      assertThat(byId.get("big")).isEqualTo(byId.get("nan"));
      return null;
    });
    PAssert.that(scored.get(ScoreWithXgboost.SUMMARIES)).satisfies(summaries -> {
      ScoreSummary all = new ScoreSummary();
      summaries.forEach(kv -> all.merge(kv.getValue()));
      Map<String, Long> onePerFeature = new TreeMap<>();
      for (String f : FEATURES) {
        onePerFeature.put(f, 1L);
      }
      assertThat(all.beyondFloat()).as("each feature's 1e39 counted").isEqualTo(onePerFeature);
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void aNarrowBlockUnderAWideModelIsScoredInBatchesOfBoundedSize() throws Exception {
    // 200 features x 100,000 rows is more cells than one DMatrix may hold: the block is scored in
    // row batches, and every row gets the model's score across the batch boundaries
    int features = 200;
    int rows = 100_000;
    assertThat((long) features * rows).isGreaterThan(ScoreWithXgboost.MAX_MATRIX_CELLS);
    String[] names = new String[features];
    float[] train = new float[ROWS * features];
    float[] label = new float[ROWS];
    SplittableRandom random = new SplittableRandom(12);
    for (int f = 0; f < features; f++) {
      names[f] = "WI_" + f;
    }
    for (int r = 0; r < ROWS; r++) {
      for (int f = 0; f < features; f++) {
        train[r * features + f] = (float) random.nextDouble();
      }
      label[r] = 3 * train[r * features];
    }
    DMatrix matrix = new DMatrix(train, ROWS, features, Float.NaN);
    matrix.setLabel(label);
    matrix.setFeatureNames(names);
    Booster booster = XGBoost.train(matrix, new HashMap<>(Map.of("max_depth", 2, "nthread", 1, "seed", 0)), 3,
        new HashMap<>(), null, null);
    String wide = new File(FOLDER.getRoot(), "wide.json").getPath();
    booster.saveModel(wide);
    // the block has one of the model's columns; row r holds (r % 10) / 10
    double[] expectedByValue = new double[10];
    for (int v = 0; v < 10; v++) {
      float[] one = new float[features];
      Arrays.fill(one, Float.NaN);
      one[0] = v / 10f;
      expectedByValue[v] = booster.predict(new DMatrix(one, 1, features, Float.NaN))[0][0];
    }
    booster.dispose();
    matrix.dispose();
    double[] values = new double[rows];
    String[] ids = new String[rows];
    for (int r = 0; r < rows; r++) {
      values[r] = (r % 10) / 10f;
      ids[r] = Integer.toString(r);
    }
    RowBlock block = new RowBlock("predict", new String[] {"WI_0"}, rows, values, new int[0], new String[0], ids);
    PCollectionTuple scored = pipeline.apply(Create.of(block).withCoder(RowBlockCoder.of()))
        .apply(ScoreWithXgboost.withModel(wide, List.of(names)));
    PAssert.that(scored.get(ScoreWithXgboost.SCORES)).satisfies(blocks -> {
      int n = 0;
      for (ScoredRows b : blocks) {
        for (int i = 0; i < b.rows(); i++) {
          int r = Integer.parseInt(b.ids()[i]);
          assertThat(b.scores()[i]).as("row %d", r).isEqualTo(expectedByValue[r % 10]);
          n++;
        }
      }
      assertThat(n).isEqualTo(rows);
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void aLegacyOrForeignModelFileIsAClearError() throws Exception {
    File legacy = FOLDER.newFile("legacy.model");
    Files.write(legacy.toPath(), new byte[] {0, 0, 0, 1, 'b', 'i', 'n', 'f'});
    assertThatThrownBy(() -> XgboostModel.load(legacy.getPath()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("legacy.model")
        .hasMessageContaining("re-save it with XGBoost as JSON or UBJ");
    assertThatThrownBy(() -> XgboostModel.load(new File(FOLDER.getRoot(), "absent.json").getPath()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot read model");
  }

  @Test
  public void modelFeatureNamesAndCountAreRead() {
    Booster booster = XgboostModel.load(json);
    try {
      assertThat(XgboostModel.featureNames(booster)).containsExactly(FEATURES);
      assertThat(XgboostModel.featureCount(booster)).isEqualTo(FEATURES.length);
    } finally {
      booster.dispose();
    }
  }
}
