package org.skewcheck.transforms;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Sorted runs of row hashes, the parts of the external sort that counts duplicates in bounded
 * memory. A run is a file in the run folder ({@code .hash-run-UUID.bin}) holding one dataset's
 * hashes of one kind: a header of {@link RowHashes#SHARDS} counts, each shard's number of hashes
 * in shard order, then each shard's hashes, sorted, shard after shard; every number a big-endian
 * int64. Shard {@code s}'s section therefore starts at byte 8 × (64 + the counts of the shards
 * before {@code s}), so a merge reads one shard of many runs by seeking to its section in each.
 * Files go through Beam's FileSystems, so the folder may be on any filesystem a worker sees.
 */
final class HashRunFile {
  private static final String PREFIX = ".hash-run-";
  private static final int HEADER_BYTES = RowHashes.SHARDS * Long.BYTES;
  private static final int WRITE_BUFFER_BYTES = 1 << 16;

  private HashRunFile() {}

  /** Writes {@code hashes} as a new run in {@code dir}, each shard's section sorted; returns its path. */
  static String write(String dir, ShardBuffer hashes) throws IOException {
    ResourceId run = FileSystems.matchNewResource(dir, true)
        .resolve(PREFIX + UUID.randomUUID() + ".bin", ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
    try (WritableByteChannel out = FileSystems.create(run, "application/octet-stream")) {
      ByteBuffer buffer = ByteBuffer.allocate(WRITE_BUFFER_BYTES);
      for (int s = 0; s < RowHashes.SHARDS; s++) {
        put(hashes.count(s), buffer, out);
      }
      for (int s = 0; s < RowHashes.SHARDS; s++) {
        for (long hash : hashes.sortedSection(s)) {
          put(hash, buffer, out);
        }
      }
      drain(buffer, out);
    }
    return run.toString();
  }

  private static void put(long value, ByteBuffer buffer, WritableByteChannel out) throws IOException {
    if (buffer.remaining() < Long.BYTES) {
      drain(buffer, out);
    }
    buffer.putLong(value);
  }

  private static void drain(ByteBuffer buffer, WritableByteChannel out) throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
    buffer.clear();
  }

  /**
   * Opens shard {@code shard}'s section of the run at {@code path}, read through a buffer of at
   * most {@code bufferBytes} (less for a shorter section).
   */
  static Section open(String path, int shard, int bufferBytes) throws IOException {
    ReadableByteChannel channel = FileSystems.open(FileSystems.matchNewResource(path, false));
    try {
      if (!(channel instanceof SeekableByteChannel seekable)) {
        throw new IOException(path + ": its filesystem cannot seek, and a hash run is read by seeking to a shard");
      }
      ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
      readFully(seekable, header, path);
      header.flip();
      long before = 0;
      for (int s = 0; s < shard; s++) {
        before += header.getLong();
      }
      long count = header.getLong();
      seekable.position(HEADER_BYTES + before * Long.BYTES);
      return new Section(path, seekable, count, (int) Math.min(bufferBytes, Math.max(1, count) * Long.BYTES));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static void readFully(ReadableByteChannel channel, ByteBuffer buffer, String path) throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        throw new EOFException(path + " ends before the hash run's end");
      }
    }
  }

  /** One shard's sorted hashes in one run, read in order through a buffer. */
  static final class Section implements Closeable {
    private final String path;
    private final SeekableByteChannel channel;
    private final ByteBuffer buffer;
    private long remaining;
    private long unreadBytes;

    private Section(String path, SeekableByteChannel channel, long count, int bufferBytes) {
      this.path = path;
      this.channel = channel;
      this.buffer = ByteBuffer.allocate(bufferBytes).limit(0);
      this.remaining = count;
      this.unreadBytes = count * Long.BYTES;
    }

    /** The hashes not yet read. */
    long remaining() {
      return remaining;
    }

    /** The next hash; only while {@link #remaining()} is above zero. */
    long next() throws IOException {
      if (buffer.remaining() < Long.BYTES) {
        fill();
      }
      remaining--;
      return buffer.getLong();
    }

    private void fill() throws IOException {
      buffer.compact();
      buffer.limit((int) Math.min(buffer.capacity(), buffer.position() + unreadBytes));
      int before = buffer.position();
      readFully(channel, buffer, path);
      unreadBytes -= buffer.position() - before;
      buffer.flip();
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /** Removes the runs at {@code paths}; a run already gone is no error. */
  static void remove(Collection<String> paths) throws IOException {
    FileSystems.delete(paths.stream().map(path -> FileSystems.matchNewResource(path, false)).toList(),
        MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  /** Removes every run in {@code dir}. */
  static void removeAll(String dir) throws IOException {
    ResourceId pattern = FileSystems.matchNewResource(dir, true)
        .resolve(PREFIX + "*", ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
    MatchResult runs = FileSystems.match(List.of(pattern.toString()), EmptyMatchTreatment.ALLOW).get(0);
    if (runs.status() == MatchResult.Status.OK) {
      FileSystems.delete(runs.metadata().stream().map(MatchResult.Metadata::resourceId).toList(),
          MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }
}
