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
import org.skewcheck.transforms.DatasetFiles;
import org.skewcheck.transforms.FileSummary;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.history.HistoryCheck;
import org.skewcheck.validation.history.RunRecord;
import org.skewcheck.validation.report.CompareProfiles;
import org.skewcheck.validation.stats.DamagedFile;
import org.skewcheck.validation.stats.Duplicates;
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
 * {@code report.html}, each atomically, under their {@link ReportFiles#pending} names. With a run
 * history it also compares the run with the earlier ones and writes this run's record ({@link
 * ReportFiles#HISTORY_RECORD}) for {@link SkewCheck} to add to the history once the run has
 * succeeded; with {@code --saveProfile} it writes the train side's {@link TrainProfile} under its
 * pending name. {@link SkewCheck} puts the report and profile in place last, once the pipeline
 * (scores, rejected rows) is done and the run has passed its checks, so a failed run leaves none.
 */
final class WriteReportFn extends DoFn<String, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(WriteReportFn.class);
  /** The side inputs the report is built from. */
  record Views(PCollectionView<List<KV<KV<String, String>, PrefixStats>>> stats,
      PCollectionView<List<FileSummary>> files, PCollectionView<List<KV<String, ScoreSummary>>> scores,
      PCollectionView<List<KV<String, Duplicates>>> duplicates) implements Serializable {}

  /**
   * What a nightly run adds to the report step.
   *
   * @param saveProfile where to write the train side's profile, or null
   * @param modelFingerprint SHA-256 of the model file, stored in the profile; null without a model
   * @param history the earlier runs to compare with, or null without {@code --history}
   */
  record Nightly(String saveProfile, String modelFingerprint, List<RunRecord> history) implements Serializable {}

  private final SkewConfig config;
  private final Provenance provenance;
  private final String outputDir;
  private final Views views;
  private final Nightly nightly;

  WriteReportFn(SkewConfig config, Provenance provenance, String outputDir, Views views, Nightly nightly) {
    this.config = config;
    this.provenance = provenance;
    this.outputDir = outputDir;
    this.views = views;
    this.nightly = nightly;
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
    DatasetProfile train = profile("train", stats, files);
    Report report = CompareProfiles.with(config).withProvenance(provenance.finishedAt(Instant.now().toString()))
        .withDuplicates(duplicates)
        .withDamagedFiles(files.stream().filter(f -> f.damage() != null)
            .map(f -> new DamagedFile(f.dataset(), f.file(), f.damage().line(), f.damage().reason())).toList())
        .compare(train, profile("predict", stats, files), scores.get("train"), scores.get("predict"));
    if (nightly.history() != null) {
      report = HistoryCheck.with(config.history()).apply(report, nightly.history());
    }
    long compared = System.nanoTime();
    // Both are rendered before either is written, so a rendering failure leaves neither behind.
    byte[] json = ReportJson.toBytes(report);
    byte[] html = ReportHtml.toBytes(report);
    ReportFiles.writeAtomically(outputDir, ReportFiles.pending(ReportFiles.REPORT_HTML), html);
    ReportFiles.writeAtomically(outputDir, ReportFiles.pending(ReportFiles.REPORT_JSON), json);
    if (nightly.history() != null) {
      ReportFiles.writeAtomically(outputDir, ReportFiles.HISTORY_RECORD, RunRecord.of(report).toJson());
    }
    if (nightly.saveProfile() != null) {
      ReportFiles.writeAtomically(ReportFiles.pendingProfile(nightly.saveProfile()),
          trainProfile(train, files, scores, duplicates).toBytes());
    }
    LOG.info("compared {} prefix profiles: {} findings; side inputs {} ms, checks {} ms, report.json {} KB and "
        + "report.html {} KB in {} ms", stats.size(), report.findings().size(), (read - start) / 1_000_000,
        (compared - read) / 1_000_000, json.length / 1024, html.length / 1024,
        (System.nanoTime() - compared) / 1_000_000);
  }

  /** The train side as this run saw it: the accumulators, what was read, and the config and model it was made with. */
  private TrainProfile trainProfile(DatasetProfile train, List<FileSummary> files, Map<String, ScoreSummary> scores,
      Map<String, Duplicates> duplicates) {
    List<DatasetFiles.File> inputs = provenance.inputs().get("train").stream()
        .map(f -> new DatasetFiles.File(f.path(), f.sizeBytes(), f.lastModifiedMillis())).toList();
    return new TrainProfile(provenance.version(), provenance.configFingerprint(), nightly.modelFingerprint(),
        config.prefixes(), inputs, files.stream().filter(f -> f.dataset().equals("train")).toList(),
        train.prefixes(), duplicates.get("train"), scores.get("train"));
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
