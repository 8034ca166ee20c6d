package org.skewcheck.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
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
 * id left out) and outputs them as one array per hash shard and chunk, never one element per row.
 * Equal rows have equal hashes, so every repeat falls within one shard: each shard is combined on
 * its own (8 bytes a row, on whichever worker holds the shard), its repeats counted, and the
 * shards' counts summed.
 *
 * <pre>{@code
 * PCollection<KV<String, Duplicates>> dups = read.get(ReadDataset.HASHES).apply(CountDuplicates.perDataset());
 * }</pre>
 */
public final class CountDuplicates
    extends PTransform<PCollection<KV<HashShard, long[]>>, PCollection<KV<String, Duplicates>>> {
  /** The coder of hash arrays keyed by their shard, as {@link ReadDataset#HASHES} carries them. */
  public static final KvCoder<HashShard, long[]> HASHES_CODER = KvCoder.of(HashShard.Coder.of(), HashArrayCoder.INSTANCE);

  private CountDuplicates() {}

  /** Counts the repeats among each dataset's row hashes (and key hashes, when the reader had a key). */
  public static CountDuplicates perDataset() {
    return new CountDuplicates();
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("hashBits", Long.SIZE).withLabel("bits per row hash"))
        .add(DisplayData.item("hashShards", RowHashes.SHARDS).withLabel("hash shards, each counted on one worker"));
  }

  @Override
  public PCollection<KV<String, Duplicates>> expand(PCollection<KV<HashShard, long[]>> hashes) {
    return hashes
        .apply("CountRepeatsPerShard", Combine.perKey(new RepeatsFn()))
        .setCoder(KvCoder.of(HashShard.Coder.of(), VarLongCoder.of()))
        .apply("ByDataset", WithKeys.of((KV<HashShard, Long> shard) -> shard.getKey().dataset())
            .withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(HashShard.Coder.of(), VarLongCoder.of())))
        .apply("GroupShards", GroupByKey.create())
        .apply("ToDuplicates", ParDo.of(new DoFn<KV<String, Iterable<KV<HashShard, Long>>>, KV<String, Duplicates>>() {
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
        }))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(Duplicates.class)));
  }

  /** Collects one shard's hash arrays (kept as they came, not copied) and counts the hashes that repeat an earlier one. */
  static final class RepeatsFn extends Combine.CombineFn<long[], HashArrays, Long> {
    @Override
    public HashArrays createAccumulator() {
      return new HashArrays();
    }

    @Override
    public HashArrays addInput(HashArrays acc, long[] hashes) {
      acc.add(hashes);
      return acc;
    }

    @Override
    public HashArrays mergeAccumulators(Iterable<HashArrays> accumulators) {
      HashArrays merged = new HashArrays();
      for (HashArrays acc : accumulators) {
        acc.arrays.forEach(merged::add);
      }
      return merged;
    }

    @Override
    public Long extractOutput(HashArrays acc) {
      return acc.repeats();
    }

    @Override
    public Coder<HashArrays> getAccumulatorCoder(CoderRegistry registry, Coder<long[]> inputCoder) {
      return HashArrays.CODER;
    }
  }

  /** The hash arrays of one shard, with an explicit coder that writes them as one array. */
  static final class HashArrays {
    static final Coder<HashArrays> CODER = new AtomicCoder<>() {
      @Override
      public void encode(HashArrays acc, OutputStream out) throws IOException {
        ArrayCoding.writeLongs(acc.all(), out);
      }

      @Override
      public HashArrays decode(InputStream in) throws IOException {
        HashArrays acc = new HashArrays();
        acc.add(ArrayCoding.readLongs(in));
        return acc;
      }
    };

    private final List<long[]> arrays = new ArrayList<>();
    private long size;

    void add(long[] hashes) {
      if (hashes.length > 0) {
        arrays.add(hashes);
        size += hashes.length;
      }
    }

    /** Every hash, in one new array. */
    long[] all() {
      long[] all = new long[Math.toIntExact(size)];
      int at = 0;
      for (long[] hashes : arrays) {
        System.arraycopy(hashes, 0, all, at, hashes.length);
        at += hashes.length;
      }
      return all;
    }

    /** Hashes that equal an earlier one: size minus distinct. */
    long repeats() {
      long[] all = all();
      Arrays.sort(all);
      long repeats = 0;
      for (int i = 1; i < all.length; i++) {
        if (all[i] == all[i - 1]) {
          repeats++;
        }
      }
      return repeats;
    }
  }

  /** The coder of a {@code long[]} of hashes: its length, then its values as 8-byte big-endian longs. */
  static final class HashArrayCoder extends AtomicCoder<long[]> {
    static final HashArrayCoder INSTANCE = new HashArrayCoder();

    @Override
    public void encode(long[] hashes, OutputStream out) throws IOException {
      ArrayCoding.writeLongs(hashes, out);
    }

    @Override
    public long[] decode(InputStream in) throws IOException {
      return ArrayCoding.readLongs(in);
    }
  }
}
