package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The external merge sort behind scores.csv: runs written in any order merge into one sequence
 * sorted by id, then score, equal to sorting every row at once; ids of any length and script
 * survive; and the runs are removed with their own pattern only.
 */
class ScoreRunsTest {
  @BeforeAll
  static void fileSystems() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
  }

  @Test
  void runsMergeIntoTheSortOfAllTheirRows(@TempDir Path dir) throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    List<ScoreRuns.Row> all = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (int run = 0; run < 7; run++) {
      List<ScoreRuns.Row> rows = new ArrayList<>();
      for (int i = random.nextInt(0, 500); i > 0; i--) {
        // few distinct ids, so equal ids with different scores meet across runs
        rows.add(new ScoreRuns.Row("id" + random.nextInt(300), random.nextInt(5) / 4.0));
      }
      all.addAll(rows);
      paths.add(ScoreRuns.write(dir.toString(), new ArrayList<>(rows)));
    }
    paths.add(ScoreRuns.write(dir.toString(), new ArrayList<>(List.of(
        new ScoreRuns.Row("x".repeat(70_000), 1), new ScoreRuns.Row("é,\"\n", -0.0), new ScoreRuns.Row("", 2)))));
    all.addAll(List.of(new ScoreRuns.Row("x".repeat(70_000), 1), new ScoreRuns.Row("é,\"\n", -0.0),
        new ScoreRuns.Row("", 2)));

    List<ScoreRuns.Row> merged = new ArrayList<>();
    long rows = ScoreRuns.merge(paths, merged::add);

    all.sort(ScoreRuns.BY_ID_THEN_SCORE);
    assertThat(rows).isEqualTo(all.size());
    assertThat(merged).containsExactlyElementsOf(all);
  }

  @Test
  void removeAllTakesTheRunsAndNothingElse(@TempDir Path dir) throws IOException {
    ScoreRuns.write(dir.toString(), new ArrayList<>(List.of(new ScoreRuns.Row("a", 1))));
    ScoreRuns.write(dir.toString(), new ArrayList<>(List.of(new ScoreRuns.Row("b", 2))));
    Files.writeString(dir.resolve("scores.csv"), "id,score\n");
    ScoreRuns.removeAll(dir.toString());
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("scores.csv");
    }
  }
}
