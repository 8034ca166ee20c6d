package org.skewcheck.pipeline.demo;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;

/**
 * Trains the demo's XGBoost model on a generated train.csv (every column but the id and the label
 * is a feature; the model keeps their names), deterministically, and saves it as JSON or UBJ by the
 * output's extension.
 *
 * <pre>TrainModel TRAIN_CSV LABEL_COLUMN OUTPUT_MODEL [ROUNDS]</pre>
 */
public final class TrainModel {
  private TrainModel() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: TrainModel TRAIN_CSV LABEL_COLUMN OUTPUT_MODEL [ROUNDS]");
      System.exit(2);
    }
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 40;
    long start = System.nanoTime();
    Booster booster = train(Path.of(args[0]), args[1], rounds);
    booster.saveModel(args[2]);
    booster.dispose();
    System.out.printf("trained %d rounds on %s in %.1f s, saved %s%n", rounds, args[0],
        (System.nanoTime() - start) / 1e9, args[2]);
  }

  /** Trains a regression model on every feature column of {@code csv} against {@code label}. */
  public static Booster train(Path csv, String label, int rounds) throws Exception {
    FeatureMatrix data = FeatureMatrix.read(csv, label);
    DMatrix train = new DMatrix(data.values(), data.rows(), data.features().size(), Float.NaN);
    try {
      train.setLabel(data.labels());
      train.setFeatureNames(data.features().toArray(String[]::new));
      Map<String, Object> params = new HashMap<>();
      params.put("objective", "reg:squarederror");
      params.put("max_depth", 4);
      params.put("eta", 0.2);
      params.put("subsample", 1.0);
      params.put("nthread", 1);
      params.put("seed", 0);
      return XGBoost.train(train, params, rounds, new HashMap<>(), null, null);
    } finally {
      train.dispose();
    }
  }
}
