package org.skewcheck.pipeline;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ml.dmlc.xgboost4j.java.Booster;
import org.skewcheck.transforms.DatasetFiles;
import org.skewcheck.transforms.XgboostModel;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.stats.Dataset;

/**
 * Checks a model against the run before anything is scored: it must load, its feature order must be
 * known (the model's own names, else the config's {@code expectedColumns}), its feature count must
 * match, and every feature must be a column of each dataset (the header of its first file; for a
 * saved training profile, every train column it holds), since a feature one dataset lacks would be
 * scored as missing in every row. Any mismatch is a {@link RunFailure}: exit 2 naming, per dataset,
 * the first missing features.
 */
final class ModelCheck {
  private static final int NAMES_SHOWN = 20;

  private ModelCheck() {}

  /** The model's feature order. */
  static List<String> featureOrder(String modelPath, SkewConfig config, SkewCheckPipeline.Inputs inputs)
      throws RunFailure {
    Booster booster;
    try {
      booster = XgboostModel.load(modelPath);
    } catch (IllegalArgumentException e) {
      throw new RunFailure(e.getMessage());
    }
    try {
      List<String> features = XgboostModel.featureNames(booster);
      String source = "the model's feature names";
      if (features.isEmpty()) {
        features = config.expectedColumns();
        source = "the config's expectedColumns";
      }
      if (features.isEmpty()) {
        throw new RunFailure("model " + modelPath + " has no feature names: list them in the config's expectedColumns");
      }
      long count = XgboostModel.featureCount(booster);
      if (count != features.size()) {
        throw new RunFailure("model " + modelPath + " has " + count + " features but " + source + " name "
            + features.size());
      }
      Map<String, Set<String>> columns = new LinkedHashMap<>();
      try {
        columns.put(Dataset.TRAIN.label(), new HashSet<>(inputs.savedTrain() == null
            ? DatasetFiles.header(inputs.trainFiles().get(0).path()) : inputs.savedTrain().columns()));
        columns.put(Dataset.PREDICT.label(), new HashSet<>(DatasetFiles.header(inputs.predictFiles().get(0).path())));
      } catch (UncheckedIOException e) {
        throw new RunFailure("cannot read a header to check the model's features: " + e.getMessage());
      }
      List<String> lacks = new ArrayList<>();
      for (Map.Entry<String, Set<String>> dataset : columns.entrySet()) {
        List<String> missing = features.stream().filter(f -> !dataset.getValue().contains(f)).toList();
        if (!missing.isEmpty()) {
          lacks.add(dataset.getKey() + " lacks " + missing.size() + " of the model's " + features.size()
              + " features: " + String.join(", ", missing.subList(0, Math.min(NAMES_SHOWN, missing.size())))
              + (missing.size() > NAMES_SHOWN ? ", ... (" + (missing.size() - NAMES_SHOWN) + " more)" : ""));
        }
      }
      if (!lacks.isEmpty()) {
        throw new RunFailure(String.join("; ", lacks));
      }
      return features;
    } finally {
      booster.dispose();
    }
  }
}
