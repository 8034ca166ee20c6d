package org.skewcheck.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Whole files read and written through Beam's FileSystems, so any scheme works: the config, model,
 * saved profile and history the run reads, and the files it writes, each written atomically.
 */
final class BeamFiles {
  private BeamFiles() {}

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

  /** SHA-256 (hex) of a file's bytes: how a model is recognised. */
  static String sha256(String path) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(read(path)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Removes every file that {@code glob} matches, if any; a file already gone is no error. */
  static void removeMatching(String glob) throws IOException {
    MatchResult matched = FileSystems.match(List.of(glob), EmptyMatchTreatment.ALLOW).get(0);
    if (matched.status() == MatchResult.Status.OK) {
      FileSystems.delete(matched.metadata().stream().map(MatchResult.Metadata::resourceId).toList(),
          MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }
}
