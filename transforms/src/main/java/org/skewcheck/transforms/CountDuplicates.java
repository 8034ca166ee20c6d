package org.skewcheck.transforms;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.skewcheck.validation.stats.Duplicates;

/**
 * Counts, per dataset, rows that repeat an earlier row in every column and, with a key, rows that
 * repeat an earlier row's key columns. The reader turns each row into a 64-bit hash ({@link
 * RowHashes}: independent of column order, so files with reordered headers compare equal; the row
 * id left out) and writes each chunk's hashes as a sorted run ({@link ReadDataset#withHashRunsIn},
 * {@link HashRunFile}: one file per dataset and kind, its 64 shards' sections sorted apart), never
 * one element per row: only the runs' names travel. Equal rows have equal hashes, so every repeat
 * falls within one shard.
 *
 * <p>The hashes are counted by the merge half of an external sort, in bounded memory whatever the
 * number of rows: the runs' names are grouped per shard, and each shard's repeats are counted on
 * one worker by merging its section of every run ({@link ShardMerge}: a read buffer and a hash per
 * run). The shards' counts are summed per dataset as longs, and the runs removed once every dataset
 * is counted; {@link #removeRuns} removes those a killed run left behind. A dataset without hashes
 * gets no count.
 *
 * <pre>{@code
 * PCollection<KV<String, Duplicates>> dups = read.get(ReadDataset.HASHES).apply(CountDuplicates.perDataset());
 * }</pre>
 */
public final class CountDuplicates extends PTransform<PCollection<HashRun>, PCollection<KV<String, Duplicates>>> {
  private CountDuplicates() {}

  /** Counts the repeats among each dataset's row hashes (and key hashes, when the reader had a key). */
  public static CountDuplicates perDataset() {
    return new CountDuplicates();
  }

  /** Removes every sorted hash run in {@code runDir}: what a killed or failed run left there. */
  public static void removeRuns(String runDir) throws IOException {
    HashRunFile.removeAll(runDir);
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("hashBits", Long.SIZE).withLabel("bits per row hash"))
        .add(DisplayData.item("hashShards", RowHashes.SHARDS).withLabel("hash shards, each counted on one worker"));
  }

  @Override
  public PCollection<KV<String, Duplicates>> expand(PCollection<HashRun> runs) {
    PCollection<KV<String, Duplicates>> duplicates = runs
        .apply("RunsPerShard", ParDo.of(new RunsPerShardFn()))
        .setCoder(KvCoder.of(HashShard.Coder.of(), StringUtf8Coder.of()))
        .apply("GroupRunsPerShard", GroupByKey.create())
        .apply("MergeRepeatsPerShard", ParDo.of(new MergeRepeatsFn()))
        .setCoder(KvCoder.of(HashShard.Coder.of(), VarLongCoder.of()))
        .apply("ByDataset", WithKeys.of((KV<HashShard, Long> shard) -> shard.getKey().dataset())
            .withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(HashShard.Coder.of(), VarLongCoder.of())))
        .apply("GroupShards", GroupByKey.create())
        .apply("ToDuplicates", ParDo.of(new ToDuplicatesFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(Duplicates.class)));
    runs.apply("RunPaths", MapElements.into(TypeDescriptors.strings()).via(HashRun::path))
        .apply("OnceCounted", Wait.on(duplicates))
        .apply("RemoveHashRuns", ParDo.of(new RemoveRunsFn()));
    return duplicates;
  }

  /**
   * Names each run once per shard it holds, keyed by that shard, so grouping by key gathers a
   * shard's runs (small elements: a path each) on the worker that merges them.
   */
  static final class RunsPerShardFn extends DoFn<HashRun, KV<HashShard, String>> {
    @ProcessElement
    public void process(@Element HashRun run, OutputReceiver<KV<HashShard, String>> out) {
      for (int s = 0; s < RowHashes.SHARDS; s++) {
        if (run.holds(s)) {
          out.output(KV.of(new HashShard(run.dataset(), run.kind(), s), run.path()));
        }
      }
    }
  }

  /** Counts a shard's repeats by merging its section of each of its runs. */
  static final class MergeRepeatsFn extends DoFn<KV<HashShard, Iterable<String>>, KV<HashShard, Long>> {
    @ProcessElement
    public void process(@Element KV<HashShard, Iterable<String>> shard, OutputReceiver<KV<HashShard, Long>> out)
        throws IOException {
      List<String> runs = new ArrayList<>();
      shard.getValue().forEach(runs::add);
      out.output(KV.of(shard.getKey(), ShardMerge.repeats(runs, shard.getKey().shard())));
    }
  }

  /** Sums a dataset's shard counts: rows, and keys when any shard holds key hashes (null otherwise). */
  static final class ToDuplicatesFn extends DoFn<KV<String, Iterable<KV<HashShard, Long>>>, KV<String, Duplicates>> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<HashShard, Long>>> shards,
        OutputReceiver<KV<String, Duplicates>> out) {
      long rows = 0;
      long keys = 0;
      boolean keyed = false;
      for (KV<HashShard, Long> shard : shards.getValue()) {
        if (shard.getKey().kind() == HashShard.Kind.ROW) {
          rows += shard.getValue();
        } else {
          keyed = true;
          keys += shard.getValue();
        }
      }
      out.output(KV.of(shards.getKey(), new Duplicates(rows, keyed ? keys : null)));
    }
  }

  /** Removes the runs of a bundle, in one call: they are counted, and nothing reads them again. */
  static final class RemoveRunsFn extends DoFn<String, Void> {
    private transient List<String> paths;

    @StartBundle
    public void startBundle() {
      paths = new ArrayList<>();
    }

    @ProcessElement
    public void process(@Element String run) {
      paths.add(run);
    }

    @FinishBundle
    public void finishBundle() throws IOException {
      HashRunFile.remove(paths);
      paths = null;
    }
  }
}
