package org.skewcheck.pipeline;

import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.skewcheck.transforms.CombinePrefixStats;
import org.skewcheck.transforms.CombineScoreSummaries;
import org.skewcheck.transforms.CountDuplicates;
import org.skewcheck.transforms.ScoreSummaryCoder;
import org.skewcheck.transforms.ScoreWithXgboost;
import org.skewcheck.transforms.DatasetFiles;
import org.skewcheck.transforms.ExplodeToPrefixes;
import org.skewcheck.transforms.FileSummary;
import org.skewcheck.transforms.ReadDataset;
import org.skewcheck.transforms.RejectedRow;
import org.skewcheck.transforms.RowBlock;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.report.Duplicates;
import org.skewcheck.validation.report.Provenance;
import org.skewcheck.validation.score.ScoreSummary;
import org.skewcheck.validation.stats.PrefixStats;

/**
 * Wires the transforms into the one skewcheck pipeline: read both datasets, explode rows to
 * prefixes, combine per-prefix statistics, compare, and write the report and the rejected rows.
 */
public final class SkewCheckPipeline {
  private SkewCheckPipeline() {}

  /** The files of both datasets, already resolved. */
  public record Inputs(List<DatasetFiles.File> trainFiles, List<DatasetFiles.File> predictFiles) {}

  /** A model to score with and its feature order, already checked against the data. */
  public record Model(String path, List<String> features) {}

  /** The collections tests look at. */
  public record Outputs(PCollection<KV<KV<String, String>, PrefixStats>> stats, PCollection<FileSummary> files,
      PCollection<RejectedRow> rejected) {}

  /**
   * Adds the whole job to {@code p}; {@code outputDir} receives report.json, report.html, rejected/ and, with a
   * model (may be null), the scores shard that {@link SkewCheck} renames to scores.csv.
   */
  public static Outputs build(Pipeline p, Inputs inputs, SkewConfig config, String outputDir, Model model,
      Provenance provenance) {
    PCollectionTuple train = p.apply("ReadTrainCsv", read("train", inputs.trainFiles(), config));
    PCollectionTuple predict = p.apply("ReadPredictCsv", read("predict", inputs.predictFiles(), config));

    PCollection<RowBlock> blocks = PCollectionList.of(train.get(ReadDataset.BLOCKS))
        .and(predict.get(ReadDataset.BLOCKS))
        .apply("AllBlocks", Flatten.pCollections());
    PCollection<KV<KV<String, String>, PrefixStats>> stats = blocks
        .apply("ExplodeToPrefixes", ExplodeToPrefixes.using(config.prefixRules()))
        .apply("CombinePrefixStats", CombinePrefixStats.perKey());
    PCollection<FileSummary> files = PCollectionList.of(train.get(ReadDataset.FILES))
        .and(predict.get(ReadDataset.FILES))
        .apply("AllFiles", Flatten.pCollections());
    PCollection<RejectedRow> rejected = PCollectionList.of(train.get(ReadDataset.REJECTED))
        .and(predict.get(ReadDataset.REJECTED))
        .apply("AllRejected", Flatten.pCollections());

    rejected
        .apply("RejectedToJson", MapElements.into(TypeDescriptors.strings()).via(RejectedRow::toJsonLine))
        .apply("WriteRejected", TextIO.write().to(outputDir + "/rejected/rejected").withSuffix(".jsonl")
            .withNumShards(1));

    PCollection<KV<String, ScoreSummary>> scores = model == null
        ? p.apply("NoScores", Create.empty(KvCoder.of(StringUtf8Coder.of(), ScoreSummaryCoder.of())))
        : score(blocks, model, config, outputDir);

    PCollectionView<List<KV<KV<String, String>, PrefixStats>>> statsView = stats.apply("StatsView", View.asList());
    PCollectionView<List<FileSummary>> filesView = files.apply("FilesView", View.asList());
    PCollectionView<List<KV<String, ScoreSummary>>> scoresView = scores.apply("ScoresView", View.asList());
    PCollectionView<List<KV<String, Duplicates>>> duplicatesView = blocks
        .apply("CountDuplicates", CountDuplicates.withKey(config.uniqueKey()))
        .apply("DuplicatesView", View.asList());
    p.apply("ReportTrigger", Create.of("report"))
        .apply("CompareAndWriteReport",
            ParDo.of(new WriteReportFn(config, provenance, outputDir,
                    new WriteReportFn.Views(statsView, filesView, scoresView, duplicatesView)))
                .withSideInputs(statsView, filesView, scoresView, duplicatesView));
    return new Outputs(stats, files, rejected);
  }

  /** Scores every block; writes predict scores as id,score lines; returns the per-dataset summaries. */
  private static PCollection<KV<String, ScoreSummary>> score(PCollection<RowBlock> blocks, Model model,
      SkewConfig config, String outputDir) {
    PCollectionTuple scored = blocks.apply("ScoreWithXgboost",
        ScoreWithXgboost.withModel(model.path(), model.features())
            .withPrefixes(config.prefixRules())
            .withRecordedScore(config.columns().recordedScore())
            .withTrainAttributionSample(config.scoring().trainAttributionSample(), config.scoring().sampleSeed()));
    scored.get(ScoreWithXgboost.SCORES)
        .apply("ScoreToCsv", MapElements.into(TypeDescriptors.strings()).via(SkewCheckPipeline::csvLine))
        .apply("WriteScores", TextIO.write().to(outputDir + "/" + SCORES_SHARD).withSuffix(".csv").withNumShards(1)
            .withHeader("id,score"));
    return scored.get(ScoreWithXgboost.SUMMARIES).apply("CombineScores", CombineScoreSummaries.perDataset());
  }

  /** The single shard TextIO writes scores to, before it is renamed to scores.csv. */
  static final String SCORES_SHARD = "scores-shard";

  private static String csvLine(KV<String, Double> idScore) {
    String id = idScore.getKey();
    boolean quote = id.indexOf(',') >= 0 || id.indexOf('"') >= 0 || id.indexOf('\n') >= 0;
    return (quote ? '"' + id.replace("\"", "\"\"") + '"' : id) + "," + idScore.getValue();
  }

  private static ReadDataset read(String dataset, List<DatasetFiles.File> files, SkewConfig config) {
    return ReadDataset.from(dataset, files).withIdColumn(config.columns().id());
  }
}
