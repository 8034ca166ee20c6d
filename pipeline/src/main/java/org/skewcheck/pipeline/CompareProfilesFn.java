package org.skewcheck.pipeline;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.history.HistoryCheck;
import org.skewcheck.validation.history.RunRecord;
import org.skewcheck.validation.report.CompareProfiles;
import org.skewcheck.validation.report.Provenance;
import org.skewcheck.validation.report.Report;
import org.skewcheck.validation.stats.DamagedFile;
import org.skewcheck.validation.stats.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs once, on the single trigger element, with the {@link ReportInputs} as side inputs: builds
 * both dataset profiles, runs every check on them ({@link CompareProfiles}), compares the result
 * with the earlier runs when there is a history ({@link HistoryCheck}), and hands the report to
 * the {@link ReportWriter}. Outputs the trigger again once the report is written, for the steps
 * that must come after the checks ({@link SaveTrainProfileFn}).
 */
final class CompareProfilesFn extends DoFn<String, String> {
  private static final Logger LOG = LoggerFactory.getLogger(CompareProfilesFn.class);
  private final SkewConfig config;
  private final Provenance provenance;
  private final ReportInputs inputs;
  private final List<RunRecord> history;
  private final String outputDir;

  /** {@code history} holds the earlier runs to compare with, or is null without {@code --history}. */
  CompareProfilesFn(SkewConfig config, Provenance provenance, ReportInputs inputs, List<RunRecord> history,
      String outputDir) {
    this.config = config;
    this.provenance = provenance;
    this.inputs = inputs;
    this.history = history;
    this.outputDir = outputDir;
  }

  @ProcessElement
  public void process(ProcessContext c) throws IOException {
    long start = System.nanoTime();
    ReportInputs.Values values = inputs.read(c);
    long read = System.nanoTime();
    Report report = CompareProfiles.with(config).withProvenance(provenance.finishedAt(Instant.now().toString()))
        .withDuplicates(values.duplicates())
        .withDamagedFiles(values.files().stream().filter(f -> f.damage() != null)
            .map(f -> new DamagedFile(Dataset.of(f.dataset()), f.file(), f.damage().line(), f.damage().reason()))
            .toList())
        .compare(values.profile(Dataset.TRAIN), values.profile(Dataset.PREDICT),
            values.scores().get(Dataset.TRAIN.label()), values.scores().get(Dataset.PREDICT.label()));
    if (history != null) {
      report = HistoryCheck.with(config.history()).apply(report, history);
    }
    LOG.info("compared {} prefix profiles: {} findings; side inputs {} ms, checks {} ms", values.stats().size(),
        report.findings().size(), (read - start) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
    new ReportWriter(outputDir).write(report, history != null);
    c.output(c.element());
  }
}
