package org.skewcheck.pipeline;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A run's hold on a local output folder ({@code DIR/.skewcheck.lock}, an OS file lock, released
 * when the run ends or its process dies): a second run given the same {@code --output} stops at
 * once instead of clearing the first run's report. An output on another filesystem ({@code gs://})
 * is not locked.
 */
final class OutputLock implements AutoCloseable {
  static final String FILE = ".skewcheck.lock";

  /** The open lock file; closing it releases the lock. */
  private final FileChannel channel;

  private OutputLock(FileChannel channel) {
    this.channel = channel;
  }

  /** Locks {@code folder} (created if missing), or fails naming {@code option}; a null folder is not locked. */
  static OutputLock take(Path folder, String option) throws RunFailure {
    if (folder == null) {
      return new OutputLock(null);
    }
    FileChannel channel = null;
    try {
      Files.createDirectories(folder);
      channel = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      if (channel.tryLock() == null) {
        throw new OverlappingFileLockException();
      }
      return new OutputLock(channel);
    } catch (IOException | OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new RunFailure("--output=" + option + " is in use by another skewcheck run"
          + (e instanceof IOException ? " or cannot be locked: " + e.getMessage() : ""));
    }
  }

  @Override
  public void close() {
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing is left to release
      }
    }
  }
}
