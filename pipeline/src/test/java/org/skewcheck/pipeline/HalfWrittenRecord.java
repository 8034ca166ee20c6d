package org.skewcheck.pipeline;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.skewcheck.validation.history.RunRecord;

/**
 * A process that starts adding a run's record to a history folder the way a run does, writes half
 * of it, says so on stdout, and then hangs until it is killed: what {@link RunHistoryKillTest}
 * kills. Arguments: the history folder and the night.
 */
final class HalfWrittenRecord {
  static final String HALF_WRITTEN = "half of the record is written";

  private HalfWrittenRecord() {}

  static RunRecord record(int night, double zeroFraction) {
    return new RunRecord(RunRecord.RECORD_VERSION, "run-" + night, Instant.ofEpochSecond(86_400L * night).toString(),
        "test", "fp", Map.of("predict", List.of("night" + night + ".csv")), Map.of("predict", 100L),
        Map.of("LG", new RunRecord.PrefixMetrics(4, zeroFraction, 0.0, 0, 0.0, 0.05)), null);
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    RunRecord record = record(Integer.parseInt(args[1]), 0.9);
    byte[] json = record.toJson();
    BeamFiles.writeAtomically(RunHistory.target(args[0], record), out -> {
      out.write(Arrays.copyOf(json, json.length / 2));
      out.flush();
      System.out.println(HALF_WRITTEN);
      System.out.flush();
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out.write(json, json.length / 2, json.length - json.length / 2);
    });
  }
}
