package org.skewcheck.transforms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.values.KV;

/**
 * The duplicate-counting hashes of the rows a reader has read since its last flush: one 64-bit
 * hash per row over every column (the sum of a per-cell mix of column name and value, so column
 * order does not matter and the row id is left out), and one per row over the key columns when
 * there is a key. Hashes are kept per shard, the shard being a hash's top bits, and flushed as one
 * array per {@link HashShard} for {@link CountDuplicates}.
 */
final class RowHashes {
  /**
   * Shards of the hash space: a power of two, so a hash's shard is its top bits, and at most 64, as
   * a {@link HashRun} names the shards it holds in one long's bits.
   */
  static final int SHARDS = 64;
  private static final int SHARD_SHIFT = Long.SIZE - Integer.numberOfTrailingZeros(SHARDS);

  private final String dataset;
  private final List<String> key;
  private final long[][] rows = new long[SHARDS][];
  private final int[] rowCount = new int[SHARDS];
  private final long[][] keys = new long[SHARDS][];
  private final int[] keyCount = new int[SHARDS];

  RowHashes(String dataset, List<String> key) {
    this.dataset = dataset;
    this.key = List.copyOf(key);
  }

  /** Hashes every row of {@code block}. */
  void add(RowBlock block) {
    int n = block.rows();
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
    long[] rowHash = new long[n];
    for (int c = 0; c < columns.length; c++) {
      long name = columns[c].hashCode() * 0x9E3779B97F4A7C15L;
      for (int r = 0; r < n; r++) {
        rowHash[r] += mix(name ^ cells[c * n + r]);
      }
    }
    for (long h : rowHash) {
      append(rows, rowCount, h);
    }
    if (!key.isEmpty()) {
      List<Integer> keyColumns = new ArrayList<>();
      for (String k : key) {
        keyColumns.add(List.of(columns).indexOf(k));
      }
      for (int r = 0; r < n; r++) {
        long h = 0;
        for (int c : keyColumns) {
          h = mix(h * 0x9E3779B97F4A7C15L + (c < 0 ? Double.doubleToLongBits(Double.NaN) : cells[c * n + r]));
        }
        append(keys, keyCount, h);
      }
    }
  }

  /** Hands over the hashes gathered so far, one array per non-empty shard, and starts again. */
  void flush(Consumer<KV<HashShard, long[]>> out) {
    flush(HashShard.Kind.ROW, rows, rowCount, out);
    if (!key.isEmpty()) {
      flush(HashShard.Kind.KEY, keys, keyCount, out);
    }
  }

  private void flush(HashShard.Kind kind, long[][] shards, int[] counts,
      Consumer<KV<HashShard, long[]>> out) {
    for (int s = 0; s < SHARDS; s++) {
      if (counts[s] > 0) {
        out.accept(KV.of(new HashShard(dataset, kind, s), Arrays.copyOf(shards[s], counts[s])));
        counts[s] = 0;
      }
    }
  }

  private static void append(long[][] shards, int[] counts, long h) {
    int s = (int) (h >>> SHARD_SHIFT);
    long[] shard = shards[s];
    if (shard == null) {
      shard = shards[s] = new long[256];
    } else if (counts[s] == shard.length) {
      shard = shards[s] = Arrays.copyOf(shard, shard.length * 2);
    }
    shard[counts[s]++] = h;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
