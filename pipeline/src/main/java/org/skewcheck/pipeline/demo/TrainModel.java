package org.skewcheck.pipeline.demo;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    List<String> features = new ArrayList<>();
    List<float[]> rows = new ArrayList<>();
    List<Float> labels = new ArrayList<>();
    int labelIndex = -1;
    List<Integer> featureFields = new ArrayList<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
      for (CsvRecord r : reader) {
        if (labelIndex < 0) {
          for (int i = 1; i < r.getFieldCount(); i++) {
            if (r.getField(i).equals(label)) {
              labelIndex = i;
            } else {
              features.add(r.getField(i));
              featureFields.add(i);
            }
          }
          if (labelIndex < 0) {
            throw new IllegalArgumentException(csv + " has no column " + label);
          }
          continue;
        }
        float[] row = new float[featureFields.size()];
        for (int j = 0; j < row.length; j++) {
          String cell = r.getField(featureFields.get(j));
          row[j] = cell.isEmpty() ? Float.NaN : Float.parseFloat(cell);
        }
        rows.add(row);
        labels.add(Float.parseFloat(r.getField(labelIndex)));
      }
    }
    int n = rows.size();
    int nf = features.size();
    float[] matrix = new float[n * nf];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(rows.get(i), 0, matrix, i * nf, nf);
      y[i] = labels.get(i);
    }
    DMatrix train = new DMatrix(matrix, n, nf, Float.NaN);
    try {
      train.setLabel(y);
      train.setFeatureNames(features.toArray(String[]::new));
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
