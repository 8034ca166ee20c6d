package org.skewcheck.transforms;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.skewcheck.validation.stats.PrefixBlock;
import org.skewcheck.validation.stats.PrefixStats;

/**
 * Where a reader's blocks go: profiled at once, in the reading thread, into one partial {@link
 * PrefixStats} per prefix, which {@link #flush} outputs, and the rows' duplicate hashes, which it
 * writes as sorted runs and outputs the names of; the blocks themselves are output only when rows
 * are wanted downstream (scoring). This is the combiner lifting a runner would do, done where the
 * rows are read: what leaves a reader is about the size of its profile, not of its rows, so a
 * runner that queues a fast reader's output (the DirectRunner has no backpressure) never queues
 * the rows, nor 8 bytes a row of hashes.
 */
final class ChunkSink implements ChunkParser.Sink {
  private final ReadSettings settings;
  private final DoFn.MultiOutputReceiver out;
  private final Map<String, PrefixStats> stats = new LinkedHashMap<>();
  private final Map<String, String> prefixes = new HashMap<>();
  private final RowHashes hashes;

  ChunkSink(ReadSettings settings, DoFn.MultiOutputReceiver out) {
    this.settings = settings;
    this.out = out;
    this.hashes = settings.hashRunDir() == null ? null : new RowHashes(settings.dataset(), settings.uniqueKey());
  }

  @Override
  public void block(RowBlock block) {
    if (settings.blocks()) {
      out.get(ReadDataset.BLOCKS).output(block);
    }
    for (Map.Entry<String, PrefixBlock> slice : PrefixSlices.of(block, this::prefixOf).entrySet()) {
      stats.computeIfAbsent(slice.getKey(), p -> new PrefixStats()).add(slice.getValue());
    }
    if (hashes != null) {
      hashes.add(block);
    }
  }

  @Override
  public void rejected(RejectedRow row) {
    out.get(ReadDataset.REJECTED).output(row);
  }

  /** Outputs the partial profiles of the blocks seen since the last flush, and their hashes' runs. */
  void flush() throws IOException {
    stats.forEach((prefix, s) -> out.get(ReadDataset.PROFILES).output(KV.of(new PrefixKey(settings.dataset(), prefix), s)));
    stats.clear();
    if (hashes != null) {
      hashes.writeRuns(settings.hashRunDir(), out.get(ReadDataset.HASHES)::output);
    }
  }

  private String prefixOf(String column) {
    return prefixes.computeIfAbsent(column, settings.prefixRules()::prefixOf);
  }
}
