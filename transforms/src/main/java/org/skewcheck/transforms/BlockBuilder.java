package org.skewcheck.transforms;

import java.util.Arrays;

/** Fills one column-major block; cells are parsed straight into place. */
final class BlockBuilder {
  private final String dataset;
  final Header header;
  private static final String[] NO_IDS = new String[0];
  private final int capacity;
  private final boolean keepIds;
  private double[] values;
  private String[] ids;
  private int rows;
  /** Per column, the rows of its text cells in order, and their texts. */
  private int[][] textRows;
  private String[][] texts;
  private int[] textCount;
  /** Columns that got a text cell in the row being read, so a rejected row's are forgotten. */
  private int[] touched = new int[8];
  private int touchedCount;

  BlockBuilder(String dataset, Header header, int capacity, boolean keepIds) {
    this.dataset = dataset;
    this.header = header;
    this.capacity = capacity;
    this.keepIds = keepIds;
    values = new double[header.columns.length * capacity];
    reset();
  }

  /** Starts the next block; every kept row sets every cell, so a values array that was copied out is reused. */
  private void reset() {
    ids = keepIds ? new String[capacity] : null;
    rows = 0;
    int columns = header.columns.length;
    textRows = new int[columns][];
    texts = new String[columns][];
    textCount = new int[columns];
    touchedCount = 0;
  }

  /** Whether rows keep their ids; when not, the reader need not make them. */
  boolean keepsIds() {
    return keepIds;
  }

  int rows() {
    return rows;
  }

  boolean full() {
    return rows == capacity;
  }

  /** Sets a cell of the row being read. */
  void set(int column, double v) {
    values[column * capacity + rows] = v;
  }

  /** Records that a cell of the row being read is text. */
  void text(int column, String cell) {
    int n = textCount[column];
    if (textRows[column] == null) {
      textRows[column] = new int[Math.min(capacity, 16)];
      texts[column] = new String[textRows[column].length];
    } else if (n == textRows[column].length) {
      textRows[column] = Arrays.copyOf(textRows[column], Math.min(capacity, n * 2));
      texts[column] = Arrays.copyOf(texts[column], textRows[column].length);
    }
    textRows[column][n] = rows;
    texts[column][n] = cell;
    textCount[column] = n + 1;
    if (touchedCount == touched.length) {
      touched = Arrays.copyOf(touched, touchedCount * 2);
    }
    touched[touchedCount++] = column;
  }

  /** The row being read is complete: keep it. */
  void commitRow(String id) {
    touchedCount = 0;
    if (keepIds) {
      ids[rows] = id;
    }
    rows++;
  }

  /** The row being read is rejected: forget its text cells (its numbers are overwritten by the next row). */
  void discardRow() {
    for (int i = 0; i < touchedCount; i++) {
      int c = touched[i];
      if (textCount[c] > 0 && textRows[c][textCount[c] - 1] == rows) {
        textCount[c]--;
        texts[c][textCount[c]] = null;
      }
    }
    touchedCount = 0;
  }

  RowBlock build() {
    int columns = header.columns.length;
    double[] packed = values;
    if (rows < capacity) {
      packed = new double[columns * rows];
      for (int c = 0; c < columns; c++) {
        System.arraycopy(values, c * capacity, packed, c * rows, rows);
      }
    }
    int cells = 0;
    for (int c = 0; c < columns; c++) {
      cells += textCount[c];
    }
    int[] textIndex = new int[cells];
    String[] text = new String[cells];
    int at = 0;
    for (int c = 0; c < columns; c++) {
      for (int i = 0; i < textCount[c]; i++) {
        textIndex[at] = c * rows + textRows[c][i];
        text[at++] = texts[c][i];
      }
    }
    RowBlock block = new RowBlock(dataset, header.columns, rows, packed, textIndex, text,
        keepIds ? Arrays.copyOf(ids, rows) : NO_IDS);
    if (packed == values) {
      values = new double[columns * capacity];
    }
    reset();
    return block;
  }
}
