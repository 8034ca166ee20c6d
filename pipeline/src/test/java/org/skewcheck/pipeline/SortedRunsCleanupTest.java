package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sorted runs a pipeline writes into the output folder never outlive a run: those a killed run
 * left (hash runs and score runs) are removed when the next run starts, and a run that counted
 * duplicates through hash runs leaves none of its own, with its counts in the report.
 */
class SortedRunsCleanupTest {
  @Test
  void aRunRemovesAKilledRunsSortedRunsAndLeavesNoneOfItsOwn(@TempDir Path out, @TempDir Path dir) throws IOException {
    Path train = Files.writeString(dir.resolve("train.csv"), ",IQ_a,LG_b\nt1,0.5,1\nt2,0.7,0\nt3,0.5,1\nt4,0.5,1\n");
    Path predict = Files.writeString(dir.resolve("predict.csv"), ",IQ_a,LG_b\np1,0.5,1\np2,0.6,0\n");
    Files.write(out.resolve(".hash-run-of-a-killed-run.bin"), new byte[64 * Long.BYTES]);
    Files.writeString(out.resolve(".scores-run-of-a-killed-run.bin"), "");

    SkewCheckRunner run = SkewCheckRunner.run(out, "--train=" + train, "--predict=" + predict, "--failOn=never");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.report().path("datasets").path("train").path("duplicateRows").asLong()).isEqualTo(2);
    assertThat(run.report().path("datasets").path("predict").path("duplicateRows").asLong()).isZero();
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .contains("report.json")
          .noneMatch(name -> name.startsWith(".hash-run-") || name.startsWith(".scores-run-"));
    }
  }
}
