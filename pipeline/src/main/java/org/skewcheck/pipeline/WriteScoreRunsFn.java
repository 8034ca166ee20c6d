package org.skewcheck.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.skewcheck.transforms.ScoredRows;

/**
 * Collects the predict scores of a bundle, at most {@link #RUN_ROWS} rows at a time, and writes
 * each batch as a sorted {@link ScoreRuns run}; outputs the runs' paths for {@link WriteScoresFn}
 * to merge. A worker holds one batch: about 25 MB with short ids.
 */
final class WriteScoreRunsFn extends DoFn<ScoredRows, String> {
  static final int RUN_ROWS = 1 << 18;
  private final String outputDir;
  private transient List<ScoreRuns.Row> batch;

  WriteScoreRunsFn(String outputDir) {
    this.outputDir = outputDir;
  }

  @StartBundle
  public void startBundle() {
    batch = new ArrayList<>();
  }

  @ProcessElement
  public void process(@Element ScoredRows rows, OutputReceiver<String> out) throws IOException {
    for (int i = 0; i < rows.rows(); i++) {
      batch.add(new ScoreRuns.Row(rows.ids()[i], rows.scores()[i]));
      if (batch.size() >= RUN_ROWS) {
        out.output(ScoreRuns.write(outputDir, batch));
        batch = new ArrayList<>();
      }
    }
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext c) throws IOException {
    if (!batch.isEmpty()) {
      c.output(ScoreRuns.write(outputDir, batch), BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE);
    }
    batch = null;
  }
}
