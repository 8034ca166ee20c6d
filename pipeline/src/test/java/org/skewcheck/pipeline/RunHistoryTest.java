package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skewcheck.validation.history.RunRecord;

/**
 * The history folder: records read back oldest first and only the last N; a write that dies
 * midway (here an output stream that fails after half the record, as a killed process would leave
 * it) leaves every earlier record readable and adds none; a damaged record, or one whose time is
 * not an instant, is skipped.
 */
class RunHistoryTest {
  @BeforeAll
  static void fileSystems() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
  }

  private static List<RunRecord> appendNights(Path history, int nights) throws IOException {
    List<RunRecord> written = new ArrayList<>();
    for (int night = 1; night <= nights; night++) {
      RunRecord r = HalfWrittenRecord.record(night, 0.1 * night);
      RunHistory.append(history.toString(), r.toJson());
      written.add(r);
    }
    return written;
  }

  @Test
  void recordsReadBackOldestFirstAndOnlyTheLastN(@TempDir Path history) throws Exception {
    List<RunRecord> written = appendNights(history, 4);
    assertThat(RunHistory.read(history.toString(), 30)).containsExactlyElementsOf(written);
    assertThat(RunHistory.read(history.toString(), 2)).containsExactlyElementsOf(written.subList(2, 4));
    assertThat(RunHistory.read(history.resolve("not-yet").toString(), 30)).isEmpty();
  }

  @Test
  void aWriteThatDiesMidwayLeavesEarlierRecordsIntactAndAddsNothing(@TempDir Path history) throws Exception {
    List<RunRecord> written = appendNights(history, 3);
    RunRecord fourth = HalfWrittenRecord.record(4, 0.9);
    byte[] json = fourth.toJson();

    assertThatThrownBy(() -> BeamFiles.writeAtomically(RunHistory.target(history.toString(), fourth), out -> {
      out.write(Arrays.copyOf(json, json.length / 2));
      out.flush();
      throw new IOException("process killed");
    })).hasMessage("process killed");

    assertThat(RunHistory.read(history.toString(), 30)).containsExactlyElementsOf(written);
    assertThat(names(history)).hasSize(4).filteredOn(n -> n.endsWith(".json")).hasSize(3);
    assertThat(names(history)).anySatisfy(n -> assertThat(n).startsWith(".").endsWith(".tmp"));
  }

  @Test
  void aDamagedRecordIsSkipped(@TempDir Path history) throws Exception {
    List<RunRecord> written = appendNights(history, 2);
    byte[] json = HalfWrittenRecord.record(3, 0.3).toJson();
    Files.write(history.resolve("19700104T000000.000000Z-run-3.json"), Arrays.copyOf(json, json.length / 2));
    assertThat(RunHistory.read(history.toString(), 30)).containsExactlyElementsOf(written);
  }

  @Test
  void aRecordWhoseTimeIsNotAnInstantIsSkipped(@TempDir Path history) throws Exception {
    List<RunRecord> written = appendNights(history, 2);
    RunRecord r = HalfWrittenRecord.record(3, 0.3);
    RunRecord lastNight = new RunRecord(r.recordVersion(), r.runId(), "last night", r.version(), r.configFingerprint(),
        r.inputs(), r.rows(), r.prefixes(), r.score());
    Files.write(history.resolve("19700104T000000.000000Z-run-3.json"), lastNight.toJson());
    assertThat(RunHistory.read(history.toString(), 30)).containsExactlyElementsOf(written);
  }

  @Test
  void aFileIsNotAHistoryFolder(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("history.json"), "{}");
    assertThatThrownBy(() -> RunHistory.read(file.toString(), 30)).isInstanceOf(RunFailure.class)
        .hasMessageContaining("is a file, not a folder");
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).toList();
    }
  }
}
