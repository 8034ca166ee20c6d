package org.skewcheck.transforms;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;

/**
 * Writes the row hashes of a bundle as sorted {@link HashRunFile runs} in the run folder: buffers
 * each (dataset, kind)'s hash arrays, at most {@code runHashes} hashes in all, and writes each
 * (dataset, kind)'s as one run when that budget is reached and when the bundle ends; outputs each
 * run's {@link HashRun name}. One run file per (dataset, kind) and flush, not per shard, so small
 * bundles make few files. A worker holds one budget of hashes (32 MB at the default of 4M) and one
 * shard's sorted copy while it writes.
 */
final class WriteHashRunsFn extends DoFn<KV<HashShard, long[]>, HashRun> {
  private final String runDir;
  private final int runHashes;
  private transient Map<Source, ShardBuffer> buffers;
  private transient long buffered;

  /** What a run holds: one dataset's hashes of one kind. */
  private record Source(String dataset, HashShard.Kind kind) {}

  WriteHashRunsFn(String runDir, int runHashes) {
    this.runDir = runDir;
    this.runHashes = runHashes;
  }

  @StartBundle
  public void startBundle() {
    buffers = new LinkedHashMap<>();
    buffered = 0;
  }

  @ProcessElement
  public void process(@Element KV<HashShard, long[]> hashes, OutputReceiver<HashRun> out) throws IOException {
    HashShard shard = hashes.getKey();
    buffers.computeIfAbsent(new Source(shard.dataset(), shard.kind()), s -> new ShardBuffer())
        .add(shard.shard(), hashes.getValue());
    buffered += hashes.getValue().length;
    if (buffered >= runHashes) {
      writeAll(out::output);
    }
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext c) throws IOException {
    writeAll(run -> c.output(run, BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE));
    buffers = null;
  }

  private void writeAll(Consumer<HashRun> out) throws IOException {
    for (Map.Entry<Source, ShardBuffer> buffer : buffers.entrySet()) {
      if (buffer.getValue().size() > 0) {
        String path = HashRunFile.write(runDir, buffer.getValue());
        out.accept(new HashRun(buffer.getKey().dataset(), buffer.getKey().kind(), path, buffer.getValue().shards()));
      }
    }
    buffers.clear();
    buffered = 0;
  }
}
