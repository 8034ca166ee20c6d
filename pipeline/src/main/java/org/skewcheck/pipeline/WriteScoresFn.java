package org.skewcheck.pipeline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs once, on a single trigger element, with the paths of every sorted {@link ScoreRuns run} as a
 * side input: merges them into {@code scores.csv} ({@code id,score}, sorted by id, then score)
 * atomically, so the file is the same bytes on every runner and at any parallelism, and a reader
 * never sees half of it. The runs stay until the pipeline has finished, so a retried merge finds them; {@link
 * SkewCheck} removes them then.
 */
final class WriteScoresFn extends DoFn<String, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(WriteScoresFn.class);

  private final String outputDir;
  private final PCollectionView<List<String>> runs;

  WriteScoresFn(String outputDir, PCollectionView<List<String>> runs) {
    this.outputDir = outputDir;
    this.runs = runs;
  }

  @ProcessElement
  public void process(ProcessContext c) throws IOException {
    List<String> paths = c.sideInput(runs);
    long[] rows = {0};
    BeamFiles.writeAtomically(outputDir, ReportFiles.SCORES_CSV, out -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      w.write("id,score\n");
      rows[0] = ScoreRuns.merge(paths, row -> {
        w.write(csvField(row.id()));
        w.write(',');
        w.write(Double.toString(row.score()));
        w.write('\n');
      });
      w.flush();
    });
    LOG.info("wrote {} ({} predict rows, sorted by id, merged from {} runs)", ReportFiles.SCORES_CSV, rows[0],
        paths.size());
  }

  /** The id as a CSV field: quoted when it holds a comma, a quote or a line break. */
  static String csvField(String id) {
    String safe = formulaSafe(id);
    boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
        || safe.indexOf('\r') >= 0;
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }

  /**
   * The id with a leading apostrophe when a spreadsheet would run it as a formula (it starts with
   * =, +, -, @, a tab or CR, and is not a number): OWASP's advice against CSV injection.
   */
  static String formulaSafe(String id) {
    if (id.isEmpty() || "=+-@\t\r".indexOf(id.charAt(0)) < 0) {
      return id;
    }
    try {
      Double.parseDouble(id);
      return id;
    } catch (NumberFormatException e) {
      return "'" + id;
    }
  }
}
