package org.skewcheck.pipeline.demo;

import java.nio.file.Path;
import java.util.Arrays;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.skewcheck.transforms.XgboostModel;

/**
 * The benchmark's scoring figure: the work ScoreWithXgboost does per block — one DMatrix of 256
 * rows, predictions, raw margins and SHAP contributions, one native thread — timed over every row
 * of a CSV, after one warm-up pass. Prints rows/s with and without the contributions.
 *
 * <pre>ScoreThroughput MODEL TRAIN_CSV LABEL_COLUMN</pre>
 */
public final class ScoreThroughput {
  private static final int BLOCK_ROWS = 256;

  private ScoreThroughput() {}

  public static void main(String[] args) throws Exception {
    Booster booster = XgboostModel.load(args[0]);
    FeatureMatrix data = FeatureMatrix.read(Path.of(args[1]), args[2]);
    int nf = data.features().size();
    pass(booster, data, nf, true);
    double predictOnly = pass(booster, data, nf, false);
    double withContrib = pass(booster, data, nf, true);
    System.out.printf("scoring %d rows x %d features, blocks of %d, 1 thread: predict %.0f rows/s, "
        + "predict + margin + SHAP contributions %.0f rows/s%n", data.rows(), nf, BLOCK_ROWS,
        data.rows() / predictOnly, data.rows() / withContrib);
    booster.dispose();
  }

  private static double pass(Booster booster, FeatureMatrix data, int nf, boolean contributions) throws Exception {
    long start = System.nanoTime();
    for (int first = 0; first < data.rows(); first += BLOCK_ROWS) {
      int rows = Math.min(BLOCK_ROWS, data.rows() - first);
      float[] block = Arrays.copyOfRange(data.values(), first * nf, (first + rows) * nf);
      DMatrix m = new DMatrix(block, rows, nf, Float.NaN);
      try {
        booster.predict(m);
        if (contributions) {
          booster.predict(m, true);
          booster.predictContrib(m, 0);
        }
      } finally {
        m.dispose();
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
