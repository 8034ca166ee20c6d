package org.skewcheck.pipeline;

import static org.skewcheck.pipeline.BeamFiles.resolve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.skewcheck.transforms.CountDuplicates;

/** The run's output files: their names, the pending names they are written under, and their removal. */
final class ReportFiles {
  private static final ObjectMapper SUMMARY_READER = JsonMapper.builder().build();
  private static final Set<String> VERDICT_FIELDS = Set.of("verdict", "datasets", "findings");
  static final String REPORT_JSON = "report.json";
  static final String REPORT_HTML = "report.html";
  static final String SCORES_CSV = "scores.csv";
  /** This run's history record, written with the report and added to {@code --history} once the run succeeded. */
  static final String HISTORY_RECORD = "history-record.json";
  /** The stack trace of a run that failed unexpectedly. */
  static final String ERROR_LOG = "skewcheck-error.log";

  private ReportFiles() {}

  /**
   * The parts of {@code dir/report.json} the command's exit code and console summary need:
   * {@code verdict}, {@code datasets} and {@code findings}. They come before the columns and
   * prefixes (megabytes on a wide table), so reading stops as soon as it has them.
   */
  static JsonNode readVerdict(String dir) throws IOException {
    try (InputStream in = Channels.newInputStream(FileSystems.open(resolve(dir, pending(REPORT_JSON))));
        JsonParser parser = SUMMARY_READER.getFactory().createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException(REPORT_JSON + " does not hold a JSON object");
      }
      ObjectNode summary = SUMMARY_READER.createObjectNode();
      while (summary.size() < VERDICT_FIELDS.size() && parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if (VERDICT_FIELDS.contains(name)) {
          summary.set(name, SUMMARY_READER.readTree(parser));
        } else {
          parser.skipChildren();
        }
      }
      return summary;
    }
  }

  /**
   * Removes an earlier run's report, scores, rejected rows and error log, so a failed run leaves no
   * stale report behind, and the sorted runs (score runs and hash runs) a killed run left.
   */
  static void clear(String dir) throws IOException {
    removeReport(dir);
    removeSortedRuns(dir);
    removeAbandonedTempFolders(dir);
    BeamFiles.removeMatching(dir + "/rejected/*");
  }

  /** Removes the sorted runs the pipeline writes: the score runs merged into scores.csv and the duplicate count's hash runs. */
  static void removeSortedRuns(String dir) throws IOException {
    ScoreRuns.removeAll(dir);
    CountDuplicates.removeRuns(dir);
  }

  /**
   * Removes the {@code rejected/.temp-beam-*} folders a killed run's rejected-rows writer left
   * behind (Beam removes its own when a write finishes). Local output only: on an object store
   * they are prefixes that Beam's write cleans.
   */
  private static void removeAbandonedTempFolders(String dir) throws IOException {
    if (dir.contains("://")) {
      return;
    }
    Path rejected = Path.of(dir, "rejected");
    if (!Files.isDirectory(rejected)) {
      return;
    }
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(rejected, ".temp-beam-*")) {
      for (Path temp : temps) {
        try (Stream<Path> paths = Files.walk(temp)) {
          for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    }
  }

  /** Removes the report (published or pending), scores, history record and error log, and keeps the rejected rows. */
  static void removeReport(String dir) throws IOException {
    FileSystems.delete(List.of(resolve(dir, REPORT_JSON), resolve(dir, REPORT_HTML), resolve(dir, pending(REPORT_JSON)),
        resolve(dir, pending(REPORT_HTML)), resolve(dir, SCORES_CSV), resolve(dir, HISTORY_RECORD), resolve(dir, ERROR_LOG)),
        MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  /**
   * The name the report step writes {@code name} under: the run's last step, {@link #publish},
   * renames it into place once everything else the run writes is final.
   */
  static String pending(String name) {
    return "." + name + ".pending";
  }

  /** Where the report step writes a training profile that goes to {@code path} once the run has succeeded. */
  static String pendingProfile(String path) {
    return path + ".pending";
  }

  /**
   * The run succeeded: the saved profile (when there is one) and then the report take their
   * places, report.json last, as the sign that the run is complete.
   */
  static void publish(String dir, String saveProfile) throws IOException {
    if (saveProfile != null) {
      FileSystems.rename(List.of(FileSystems.matchNewResource(pendingProfile(saveProfile), false)),
          List.of(FileSystems.matchNewResource(saveProfile, false)));
    }
    FileSystems.rename(List.of(resolve(dir, pending(REPORT_HTML))), List.of(resolve(dir, REPORT_HTML)));
    FileSystems.rename(List.of(resolve(dir, pending(REPORT_JSON))), List.of(resolve(dir, REPORT_JSON)));
  }
}
