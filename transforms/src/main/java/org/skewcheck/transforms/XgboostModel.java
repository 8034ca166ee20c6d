package org.skewcheck.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.apache.beam.sdk.io.FileSystems;

/**
 * Loads an XGBoost model (JSON or UBJ) from any Beam path and reads its feature names. XGBoost 3
 * no longer reads the legacy binary format; such a model fails with a message saying how to fix it.
 */
public final class XgboostModel {
  private XgboostModel() {}

  /**
   * The model at {@code path}, single-threaded (the runner parallelizes; native threads per DoFn
   * would multiply with it). The caller disposes it.
   *
   * @throws IllegalArgumentException when the file cannot be read or is not a model XGBoost 3 reads
   */
  public static Booster load(String path) {
    byte[] bytes;
    try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(path, false)))) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read model " + path + ": " + e.getMessage(), e);
    }
    if (bytes.length == 0 || bytes[0] != '{' && bytes[0] != '[' && bytes[0] != '$') {
      throw new IllegalArgumentException("model " + path + " is neither JSON nor UBJ (a legacy binary model?):"
          + " re-save it with XGBoost as JSON or UBJ, e.g. booster.save_model('model.json')");
    }
    try {
      Booster booster = XGBoost.loadModel(bytes);
      booster.setParam("nthread", 1);
      return booster;
    } catch (XGBoostError | IOException e) {
      throw new IllegalArgumentException("cannot load model " + path + " (re-save it with XGBoost as JSON or UBJ): "
          + firstLine(e.getMessage()), e);
    }
  }

  /** The model's feature names, or an empty list when it was saved without them. */
  public static List<String> featureNames(Booster booster) {
    try {
      String[] names = booster.getFeatureNames();
      // a model saved without names gives null, or (XGBoost 2) one null per feature
      return names == null || Arrays.stream(names).allMatch(Objects::isNull) ? List.of() : Arrays.asList(names);
    } catch (XGBoostError e) {
      throw new IllegalStateException(e);
    }
  }

  /** The number of features the model was trained on. */
  public static long featureCount(Booster booster) {
    try {
      return booster.getNumFeature();
    } catch (XGBoostError e) {
      throw new IllegalStateException(e);
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
