package org.skewcheck.pipeline;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.skewcheck.transforms.FileSummary;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.report.CompareProfiles;
import org.skewcheck.validation.report.Duplicates;
import org.skewcheck.validation.report.Provenance;
import org.skewcheck.validation.report.Report;
import org.skewcheck.validation.report.ReportHtml;
import org.skewcheck.validation.report.ReportJson;
import org.skewcheck.validation.score.ScoreSummary;
import org.skewcheck.validation.stats.DatasetProfile;
import org.skewcheck.validation.stats.PrefixStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs once, on the single trigger element, with every prefix profile and file summary as side
 * inputs: builds both dataset profiles, compares them and writes {@code report.json} and
 * {@code report.html}, each atomically.
 */
final class WriteReportFn extends DoFn<String, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(WriteReportFn.class);
  /** The side inputs the report is built from. */
  record Views(PCollectionView<List<KV<KV<String, String>, PrefixStats>>> stats,
      PCollectionView<List<FileSummary>> files, PCollectionView<List<KV<String, ScoreSummary>>> scores,
      PCollectionView<List<KV<String, Duplicates>>> duplicates) implements Serializable {}

  private final SkewConfig config;
  private final Provenance provenance;
  private final String outputDir;
  private final Views views;

  WriteReportFn(SkewConfig config, Provenance provenance, String outputDir, Views views) {
    this.config = config;
    this.provenance = provenance;
    this.outputDir = outputDir;
    this.views = views;
  }

  @ProcessElement
  public void process(ProcessContext c) throws IOException {
    long start = System.nanoTime();
    List<KV<KV<String, String>, PrefixStats>> stats = c.sideInput(views.stats());
    List<FileSummary> files = c.sideInput(views.files());
    long read = System.nanoTime();
    Map<String, ScoreSummary> scores = new HashMap<>();
    c.sideInput(views.scores()).forEach(kv -> scores.put(kv.getKey(), kv.getValue()));
    Map<String, Duplicates> duplicates = new HashMap<>();
    c.sideInput(views.duplicates()).forEach(kv -> duplicates.put(kv.getKey(), kv.getValue()));
    Report report = CompareProfiles.with(config).withProvenance(provenance.finishedAt(Instant.now().toString()))
        .withDuplicates(duplicates)
        .compare(profile("train", stats, files),
        profile("predict", stats, files), scores.get("train"), scores.get("predict"));
    long compared = System.nanoTime();
    // Both are rendered before either is written, so a rendering failure leaves neither behind.
    byte[] json = ReportJson.toBytes(report);
    byte[] html = ReportHtml.toBytes(report);
    ReportFiles.writeAtomically(outputDir, ReportFiles.REPORT_HTML, html);
    ReportFiles.writeAtomically(outputDir, ReportFiles.REPORT_JSON, json);
    LOG.info("compared {} prefix profiles: {} findings; side inputs {} ms, checks {} ms, report.json {} KB and "
        + "report.html {} KB in {} ms", stats.size(), report.findings().size(), (read - start) / 1_000_000,
        (compared - read) / 1_000_000, json.length / 1024, html.length / 1024,
        (System.nanoTime() - compared) / 1_000_000);
  }

  static DatasetProfile profile(String dataset, List<KV<KV<String, String>, PrefixStats>> stats,
      List<FileSummary> files) {
    Map<String, PrefixStats> prefixes = new HashMap<>();
    for (KV<KV<String, String>, PrefixStats> kv : stats) {
      if (kv.getKey().getKey().equals(dataset)) {
        prefixes.put(kv.getKey().getValue(), kv.getValue());
      }
    }
    long fileCount = 0;
    long rows = 0;
    long rejected = 0;
    for (FileSummary f : files) {
      if (f.dataset().equals(dataset)) {
        fileCount++;
        rows += f.rowsProfiled();
        rejected += f.rowsRejected();
      }
    }
    return new DatasetProfile(dataset, fileCount, rows, rejected, prefixes);
  }
}
