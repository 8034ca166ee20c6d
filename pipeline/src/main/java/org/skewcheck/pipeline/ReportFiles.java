package org.skewcheck.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/** The run's output files, read and written through Beam's FileSystems so any scheme works. */
final class ReportFiles {
  static final String REPORT_JSON = "report.json";
  static final String REPORT_HTML = "report.html";
  static final String SCORES_CSV = "scores.csv";
  /** This run's history record, written with the report and added to {@code --history} once the run succeeded. */
  static final String HISTORY_RECORD = "history-record.json";

  private ReportFiles() {}

  static ResourceId resolve(String dir, String name) {
    return FileSystems.matchNewResource(dir, true).resolve(name, ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
  }

  /** Writes under a temporary name, then renames: readers see the old file or the whole new one. */
  static void writeAtomically(String dir, String name, byte[] bytes) throws IOException {
    writeAtomically(resolve(dir, name), out -> out.write(bytes));
  }

  /** {@link #writeAtomically(String, String, byte[])} to a path given whole. */
  static void writeAtomically(String path, byte[] bytes) throws IOException {
    writeAtomically(FileSystems.matchNewResource(path, false), out -> out.write(bytes));
  }

  /** What writes a file's content to the stream it is given (which the caller closes). */
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** {@link #writeAtomically(String, String, byte[])} for content written as a stream. */
  static void writeAtomically(String dir, String name, Content content) throws IOException {
    writeAtomically(resolve(dir, name), content);
  }

  /**
   * Lets {@code content} write a temporary file next to {@code target} (a dot-name ending in
   * {@code .tmp}), then renames it: a write that fails or is killed midway leaves only that
   * temporary file, and {@code target} is either absent, the old file, or the whole new one.
   */
  static void writeAtomically(ResourceId target, Content content) throws IOException {
    ResourceId temp = target.getCurrentDirectory().resolve("." + target.getFilename() + "." + UUID.randomUUID() + ".tmp",
        ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(temp, "application/octet-stream"))) {
      content.writeTo(out);
    }
    FileSystems.rename(List.of(temp), List.of(target), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  static byte[] read(String dir, String name) throws IOException {
    try (InputStream in = Channels.newInputStream(FileSystems.open(resolve(dir, name)))) {
      return in.readAllBytes();
    }
  }

  static byte[] read(String path) throws IOException {
    try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(path, false)))) {
      return in.readAllBytes();
    }
  }

  /** Removes an earlier run's report, scores and rejected rows, so a failed run leaves no stale report behind. */
  static void clear(String dir) throws IOException {
    FileSystems.delete(List.of(resolve(dir, REPORT_JSON), resolve(dir, REPORT_HTML), resolve(dir, SCORES_CSV),
        resolve(dir, HISTORY_RECORD)),
        MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    MatchResult old = FileSystems.match(List.of(dir + "/rejected/*"), EmptyMatchTreatment.ALLOW).get(0);
    if (old.status() == MatchResult.Status.OK) {
      FileSystems.delete(old.metadata().stream().map(MatchResult.Metadata::resourceId).toList(),
          MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }
}
