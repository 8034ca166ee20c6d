package org.skewcheck.pipeline;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.skewcheck.transforms.DatasetFiles;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.history.RunRecord;
import org.skewcheck.validation.stats.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's INFO lines, one per stage: config, inputs, model, the runner, and at the end each
 * pipeline stage with its Beam counters (files and rows read, rows rejected, blocks exploded,
 * rows scored), which every runner reports the same way.
 */
final class StageLog {
  private static final Logger LOG = LoggerFactory.getLogger("org.skewcheck.run");

  private StageLog() {}

  static void config(String path, SkewConfig config) {
    LOG.info("config: {} ({} declared prefix rules, fingerprint {})", path == null ? "built-in defaults" : path,
        config.prefixRules().rules().size(), config.fingerprint().substring(0, 12));
  }

  static void inputs(Dataset dataset, List<DatasetFiles.File> files) {
    long bytes = files.stream().mapToLong(DatasetFiles.File::sizeBytes).sum();
    LOG.info("inputs: {} {} files, {} KB", files.size(), dataset, (bytes + 1023) / 1024);
  }

  /** Where the train side comes from when it is a saved profile, and how many earlier runs the history has. */
  static void nightly(String trainProfile, List<RunRecord> history) {
    if (trainProfile != null) {
      LOG.info("train side: the saved profile {}", trainProfile);
    }
    if (history != null) {
      LOG.info("history: {} earlier runs to compare with", history.size());
    }
  }

  static void model(SkewCheckPipeline.Model model) {
    if (model != null) {
      LOG.info("model: {} ({} features, order checked against the data)", model.path(), model.features().size());
    }
  }

  static void running(String runner) {
    LOG.info("running on {}", runner);
  }

  static void sortedRunsLeft(String output, String why) {
    LOG.warn("could not remove the sorted runs in {} (the next run removes them): {}", output, why);
  }

  /** Logs the final state and one line per top-level step that reported counters. */
  static void finished(PipelineResult result, PipelineResult.State state) {
    Map<String, Map<String, Long>> stages = new TreeMap<>();
    try {
      for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder().build()).getCounters()) {
        stages.computeIfAbsent(stage(c.getKey().stepName()), s -> new TreeMap<>())
            .merge(c.getName().getName(), c.getAttempted(), Long::sum);
      }
    } catch (UnsupportedOperationException e) {
      LOG.info("pipeline {}; this runner reports no metrics", state);
      return;
    }
    LOG.info("pipeline {}", state);
    stages.forEach((stage, counters) -> LOG.info("stage {}: {}", stage, counters));
  }

  /** The top-level step of a full step name ({@code ReadTrainCsv/ParDo(ReadBatch)} → {@code ReadTrainCsv}). */
  static String stage(String stepName) {
    int slash = stepName.indexOf('/');
    return slash < 0 ? stepName : stepName.substring(0, slash);
  }
}
