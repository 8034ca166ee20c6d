package org.skewcheck.pipeline;

import java.io.IOException;
import org.skewcheck.validation.history.RunRecord;
import org.skewcheck.validation.report.Report;
import org.skewcheck.validation.report.ReportHtml;
import org.skewcheck.validation.report.ReportJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a finished report: {@code report.json} and {@code report.html}, each atomically, under
 * their {@link ReportFiles#pending} names, and with a run history this run's record ({@link
 * ReportFiles#HISTORY_RECORD}) for {@link SkewCheck} to add to the history once the run has
 * succeeded. {@link SkewCheck} puts the report in place last, once the pipeline (scores, rejected
 * rows) is done and the run has passed its checks, so a failed run leaves none.
 */
final class ReportWriter {
  private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);
  private final String outputDir;

  ReportWriter(String outputDir) {
    this.outputDir = outputDir;
  }

  void write(Report report, boolean historyRecord) throws IOException {
    long start = System.nanoTime();
    // Both are rendered before either is written, so a rendering failure leaves neither behind.
    byte[] json = ReportJson.toBytes(report);
    byte[] html = ReportHtml.toBytes(report);
    BeamFiles.writeAtomically(outputDir, ReportFiles.pending(ReportFiles.REPORT_HTML), html);
    BeamFiles.writeAtomically(outputDir, ReportFiles.pending(ReportFiles.REPORT_JSON), json);
    if (historyRecord) {
      BeamFiles.writeAtomically(outputDir, ReportFiles.HISTORY_RECORD, RunRecord.of(report).toJson());
    }
    LOG.info("wrote report.json {} KB and report.html {} KB in {} ms", json.length / 1024, html.length / 1024,
        (System.nanoTime() - start) / 1_000_000);
  }
}
