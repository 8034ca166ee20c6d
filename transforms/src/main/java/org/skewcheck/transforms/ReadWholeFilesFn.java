package org.skewcheck.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.skewcheck.validation.stats.PrefixStats;

/**
 * Reads a batch of files each from start to end, streaming: small files, and compressed files,
 * which cannot be split. A batch is at most {@link ReadDataset#BATCH_BYTES} of stored bytes (or a
 * single larger compressed file), so what one call outputs is bounded by the batch. Rows of files
 * that share a header share blocks: a folder of a thousand one-row files becomes a few blocks.
 */
final class ReadWholeFilesFn extends DoFn<List<String>, KV<PrefixKey, PrefixStats>> {
  /** A file's output is flushed every this many chunks, so one big compressed file is profiled as it streams. */
  private static final int FLUSH_CHUNKS = 4;

  private final ReadSettings settings;

  ReadWholeFilesFn(ReadSettings settings) {
    this.settings = settings;
  }

  @ProcessElement
  public void process(@Element List<String> batch, MultiOutputReceiver out) throws IOException {
    Map<List<String>, BlockBuilder> blocks = new HashMap<>();
    ChunkSink sink = new ChunkSink(settings, out);
    for (String path : batch) {
      read(path, blocks, sink, out);
    }
    flush(blocks, sink);
  }

  /** Profiles the rows read so far and outputs the partial profiles and the hashes' runs. */
  private static void flush(Map<List<String>, BlockBuilder> blocks, ChunkSink sink) throws IOException {
    for (BlockBuilder block : blocks.values()) {
      if (block.rows() > 0) {
        sink.block(block.build());
      }
    }
    sink.flush();
  }

  private void read(String path, Map<List<String>, BlockBuilder> blocks, ChunkSink sink,
      MultiOutputReceiver out) throws IOException {
    long rows = 0;
    long rejected = 0;
    long unflushed = 0;
    FileSummary.Damage damage = null;
    LongAdder stored = new LongAdder();
    try (InputStream in = DatasetFiles.open(path, stored)) {
      RecordChunks chunks = new RecordChunks(in, Compression.detect(path) != Compression.UNCOMPRESSED);
      RecordChunks.Chunk header = chunks.header();
      if (header != null) {
        ReadSettings.HeaderText text = ReadSettings.readHeader(header);
        // an unreadable header's rows all go to the dead letters: a block of its own, shared with no file
        BlockBuilder block = text.error() != null ? settings.newBlock(Header.unusable(text.error()))
            : blocks.computeIfAbsent(text.fields(), h -> settings.newBlock(settings.header(h, null)));
        ChunkParser parser = new ChunkParser(settings.dataset(), path, block, sink);
        for (RecordChunks.Chunk chunk = chunks.next(settings.chunkBytes()); chunk != null;
            chunk = chunks.next(settings.chunkBytes())) {
          long before = parser.rowsRead();
          parser.parse(chunk);
          ReadProgress.add(0, parser.rowsRead() - before);
          unflushed += chunk.len();
          if (unflushed >= FLUSH_CHUNKS * settings.chunkBytes()) {
            // a big compressed file: its profiles and hash runs go out as it is read, not all at its end
            flush(blocks, sink);
            unflushed = 0;
          }
        }
        rows = parser.rowsRead();
        rejected = parser.rowsRejected();
      }
      // the rest of a damaged file, its header included when the damage comes first, is one rejected row
      RecordChunks.Damage broken = chunks.damage();
      if (broken != null) {
        rows++;
        rejected++;
        sink.rejected(new RejectedRow(settings.dataset(), path, broken.line(),
            "the file is damaged from this line on, the rest of it cannot be read (" + broken.reason() + ")",
            broken.text()));
        damage = new FileSummary.Damage(broken.line(), broken.reason());
      }
    }
    long size = stored.sum();
    ReadProgress.add(size, 0);
    ReadSettings.count(size, rows, rejected, 1);
    out.get(ReadDataset.FILES).output(
        new FileSummary(settings.dataset(), path, rows, rows - rejected, rejected, damage));
  }
}
