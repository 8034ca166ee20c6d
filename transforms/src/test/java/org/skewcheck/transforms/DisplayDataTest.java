package org.skewcheck.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.config.PrefixRule;
import org.skewcheck.validation.config.PrefixRules;
import org.skewcheck.validation.score.ScoreSummary;
import org.skewcheck.validation.stats.PrefixStats;

/** The settings each transform shows on a runner's UI (Flink's and Dataflow's step details). */
class DisplayDataTest {
  private static Map<String, Object> items(PTransform<?, ?> transform) {
    Map<String, Object> items = new HashMap<>();
    DisplayData.from(transform).items().forEach(i -> items.put(i.getKey(), i.getValue()));
    return items;
  }

  @Test
  void readDatasetShowsItsDatasetFilesAndReadingSettings() {
    ReadDataset read = ReadDataset.from("train", List.of(new DatasetFiles.File("/data/a.csv", 10, 0),
            new DatasetFiles.File("/data/b.csv", 20, 0)))
        .withIdColumn("row").withUniqueKey(List.of("post", "day")).withChunks(1024, 3);

    assertThat(items(read)).containsEntry("dataset", "train").containsEntry("files", 2L)
        .containsEntry("chunkBytes", 1024L).containsEntry("rangeChunks", 3L)
        .containsEntry("splitFilesOver", 2L * 1024 * 3).containsEntry("batchBytes", ReadDataset.BATCH_BYTES)
        .containsEntry("blockCells", 1L << 20).containsEntry("rowsOutput", true).containsEntry("prefixRules", 0L)
        .containsEntry("dateColumns", 0L).containsEntry("idColumn", "row").containsEntry("uniqueKey", "post,day");
  }

  @Test
  void readDatasetLeavesOutWhatIsNotSet() {
    ReadDataset read = ReadDataset.from("predict", List.of(new DatasetFiles.File("/data/p.csv", 10, 0)))
        .withBlocks(false);

    assertThat(items(read)).containsEntry("rowsOutput", false).doesNotContainKeys("idColumn", "uniqueKey");
  }

  @Test
  void scoreWithXgboostShowsTheModelAndItsSettings() {
    ScoreWithXgboost score = ScoreWithXgboost.withModel("gs://models/m.json", List.of("LG_a", "LG_b", "WI_c"))
        .withPrefixes(PrefixRules.of(List.of(PrefixRule.of("^(LG)_", "$1"))))
        .withRecordedScore("score").withTrainAttributionSample(0.25, 7);

    assertThat(items(score)).containsEntry("model", "gs://models/m.json").containsEntry("features", 3L)
        .containsEntry("prefixRules", 1L).containsEntry("recordedScore", "score")
        .containsEntry("trainAttributionSample", 0.25).containsEntry("sampleSeed", 7L)
        .containsEntry("maxMatrixCells", (long) ScoreWithXgboost.MAX_MATRIX_CELLS);
  }

  @Test
  void theCombinesShowTheirKeyAccumulatorAndCoder() {
    assertThat(items(CombinePrefixStats.perKey())).containsEntry("key", "(dataset, prefix)")
        .containsEntry("accumulator", PrefixStats.class.getName())
        .containsEntry("coder", PrefixStatsCoder.class.getName());
    assertThat(items(CombineScoreSummaries.perDataset())).containsEntry("key", "dataset")
        .containsEntry("accumulator", ScoreSummary.class.getName())
        .containsEntry("coder", ScoreSummaryCoder.class.getName());
  }

  @Test
  void countDuplicatesShowsItsHashing() {
    assertThat(items(CountDuplicates.perDataset())).containsEntry("hashBits", 64L)
        .containsEntry("hashShards", (long) RowHashes.SHARDS);
  }
}
