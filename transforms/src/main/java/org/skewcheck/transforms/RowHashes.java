package org.skewcheck.transforms;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The duplicate-counting hashes of the rows a reader has read since it last wrote them: one 64-bit
 * hash per row over every column (the sum of a per-cell mix of column name and value, so column
 * order does not matter and the row id is left out), and one per row over the key columns when
 * there is a key. Hashes are kept per shard, the shard being a hash's top bits, and written as one
 * sorted {@link HashRunFile run} per kind for {@link CountDuplicates}.
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

  /**
   * Writes the hashes gathered so far as sorted runs in {@code dir}, one per kind (rows, keys) that
   * has any, hands over their names, and starts again.
   */
  void writeRuns(String dir, Consumer<HashRun> out) throws IOException {
    writeRun(dir, HashShard.Kind.ROW, rows, rowCount, out);
    if (!key.isEmpty()) {
      writeRun(dir, HashShard.Kind.KEY, keys, keyCount, out);
    }
  }

  private void writeRun(String dir, HashShard.Kind kind, long[][] shards, int[] counts, Consumer<HashRun> out)
      throws IOException {
    // the shards' arrays go into the run as they are: it is written (and sorted copies made) before they are reused
    ShardBuffer run = new ShardBuffer();
    for (int s = 0; s < SHARDS; s++) {
      run.add(s, shards[s], counts[s]);
      counts[s] = 0;
    }
    if (run.size() > 0) {
      out.accept(new HashRun(dataset, kind, HashRunFile.write(dir, run), run.shards()));
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
