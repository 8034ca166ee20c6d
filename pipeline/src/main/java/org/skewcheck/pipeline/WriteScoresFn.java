package org.skewcheck.pipeline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs once, on a single trigger element, with every predict score as a side input: writes
 * {@code scores.csv} ({@code id,score}, sorted by id, then score) atomically, so the file is the
 * same bytes on every runner and at any parallelism, and a reader never sees half of it.
 *
 * <p>The sort holds the ids and scores in the one worker's memory, about 100 bytes a row: a
 * night's predictions (thousands to a few million rows) fit easily.
 */
final class WriteScoresFn extends DoFn<String, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(WriteScoresFn.class);
  private static final Comparator<KV<String, Double>> BY_ID_THEN_SCORE =
      Comparator.comparing((KV<String, Double> kv) -> kv.getKey()).thenComparing(KV::getValue);

  private final String outputDir;
  private final PCollectionView<Iterable<KV<String, Double>>> scores;

  WriteScoresFn(String outputDir, PCollectionView<Iterable<KV<String, Double>>> scores) {
    this.outputDir = outputDir;
    this.scores = scores;
  }

  @ProcessElement
  public void process(ProcessContext c) throws IOException {
    List<KV<String, Double>> rows = new ArrayList<>();
    c.sideInput(scores).forEach(rows::add);
    rows.sort(BY_ID_THEN_SCORE);
    ReportFiles.writeAtomically(outputDir, ReportFiles.SCORES_CSV, out -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      w.write("id,score\n");
      for (KV<String, Double> row : rows) {
        w.write(csvField(row.getKey()));
        w.write(',');
        w.write(Double.toString(row.getValue()));
        w.write('\n');
      }
      w.flush();
    });
    LOG.info("wrote {} ({} predict rows, sorted by id)", ReportFiles.SCORES_CSV, rows.size());
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
