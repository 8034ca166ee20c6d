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
 * column plus row-level figures the per-column ones cannot give: counts of rows in which the family
 * has any value at all, and any non-zero value, which make the pooled sparsity test one of
 * independent rows rather than of correlated cells; and, for a family of at least two columns, its
 * {@link RowAggregates}, which the family drift test compares.
 */
public final class PrefixStats {
  private final Map<String, ColumnStats> columns = new TreeMap<>();
  private long rows;
  private long rowsAnyPresent;
  private long rowsAnyNonZero;
  /** Null until a block of at least two of the prefix's columns was added. */
  private RowAggregates aggregates;

  /** Profiles one block of this prefix's values. */
  public void add(PrefixBlock block) {
    int n = block.rows();
    // A one-column family's aggregates would repeat its column (and cost long data a second profile).
    boolean family = block.columns().length >= 2;
    RowTallies tallies = new RowTallies(n, family);
    double[] values = block.values();
    String[] names = block.columns();
    for (int c = 0; c < names.length; c++) {
      int base = c * n;
      columns.computeIfAbsent(names[c], k -> new ColumnStats()).addAll(values, base, base + n);
      tallies.add(values, base);
    }
    int[] textIndex = block.textIndex();
    String[] text = block.text();
    // Text cells are sorted by column: each column's equal values are counted first and added once,
    // since a categorical column repeats a few values in every row.
    Map<String, long[]> counts = new HashMap<>();
    for (int i = 0; i < textIndex.length; i++) {
      int cell = textIndex[i];
      counts.computeIfAbsent(text[i], k -> new long[1])[0]++;
      tallies.present[cell % n] = true;
      if (i + 1 == textIndex.length || textIndex[i + 1] / n != cell / n) {
        ColumnStats stats = columns.get(names[cell / n]);
        counts.forEach((value, count) -> stats.addText(value, count[0]));
        counts.clear();
      }
    }
    rows += n;
    for (int r = 0; r < n; r++) {
      if (tallies.present[r]) {
        rowsAnyPresent++;
      }
      if (tallies.nonZeros[r] > 0) {
        rowsAnyNonZero++;
      }
    }
    if (family) {
      if (aggregates == null) {
        aggregates = new RowAggregates();
      }
      aggregates.add(tallies);
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
    if (other.aggregates != null) {
      if (aggregates == null) {
        aggregates = new RowAggregates();
      }
      aggregates.merge(other.aggregates);
    }
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

  /**
   * The family's row aggregates over the rows of blocks that carried at least two of its columns;
   * null when none did. They are not columns: no column list, schema or sparsity figure sees them.
   */
  public RowAggregates aggregates() {
    return aggregates;
  }

  /** The columns' profiles, by column name in sorted order. */
  public Map<String, ColumnStats> columns() {
    return Collections.unmodifiableMap(columns);
  }

  /**
   * Writes the complete state in a compact binary form: the three row counts, the columns in sorted
   * order (count, then name and profile each), then whether there are row aggregates and, if so,
   * their total, non-zero count, non-zero mean and non-zero log mean profiles.
   */
  public void writeTo(DataOutput out) throws IOException {
    out.writeLong(rows);
    out.writeLong(rowsAnyPresent);
    out.writeLong(rowsAnyNonZero);
    out.writeInt(columns.size());
    for (Map.Entry<String, ColumnStats> e : columns.entrySet()) {
      out.writeUTF(e.getKey());
      e.getValue().writeTo(out);
    }
    out.writeBoolean(aggregates != null);
    if (aggregates != null) {
      aggregates.writeTo(out);
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
    if (in.readBoolean()) {
      s.aggregates = RowAggregates.readFrom(in);
    }
    return s;
  }
}
