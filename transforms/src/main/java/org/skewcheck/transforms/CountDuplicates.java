package org.skewcheck.transforms;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
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
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.skewcheck.validation.report.Duplicates;

/**
 * Counts, per dataset, rows that repeat an earlier row in every column and, with a key, rows that
 * repeat an earlier row's key columns. Each row becomes a 64-bit hash (independent of column order,
 * so files with reordered headers compare equal; the row id is left out). A block's hashes are
 * split by their top bits into {@link #SHARDS} shards and travel as one array per shard, never one
 * element per row; equal rows have equal hashes, so every repeat falls within one shard. Each
 * shard is combined on its own (8 bytes a row, on whichever worker holds the shard), its repeats
 * counted, and the shards' counts summed.
 *
 * <pre>{@code
 * PCollection<KV<String, Duplicates>> dups = blocks.apply(CountDuplicates.withKey(List.of("post_id")));
 * }</pre>
 */
public final class CountDuplicates extends PTransform<PCollection<RowBlock>, PCollection<KV<String, Duplicates>>> {
  static final String ROW = "row";
  static final String KEY = "key";
  /** Shards of the hash space: a power of two, so a hash's shard is its top bits. */
  static final int SHARDS = 64;
  private static final int SHARD_SHIFT = Long.SIZE - Integer.numberOfTrailingZeros(SHARDS);

  private final List<String> key;

  private CountDuplicates(List<String> key) {
    this.key = List.copyOf(key);
  }

  /** Counts duplicated rows, and duplicated values of {@code keyColumns} when it is not empty. */
  public static CountDuplicates withKey(List<String> keyColumns) {
    return new CountDuplicates(keyColumns);
  }

  @Override
  public PCollection<KV<String, Duplicates>> expand(PCollection<RowBlock> blocks) {
    KvCoder<String, String> kindCoder = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
    KvCoder<KV<String, String>, Integer> shardCoder = KvCoder.of(kindCoder, VarIntCoder.of());
    return blocks
        .apply("HashRows", ParDo.of(new HashRowsFn(key)))
        .setCoder(KvCoder.of(shardCoder, HashArrayCoder.INSTANCE))
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

  /** A block's row hashes (and key hashes when there is a key), one array per non-empty shard. */
  static final class HashRowsFn extends DoFn<RowBlock, KV<KV<KV<String, String>, Integer>, long[]>> {
    private final List<String> key;

    HashRowsFn(List<String> key) {
      this.key = key;
    }

    @ProcessElement
    public void process(@Element RowBlock block, OutputReceiver<KV<KV<KV<String, String>, Integer>, long[]>> out) {
      int rows = block.rows();
      String[] columns = block.columns();
      double[] values = block.values();
      long[] cells = new long[values.length];
      for (int i = 0; i < values.length; i++) {
        // -0 and 0 are the same number in a CSV row
        cells[i] = Double.doubleToLongBits(values[i] == 0 ? 0.0 : values[i]);
      }
      for (int i = 0; i < block.textIndex().length; i++) {
        cells[block.textIndex()[i]] = mix(block.text()[i].hashCode() + 0x632BE59BD9B4E019L);
      }
      long[] rowHash = new long[rows];
      for (int c = 0; c < columns.length; c++) {
        long name = columns[c].hashCode() * 0x9E3779B97F4A7C15L;
        for (int r = 0; r < rows; r++) {
          rowHash[r] += mix(name ^ cells[c * rows + r]);
        }
      }
      outputByShard(KV.of(block.dataset(), ROW), rowHash, out);
      if (!key.isEmpty()) {
        List<Integer> keyColumns = new ArrayList<>();
        for (String k : key) {
          keyColumns.add(List.of(columns).indexOf(k));
        }
        long[] keyHash = new long[rows];
        for (int r = 0; r < rows; r++) {
          long h = 0;
          for (int c : keyColumns) {
            h = mix(h * 0x9E3779B97F4A7C15L + (c < 0 ? Double.doubleToLongBits(Double.NaN) : cells[c * rows + r]));
          }
          keyHash[r] = h;
        }
        outputByShard(KV.of(block.dataset(), KEY), keyHash, out);
      }
    }

    private static void outputByShard(KV<String, String> kind, long[] hashes,
        OutputReceiver<KV<KV<KV<String, String>, Integer>, long[]>> out) {
      int[] counts = new int[SHARDS];
      for (long h : hashes) {
        counts[(int) (h >>> SHARD_SHIFT)]++;
      }
      long[][] shards = new long[SHARDS][];
      for (int s = 0; s < SHARDS; s++) {
        shards[s] = new long[counts[s]];
      }
      int[] filled = new int[SHARDS];
      for (long h : hashes) {
        int s = (int) (h >>> SHARD_SHIFT);
        shards[s][filled[s]++] = h;
      }
      for (int s = 0; s < SHARDS; s++) {
        if (counts[s] > 0) {
          out.output(KV.of(KV.of(kind, s), shards[s]));
        }
      }
    }

    private static long mix(long z) {
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }
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
        VarLongCoder.of().encode(acc.size, out);
        for (long[] hashes : acc.arrays) {
          HashArrayCoder.writeLongs(hashes, out);
        }
      }

      @Override
      public HashArrays decode(InputStream in) throws IOException {
        HashArrays acc = new HashArrays();
        long size = VarLongCoder.of().decode(in);
        acc.add(HashArrayCoder.readLongs(in, Math.toIntExact(size)));
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

    /** Hashes that equal an earlier one: size minus distinct. */
    long repeats() {
      long[] all = new long[Math.toIntExact(size)];
      int at = 0;
      for (long[] hashes : arrays) {
        System.arraycopy(hashes, 0, all, at, hashes.length);
        at += hashes.length;
      }
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
      VarIntCoder.of().encode(hashes.length, out);
      writeLongs(hashes, out);
    }

    @Override
    public long[] decode(InputStream in) throws IOException {
      return readLongs(in, VarIntCoder.of().decode(in));
    }

    static void writeLongs(long[] values, OutputStream out) throws IOException {
      ByteBuffer buf = ByteBuffer.allocate(values.length * Long.BYTES);
      buf.asLongBuffer().put(values);
      out.write(buf.array());
    }

    static long[] readLongs(InputStream in, int n) throws IOException {
      byte[] bytes = new byte[n * Long.BYTES];
      new DataInputStream(in).readFully(bytes);
      long[] values = new long[n];
      ByteBuffer.wrap(bytes).asLongBuffer().get(values);
      return values;
    }
  }
}
