package org.skewcheck.validation.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mergeable profile of one prefix (column family) in one dataset: a {@link ColumnStats} per
 * column plus row-level counts the per-column figures cannot give (rows in which the family has
 * any value at all, and any non-zero value), which make the pooled sparsity test one of
 * independent rows rather than of correlated cells.
 */
public final class PrefixStats {
  private final Map<String, ColumnStats> columns = new TreeMap<>();
  private long rows;
  private long rowsAnyPresent;
  private long rowsAnyNonZero;

  /** Profiles one block of this prefix's values. */
  public void add(PrefixBlock block) {
    int n = block.rows();
    boolean[] present = new boolean[n];
    boolean[] nonZero = new boolean[n];
    double[] values = block.values();
    String[] names = block.columns();
    for (int c = 0; c < names.length; c++) {
      int base = c * n;
      columns.computeIfAbsent(names[c], k -> new ColumnStats()).addAll(values, base, base + n, present, nonZero);
    }
    int[] textIndex = block.textIndex();
    String[] text = block.text();
    // Text cells are sorted by column: each column's equal values are counted first and added once,
    // since a categorical column repeats a few values in every row.
    Map<String, long[]> counts = new HashMap<>();
    for (int i = 0; i < textIndex.length; i++) {
      int cell = textIndex[i];
      counts.computeIfAbsent(text[i], k -> new long[1])[0]++;
      present[cell % n] = true;
      if (i + 1 == textIndex.length || textIndex[i + 1] / n != cell / n) {
        ColumnStats stats = columns.get(names[cell / n]);
        counts.forEach((value, count) -> stats.addText(value, count[0]));
        counts.clear();
      }
    }
    rows += n;
    for (int r = 0; r < n; r++) {
      if (present[r]) {
        rowsAnyPresent++;
      }
      if (nonZero[r]) {
        rowsAnyNonZero++;
      }
    }
  }

  /** Folds {@code other} into this one; {@code other} must not be this. */
  public void merge(PrefixStats other) {
    if (other == this) {
      throw new IllegalArgumentException("cannot merge a PrefixStats into itself");
    }
    rows += other.rows;
    rowsAnyPresent += other.rowsAnyPresent;
    rowsAnyNonZero += other.rowsAnyNonZero;
    other.columns.forEach((name, stats) -> {
      ColumnStats mine = columns.get(name);
      if (mine == null) {
        mine = new ColumnStats();
        columns.put(name, mine);
      }
      mine.merge(stats);
    });
  }

  /** Rows of blocks that carried this prefix (files lacking all its columns contribute none). */
  public long rows() {
    return rows;
  }

  /** Rows with at least one present value in this prefix. */
  public long rowsAnyPresent() {
    return rowsAnyPresent;
  }

  /** Rows with at least one non-zero number in this prefix. */
  public long rowsAnyNonZero() {
    return rowsAnyNonZero;
  }

  /** The columns' profiles, by column name in sorted order. */
  public Map<String, ColumnStats> columns() {
    return Collections.unmodifiableMap(columns);
  }

  /** Writes the complete state in a compact binary form, columns in sorted order. */
  public void writeTo(DataOutput out) throws IOException {
    out.writeLong(rows);
    out.writeLong(rowsAnyPresent);
    out.writeLong(rowsAnyNonZero);
    out.writeInt(columns.size());
    for (Map.Entry<String, ColumnStats> e : columns.entrySet()) {
      out.writeUTF(e.getKey());
      e.getValue().writeTo(out);
    }
  }

  /** Reads what {@link #writeTo} wrote. */
  public static PrefixStats readFrom(DataInput in) throws IOException {
    PrefixStats s = new PrefixStats();
    s.rows = in.readLong();
    s.rowsAnyPresent = in.readLong();
    s.rowsAnyNonZero = in.readLong();
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      s.columns.put(in.readUTF(), ColumnStats.readFrom(in));
    }
    return s;
  }
}
