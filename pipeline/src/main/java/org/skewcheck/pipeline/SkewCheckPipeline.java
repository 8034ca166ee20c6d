package org.skewcheck.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.skewcheck.transforms.CombinePrefixStats;
import org.skewcheck.transforms.CombineScoreSummaries;
import org.skewcheck.transforms.CountDuplicates;
import org.skewcheck.transforms.DatasetFiles;
import org.skewcheck.transforms.FileSummary;
import org.skewcheck.transforms.PrefixKey;
import org.skewcheck.transforms.PrefixStatsCoder;
import org.skewcheck.transforms.ReadDataset;
import org.skewcheck.transforms.RejectedRow;
import org.skewcheck.transforms.RowBlock;
import org.skewcheck.transforms.ScoreSummaryCoder;
import org.skewcheck.transforms.ScoreWithXgboost;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.history.RunRecord;
import org.skewcheck.validation.report.Provenance;
import org.skewcheck.validation.score.ScoreSummary;
import org.skewcheck.validation.stats.Dataset;
import org.skewcheck.validation.stats.Duplicates;
import org.skewcheck.validation.stats.PrefixStats;

/**
 * Wires the transforms into the one skewcheck pipeline: read both datasets, explode rows to
 * prefixes, combine per-prefix statistics, compare, and write the report and the rejected rows.
 */
public final class SkewCheckPipeline {
  private SkewCheckPipeline() {}

  /**
   * The files of both datasets, already resolved; with a saved training profile (null otherwise)
   * the train side comes from it and {@code trainFiles} are the files it was made from.
   */
  public record Inputs(List<DatasetFiles.File> trainFiles, List<DatasetFiles.File> predictFiles,
      TrainProfile savedTrain) {}

  /** A model to score with and its feature order, already checked against the data. */
  public record Model(String path, List<String> features) {}

  /**
   * What a nightly run adds to the report step.
   *
   * @param saveProfile where to write the train side's profile, or null
   * @param modelFingerprint SHA-256 of the model file, stored in the profile; null without a model
   * @param history the earlier runs to compare with, or null without {@code --history}
   */
  public record Nightly(String saveProfile, String modelFingerprint, List<RunRecord> history) {}

  /** The collections tests look at. */
  public record Outputs(PCollection<KV<PrefixKey, PrefixStats>> stats, PCollection<FileSummary> files,
      PCollection<RejectedRow> rejected) {}

  /**
   * Adds the whole job to {@code p}; {@code outputDir} receives report.json, report.html, rejected/
   * and, with a model (may be null), scores.csv; {@code nightly} says what else the report step
   * writes and what it compares with.
   */
  public static Outputs build(Pipeline p, Inputs inputs, SkewConfig config, String outputDir, Model model,
      Provenance provenance, Nightly nightly) {
    TrainProfile saved = inputs.savedTrain();
    boolean scoring = model != null;
    PCollectionTuple predict = p.apply("ReadPredictCsv",
        read(Dataset.PREDICT, inputs.predictFiles(), config, scoring, outputDir));
    PCollectionTuple train = saved == null
        ? p.apply("ReadTrainCsv", read(Dataset.TRAIN, inputs.trainFiles(), config, scoring, outputDir)) : null;

    PCollection<KV<PrefixKey, PrefixStats>> stats = both(predict, train, ReadDataset.PROFILES, "Profiles")
        .apply("CombinePrefixStats", CombinePrefixStats.perKey());
    PCollection<FileSummary> files = both(predict, train, ReadDataset.FILES, "Files");
    PCollection<RejectedRow> rejected = both(predict, train, ReadDataset.REJECTED, "Rejected");

    // no rejected row, no file: an empty rejected/*.jsonl would look like something to read
    rejected.apply("WriteRejected", TextIO.<RejectedRow>writeCustomType()
        .withFormatFunction(RejectedRow::toJsonLine)
        .to(outputDir + "/rejected/rejected").withSuffix(".jsonl").withNumShards(1).skipIfEmpty());

    KvCoder<String, ScoreSummary> scoreCoder = KvCoder.of(StringUtf8Coder.of(), ScoreSummaryCoder.of());
    PCollection<KV<String, ScoreSummary>> scores = model == null
        ? p.apply("NoScores", Create.empty(scoreCoder))
        : score(both(predict, train, ReadDataset.BLOCKS, "Blocks"), model, config, outputDir);
    PCollection<KV<String, Duplicates>> duplicates = both(predict, train, ReadDataset.HASHES, "Hashes")
        .apply("CountDuplicates", CountDuplicates.perDataset());
    if (saved != null) {
      stats = withSaved(p, "Stats", stats, savedStats(saved),
          KvCoder.of(PrefixKey.Coder.of(), PrefixStatsCoder.of()));
      files = withSaved(p, "Files", files, saved.fileSummaries(), FileSummary.Coder.of());
      duplicates = withSaved(p, "Duplicates", duplicates,
          saved.duplicates() == null ? List.of() : List.of(KV.of(Dataset.TRAIN.label(), saved.duplicates())),
          KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(Duplicates.class)));
      if (model != null) {
        scores = withSaved(p, "Scores", scores, List.of(KV.of(Dataset.TRAIN.label(), saved.scores())), scoreCoder);
      }
    }

    ReportInputs reportInputs = new ReportInputs(stats.apply("StatsView", View.asList()),
        files.apply("FilesView", View.asList()), scores.apply("ScoreSummariesView", View.asList()),
        duplicates.apply("DuplicatesView", View.asList()));
    PCollection<String> compared = p.apply("ReportTrigger", Create.of("report"))
        .apply("CompareProfiles", ParDo.of(new CompareProfilesFn(config, provenance, reportInputs, nightly.history(),
            outputDir)).withSideInputs(reportInputs.views()));
    if (nightly.saveProfile() != null) {
      compared.apply("SaveTrainProfile", ParDo.of(new SaveTrainProfileFn(config, provenance, reportInputs,
          nightly.saveProfile(), nightly.modelFingerprint())).withSideInputs(reportInputs.views()));
    }
    return new Outputs(stats, files, rejected);
  }

  /** One output of both readers (of predict alone when the train side comes from a saved profile). */
  private static <T> PCollection<T> both(PCollectionTuple predict, PCollectionTuple train, TupleTag<T> tag, String what) {
    return PCollectionList.of(predict.get(tag))
        .and(train == null ? List.of() : List.of(train.get(tag)))
        .apply("All" + what, Flatten.pCollections());
  }

  /** {@code computed} plus the saved train side's {@code values}, which enter the pipeline as they were saved. */
  private static <T> PCollection<T> withSaved(Pipeline p, String what, PCollection<T> computed, List<T> values,
      Coder<T> coder) {
    return PCollectionList.of(computed)
        .and(p.apply("SavedTrain" + what, Create.of(values).withCoder(coder)))
        .apply("WithSavedTrain" + what, Flatten.pCollections());
  }

  private static List<KV<PrefixKey, PrefixStats>> savedStats(TrainProfile saved) {
    List<KV<PrefixKey, PrefixStats>> out = new ArrayList<>();
    saved.prefixes().forEach((prefix, stats) -> out.add(KV.of(new PrefixKey(Dataset.TRAIN.label(), prefix), stats)));
    return out;
  }

  /** Scores every block; writes predict scores to scores.csv; returns the per-dataset summaries. */
  private static PCollection<KV<String, ScoreSummary>> score(PCollection<RowBlock> blocks, Model model,
      SkewConfig config, String outputDir) {
    PCollectionTuple scored = blocks.apply("ScoreWithXgboost",
        ScoreWithXgboost.withModel(model.path(), model.features())
            .withPrefixes(config.prefixRules())
            .withRecordedScore(config.columns().recordedScore())
            .withTrainAttributionSample(config.scoring().trainAttributionSample(), config.scoring().sampleSeed()));
    PCollectionView<List<String>> runs = scored.get(ScoreWithXgboost.SCORES)
        .apply("WriteScoreRuns", ParDo.of(new WriteScoreRunsFn(outputDir)))
        .apply("ScoreRunsView", View.asList());
    blocks.getPipeline().apply("ScoresTrigger", Create.of("scores"))
        .apply("WriteScoresCsv", ParDo.of(new WriteScoresFn(outputDir, runs)).withSideInputs(runs));
    return scored.get(ScoreWithXgboost.SUMMARIES).apply("CombineScores", CombineScoreSummaries.perDataset());
  }

  /**
   * Reads and profiles a dataset; its rows leave the reader only when they are to be scored, and
   * their hashes as sorted runs in the output folder.
   */
  private static ReadDataset read(Dataset dataset, List<DatasetFiles.File> files, SkewConfig config, boolean scoring,
      String outputDir) {
    return ReadDataset.from(dataset.label(), files).withIdColumn(config.columns().id()).withBlocks(scoring)
        .withPrefixRules(config.prefixRules()).withDateColumns(config.dateColumns())
        .withUniqueKey(config.uniqueKey()).withHashRunsIn(outputDir);
  }
}
