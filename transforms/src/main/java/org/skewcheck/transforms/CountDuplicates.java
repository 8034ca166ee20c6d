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
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
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
    extends PTransform<PCollection<KV<KV<KV<String, String>, Integer>, long[]>>, PCollection<KV<String, Duplicates>>> {
  static final String ROW = "row";
  static final String KEY = "key";

  /** The coder of hash arrays keyed by ((dataset, kind), shard), as {@link ReadDataset#HASHES} carries them. */
  public static final KvCoder<KV<KV<String, String>, Integer>, long[]> HASHES_CODER = KvCoder.of(
      KvCoder.of(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()), VarIntCoder.of()), HashArrayCoder.INSTANCE);

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
  public PCollection<KV<String, Duplicates>> expand(PCollection<KV<KV<KV<String, String>, Integer>, long[]>> hashes) {
    KvCoder<String, String> kindCoder = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
    KvCoder<KV<String, String>, Integer> shardCoder = KvCoder.of(kindCoder, VarIntCoder.of());
    return hashes
        .apply("CountRepeatsPerShard", Combine.perKey(new RepeatsFn()))
        .setCoder(KvCoder.of(shardCoder, VarLongCoder.of()))
        .apply("DropShard", MapElements.into(TypeDescriptors.kvs(
                TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()), TypeDescriptors.longs()))
            .via((KV<KV<KV<String, String>, Integer>, Long> shard) -> KV.of(shard.getKey().getKey(), shard.getValue())))
        .setCoder(KvCoder.of(kindCoder, VarLongCoder.of()))
        .apply("SumShards", Sum.longsPerKey())
        .apply("ByDataset", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs())))
            .via((KV<KV<String, String>, Long> sum) ->
                KV.of(sum.getKey().getKey(), KV.of(sum.getKey().getValue(), sum.getValue()))))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())))
        .apply("GroupKinds", GroupByKey.create())
        .apply("ToDuplicates", ParDo.of(new DoFn<KV<String, Iterable<KV<String, Long>>>, KV<String, Duplicates>>() {
          @ProcessElement
          public void process(@Element KV<String, Iterable<KV<String, Long>>> kinds,
              OutputReceiver<KV<String, Duplicates>> out) {
            long rows = 0;
            Long keys = null;
            for (KV<String, Long> kind : kinds.getValue()) {
              if (kind.getKey().equals(ROW)) {
                rows = kind.getValue();
              } else {
                keys = kind.getValue();
              }
            }
            out.output(KV.of(kinds.getKey(), new Duplicates(rows, keys)));
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
