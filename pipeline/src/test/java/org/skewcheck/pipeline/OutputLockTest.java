package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second run given the output folder of a run still going stops at once and leaves that run's
 * files alone; what a killed run left is cleared by the next.
 */
class OutputLockTest {
  @TempDir
  Path dir;

  @Test
  void aSecondRunOnABusyOutputStopsWithoutTouchingIt() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Path report = Files.writeString(out.resolve("report.json"), "{\"verdict\":\"ok\"}");
    Path train = Files.writeString(dir.resolve("train.csv"), ",IQ_a\nt1,0.5\nt2,0.7\n");
    try (OutputLock first = OutputLock.take(out, out.toString())) {
      SkewCheckRunner second = SkewCheckRunner.run(out, "--train=" + train, "--predict=" + train);

      assertThat(second.exitCode()).isEqualTo(2);
      assertThat(second.err()).hasLineCount(1).contains("--output=" + out + " is in use by another skewcheck run");
      assertThat(report).hasContent("{\"verdict\":\"ok\"}");
    }
    try (OutputLock again = OutputLock.take(out, out.toString())) {
      assertThat(out.resolve(OutputLock.FILE)).exists();
    }
  }

  @Test
  void aFolderOnAnotherFilesystemIsNotLocked() throws IOException, RunFailure {
    try (OutputLock none = OutputLock.take(null, "gs://bucket/out")) {
      assertThat(dir).isEmptyDirectory();
    }
  }

  @Test
  void aKilledRunsTemporaryRejectedFoldersAreRemovedByTheNextRun() throws Exception {
    Path out = dir.resolve("out");
    Path abandoned = Files.createDirectories(out.resolve("rejected").resolve(".temp-beam-1234"));
    Files.writeString(abandoned.resolve("part"), "half-written");
    Path train = Files.writeString(dir.resolve("train.csv"), ",IQ_a\nt1,0.5\nt2,0.7\n");

    SkewCheckRunner run = SkewCheckRunner.run(out, "--train=" + train, "--predict=" + train, "--failOn=never");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(abandoned).doesNotExist();
  }
}
