package org.skewcheck.transforms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.skewcheck.validation.report.Duplicates;

/**
 * Counts, per dataset, rows that repeat an earlier row in every column and, with a key, rows that
 * repeat an earlier row's key columns. Each row becomes a 64-bit hash (independent of column order,
 * so files with reordered headers compare equal; the row id is left out), and equal hashes are
 * counted with {@link Count#perElement()}: no row is held in memory.
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
        .apply("CountEqualHashes", Count.perElement())
        .apply("Repeats", ParDo.of(new DoFn<KV<KV<KV<String, String>, Long>, Long>, KV<KV<String, String>, Long>>() {
          @ProcessElement
          public void process(@Element KV<KV<KV<String, String>, Long>, Long> counted,
              OutputReceiver<KV<KV<String, String>, Long>> out) {
            out.output(KV.of(counted.getKey().getKey(), counted.getValue() - 1));
          }
        }))
        .setCoder(KvCoder.of(kindCoder, VarLongCoder.of()))
        .apply("SumRepeats", Sum.longsPerKey())
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
      Map<Integer, String> text = new HashMap<>();
      for (int i = 0; i < block.textIndex().length; i++) {
        text.put(block.textIndex()[i], block.text()[i]);
      }
      List<Integer> keyColumns = new ArrayList<>();
      for (String k : key) {
        keyColumns.add(List.of(columns).indexOf(k));
      }
      for (int r = 0; r < rows; r++) {
        long row = 0;
        for (int c = 0; c < columns.length; c++) {
          row += mix(columns[c].hashCode() * 0x9E3779B97F4A7C15L ^ cell(block, text, c, r));
        }
        out.output(KV.of(KV.of(block.dataset(), ROW), row));
        if (!key.isEmpty()) {
          long h = 0;
          for (int c : keyColumns) {
            h = mix(h * 0x9E3779B97F4A7C15L + (c < 0 ? Double.doubleToLongBits(Double.NaN) : cell(block, text, c, r)));
          }
          out.output(KV.of(KV.of(block.dataset(), KEY), h));
        }
      }
    }

    private static long cell(RowBlock block, Map<Integer, String> text, int c, int r) {
      int index = c * block.rows() + r;
      String t = text.get(index);
      return t != null ? mix(t.hashCode() + 0x632BE59BD9B4E019L) : Double.doubleToLongBits(block.values()[index]);
    }

    private static long mix(long z) {
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }
  }
}
