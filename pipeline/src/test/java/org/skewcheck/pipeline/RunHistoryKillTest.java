package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skewcheck.validation.history.RunRecord;

/**
 * A process killed with SIGKILL while it writes the fourth record of a history folder: the three
 * earlier records still read back whole, and the half-written one is neither read nor named as a
 * record: it stays behind as a dot-temp file (empty or partial, as far as the filesystem's buffers
 * got), which readers ignore.
 */
class RunHistoryKillTest {
  private static final Duration HALF_WRITTEN_WITHIN = Duration.ofSeconds(60);

  @Test
  void killingTheWriterMidwayLeavesEarlierRecordsReadable(@TempDir Path history, @TempDir Path work)
      throws Exception {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    List<RunRecord> written = new ArrayList<>();
    for (int night = 1; night <= 3; night++) {
      RunRecord r = HalfWrittenRecord.record(night, 0.1 * night);
      RunHistory.append(history.toString(), r.toJson());
      written.add(r);
    }

    Path log = work.resolve("writer.log");
    try (ChildJvm writer = ChildJvm.start(work, log, List.of("-cp", System.getProperty("java.class.path"),
        HalfWrittenRecord.class.getName(), history.toString(), "4"))) {
      long deadline = System.nanoTime() + HALF_WRITTEN_WITHIN.toNanos();
      while (!Files.readString(log).contains(HalfWrittenRecord.HALF_WRITTEN)) {
        assertThat(writer.isAlive()).as(writer.tail(40)).isTrue();
        assertThat(System.nanoTime()).as("the writer never got halfway\n" + writer.tail(40)).isLessThan(deadline);
        Thread.sleep(50);
      }
      writer.kill();
      assertThat(writer.survivors()).isEmpty();
    }

    assertThat(RunHistory.read(history.toString(), 30)).containsExactlyElementsOf(written);
    List<String> names;
    try (Stream<Path> files = Files.list(history)) {
      names = files.map(p -> p.getFileName().toString()).toList();
    }
    assertThat(names).filteredOn(n -> n.endsWith(".json")).hasSize(3);
    assertThat(names).as("the killed write's temporary file").filteredOn(n -> n.startsWith(".") && n.endsWith(".tmp"))
        .hasSize(1);
  }
}
