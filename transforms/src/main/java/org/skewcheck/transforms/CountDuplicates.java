package org.skewcheck.transforms;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.skewcheck.validation.report.Duplicates;

/**
 * Counts, per dataset, rows that repeat an earlier row in every column and, with a key, rows that
 * repeat an earlier row's key columns. Each row becomes a 64-bit hash (independent of column order,
 * so files with reordered headers compare equal; the row id is left out), and the hashes of each
 * (dataset, kind) are combined into a sorted array whose repeats are counted: 8 bytes a row on the
 * worker that merges, never the rows themselves. (One key per hash would be one shuffle key per
 * row, which the DirectRunner pays for dearly.)
 *
 * <pre>{@code
 * PCollection<KV<String, Duplicates>> dups = blocks.apply(CountDuplicates.withKey(List.of("post_id")));
 * }</pre>
 */
public final class CountDuplicates extends PTransform<PCollection<RowBlock>, PCollection<KV<String, Duplicates>>> {
  static final String ROW = "row";
  static final String KEY = "key";

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
    return blocks
        .apply("HashRows", ParDo.of(new HashRowsFn(key)))
        .setCoder(KvCoder.of(kindCoder, VarLongCoder.of()))
        .apply("CountRepeats", Combine.perKey(new RepeatsFn()))
        .setCoder(KvCoder.of(kindCoder, VarLongCoder.of()))
        .apply("ByDataset", ParDo.of(new DoFn<KV<KV<String, String>, Long>, KV<String, KV<String, Long>>>() {
          @ProcessElement
          public void process(@Element KV<KV<String, String>, Long> sum, OutputReceiver<KV<String, KV<String, Long>>> out) {
            out.output(KV.of(sum.getKey().getKey(), KV.of(sum.getKey().getValue(), sum.getValue())));
          }
        }))
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

  /** One hash per row, and one per row's key when there is a key. */
  static final class HashRowsFn extends DoFn<RowBlock, KV<KV<String, String>, Long>> {
    private final List<String> key;

    HashRowsFn(List<String> key) {
      this.key = key;
    }

    @ProcessElement
    public void process(@Element RowBlock block, OutputReceiver<KV<KV<String, String>, Long>> out) {
      int rows = block.rows();
      String[] columns = block.columns();
      double[] values = block.values();
      long[] cells = new long[values.length];
      for (int i = 0; i < values.length; i++) {
        cells[i] = Double.doubleToLongBits(values[i]);
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
      List<Integer> keyColumns = new ArrayList<>();
      for (String k : key) {
        keyColumns.add(List.of(columns).indexOf(k));
      }
      for (int r = 0; r < rows; r++) {
        out.output(KV.of(KV.of(block.dataset(), ROW), rowHash[r]));
        if (!key.isEmpty()) {
          long h = 0;
          for (int c : keyColumns) {
            h = mix(h * 0x9E3779B97F4A7C15L + (c < 0 ? Double.doubleToLongBits(Double.NaN) : cells[c * rows + r]));
          }
          out.output(KV.of(KV.of(block.dataset(), KEY), h));
        }
      }
    }

    private static long mix(long z) {
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }
  }

  /** Collects the hashes of one (dataset, kind) and counts how many repeat an earlier one. */
  static final class RepeatsFn extends Combine.CombineFn<Long, HashBag, Long> {
    @Override
    public HashBag createAccumulator() {
      return new HashBag();
    }

    @Override
    public HashBag addInput(HashBag bag, Long hash) {
      bag.add(hash);
      return bag;
    }

    @Override
    public HashBag mergeAccumulators(Iterable<HashBag> bags) {
      HashBag merged = new HashBag();
      for (HashBag bag : bags) {
        merged.addAll(bag);
      }
      return merged;
    }

    @Override
    public Long extractOutput(HashBag bag) {
      return bag.repeats();
    }

    @Override
    public Coder<HashBag> getAccumulatorCoder(CoderRegistry registry, Coder<Long> inputCoder) {
      return HashBag.CODER;
    }
  }

  /** A growable array of hashes with an explicit coder. */
  static final class HashBag {
    static final Coder<HashBag> CODER = new AtomicCoder<>() {
      @Override
      public void encode(HashBag bag, OutputStream out) throws IOException {
        VarIntCoder.of().encode(bag.size, out);
        ByteBuffer buf = ByteBuffer.allocate(bag.size * Long.BYTES);
        buf.asLongBuffer().put(bag.hashes, 0, bag.size);
        out.write(buf.array());
      }

      @Override
      public HashBag decode(InputStream in) throws IOException {
        HashBag bag = new HashBag();
        bag.size = VarIntCoder.of().decode(in);
        byte[] bytes = new byte[bag.size * Long.BYTES];
        new DataInputStream(in).readFully(bytes);
        bag.hashes = new long[bag.size];
        ByteBuffer.wrap(bytes).asLongBuffer().get(bag.hashes);
        return bag;
      }
    };

    private long[] hashes = new long[16];
    private int size;

    void add(long hash) {
      if (size == hashes.length) {
        hashes = Arrays.copyOf(hashes, size * 2);
      }
      hashes[size++] = hash;
    }

    void addAll(HashBag other) {
      for (int i = 0; i < other.size; i++) {
        add(other.hashes[i]);
      }
    }

    /** Hashes that equal an earlier one: size minus distinct. */
    long repeats() {
      long[] sorted = Arrays.copyOf(hashes, size);
      Arrays.sort(sorted);
      long repeats = 0;
      for (int i = 1; i < sorted.length; i++) {
        if (sorted[i] == sorted[i - 1]) {
          repeats++;
        }
      }
      return repeats;
    }
  }
}
