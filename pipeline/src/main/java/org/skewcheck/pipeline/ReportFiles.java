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

  private ReportFiles() {}

  static ResourceId resolve(String dir, String name) {
    return FileSystems.matchNewResource(dir, true).resolve(name, ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
  }

  /** Writes under a temporary name, then renames: readers see the old file or the whole new one. */
  static void writeAtomically(String dir, String name, byte[] bytes) throws IOException {
    ResourceId target = resolve(dir, name);
    ResourceId temp = resolve(dir, "." + name + "." + UUID.randomUUID() + ".tmp");
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(temp, "application/octet-stream"))) {
      out.write(bytes);
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

  /** Renames the single shard {@code prefix-00000-of-00001.csv} TextIO wrote to {@code name}. */
  static void renameShard(String dir, String prefix, String name) throws IOException {
    MatchResult shard = FileSystems.match(List.of(dir + "/" + prefix + "-*"), EmptyMatchTreatment.DISALLOW).get(0);
    List<ResourceId> found = shard.metadata().stream().map(MatchResult.Metadata::resourceId).toList();
    if (found.size() != 1) {
      throw new IOException("expected one " + prefix + " shard, found " + found.size());
    }
    FileSystems.rename(found, List.of(resolve(dir, name)));
  }

  /** Removes an earlier run's report, scores and rejected rows, so a failed run leaves no stale report behind. */
  static void clear(String dir) throws IOException {
    FileSystems.delete(List.of(resolve(dir, REPORT_JSON), resolve(dir, REPORT_HTML), resolve(dir, SCORES_CSV)),
        MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    MatchResult old = FileSystems.match(List.of(dir + "/rejected/*"), EmptyMatchTreatment.ALLOW).get(0);
    if (old.status() == MatchResult.Status.OK) {
      FileSystems.delete(old.metadata().stream().map(MatchResult.Metadata::resourceId).toList(),
          MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }
}
