package org.skewcheck.pipeline;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.skewcheck.validation.history.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code --history} folder, on any Beam filesystem: one JSON {@link RunRecord} per successful
 * run, named {@code <UTC time>-<run id>.json} so names sort by time. A record is written under a
 * temporary dot-name and then renamed ({@link ReportFiles#writeAtomically}), so an earlier record is
 * never touched and a write that dies midway leaves only a temporary file, which readers ignore (they
 * read {@code *.json} only). A record that cannot be read is skipped with a warning.
 *
 * <pre>{@code
 * List<RunRecord> earlier = RunHistory.read("gs://bucket/joot/history", 30);
 * RunHistory.append("gs://bucket/joot/history", recordJson);
 * }</pre>
 */
final class RunHistory {
  private static final Logger LOG = LoggerFactory.getLogger(RunHistory.class);
  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private RunHistory() {}

  /**
   * The last {@code runs} readable records of {@code dir}, oldest first; none when it does not exist yet.
   *
   * @throws RunFailure when {@code dir} is a file or cannot be listed
   */
  static List<RunRecord> read(String dir, int runs) throws RunFailure {
    List<ResourceId> files;
    try {
      MatchResult self = FileSystems.match(List.of(dir), EmptyMatchTreatment.ALLOW).get(0);
      if (self.status() == MatchResult.Status.OK && self.metadata().stream().anyMatch(m -> !m.resourceId().isDirectory())) {
        throw new RunFailure("--history=" + dir + " is a file, not a folder");
      }
      MatchResult match = FileSystems.match(List.of(folder(dir) + "*.json"), EmptyMatchTreatment.ALLOW).get(0);
      files = match.status() == MatchResult.Status.OK
          ? match.metadata().stream().map(MatchResult.Metadata::resourceId).toList() : List.of();
    } catch (IOException | RuntimeException e) {
      throw new RunFailure("--history=" + dir + ": cannot be listed: " + e.getMessage());
    }
    List<ResourceId> newestFirst = files.stream()
        .sorted(Comparator.comparing(ResourceId::getFilename).reversed()).toList();
    List<RunRecord> records = new ArrayList<>();
    for (ResourceId file : newestFirst) {
      if (records.size() == runs) {
        break;
      }
      try {
        records.add(RunRecord.fromJson(BeamFiles.read(file.toString())));
      } catch (IOException | RuntimeException e) {
        LOG.warn("skipping unreadable history record {}: {}", file,
            String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      }
    }
    records.sort(Comparator.comparing((RunRecord r) -> Instant.parse(r.time())));
    return records;
  }

  /** Adds {@code record} (a {@link RunRecord}'s JSON) to {@code dir} under its own new name. */
  static void append(String dir, byte[] record) throws IOException {
    RunRecord parsed = RunRecord.fromJson(record);
    BeamFiles.writeAtomically(target(dir, parsed), out -> out.write(record));
  }

  /** Where {@code record} goes in {@code dir}. */
  static ResourceId target(String dir, RunRecord record) {
    return BeamFiles.resolve(dir, NAME_TIME.format(Instant.parse(record.time())) + "-" + record.runId() + ".json");
  }

  private static String folder(String dir) {
    return dir.endsWith("/") ? dir : dir + "/";
  }
}
