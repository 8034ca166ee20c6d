package org.skewcheck.transforms;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.range.OffsetRange;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.skewcheck.validation.stats.PrefixStats;
import org.apache.beam.sdk.transforms.splittabledofn.RestrictionTracker;

/**
 * Reads the chunks of a {@link FileRange}: a splittable DoFn whose restriction is the range's chunk
 * numbers, claimed one chunk at a time. Each chunk is whole records, so the runner may checkpoint
 * or split between any two chunks: the DirectRunner then passes on what was read so far, and
 * Flink or Dataflow hand the rest to another worker. Nothing may be output after a claim fails, so
 * each chunk's profile (and last block) is output before the next chunk is claimed.
 */
@DoFn.BoundedPerElement
final class ReadRangesFn extends DoFn<FileRange, KV<PrefixKey, PrefixStats>> {
  private final ReadSettings settings;

  ReadRangesFn(ReadSettings settings) {
    this.settings = settings;
  }

  @GetInitialRestriction
  public OffsetRange initialRestriction(@Element FileRange range) {
    return new OffsetRange(0, range.chunks());
  }

  @GetSize
  public double size(@Element FileRange range, @Restriction OffsetRange restriction) {
    return range.bytes(restriction.getFrom(), restriction.getTo());
  }

  @GetRestrictionCoder
  public OffsetRange.Coder restrictionCoder() {
    return OffsetRange.Coder.of();
  }

  @ProcessElement
  public void process(@Element FileRange range, RestrictionTracker<OffsetRange, Long> tracker,
      MultiOutputReceiver out) throws IOException {
    long first = tracker.currentRestriction().getFrom();
    if (first >= tracker.currentRestriction().getTo()) {
      return;
    }
    BlockBuilder block = settings.newBlock(settings.header(range.header(), range.headerError()));
    ChunkSink sink = new ChunkSink(settings, out);
    ChunkParser parser = new ChunkParser(settings.dataset(), range.path(), block, sink);
    try (ReadableByteChannel channel = FileSystems.open(FileSystems.matchNewResource(range.path(), false))) {
      skipTo(channel, range.starts()[(int) first]);
      ByteBuffer buf = ByteBuffer.allocate(settings.chunkBytes() + (1 << 16));
      for (long c = first; tracker.tryClaim(c); c++) {
        int len = Math.toIntExact(range.bytes(c, c + 1));
        if (buf.capacity() < len) {
          buf = ByteBuffer.allocate(len);
        }
        buf.clear().limit(len);
        while (buf.hasRemaining()) {
          if (channel.read(buf) < 0) {
            throw new EOFException(range.path() + " is shorter than when it was split: it changed while being read");
          }
        }
        long rowsBefore = parser.rowsRead();
        long rejectedBefore = parser.rowsRejected();
        parser.parse(new RecordChunks.Chunk(buf.array(), 0, len, range.starts()[(int) c], range.lines()[(int) c]));
        if (block.rows() > 0) {
          sink.block(block.build());
        }
        sink.flush();
        long rows = parser.rowsRead() - rowsBefore;
        long rejected = parser.rowsRejected() - rejectedBefore;
        out.get(ReadDataset.FILES).output(
            new FileSummary(settings.dataset(), range.path(), rows, rows - rejected, rejected));
        ReadSettings.count(len, rows, rejected, 0);
        ReadProgress.add(len, rows);
      }
    }
  }

  private static void skipTo(ReadableByteChannel channel, long offset) throws IOException {
    if (channel instanceof SeekableByteChannel seekable) {
      seekable.position(offset);
      return;
    }
    ByteBuffer skip = ByteBuffer.allocate(1 << 16);
    for (long left = offset; left > 0; ) {
      skip.clear().limit((int) Math.min(skip.capacity(), left));
      int n = channel.read(skip);
      if (n < 0) {
        throw new EOFException("cannot skip to byte " + offset);
      }
      left -= n;
    }
  }
}
