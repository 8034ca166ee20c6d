package org.skewcheck.transforms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Fills one column-major block; cells are parsed straight into place. */
final class BlockBuilder {
  private final String dataset;
  final Header header;
  private final int capacity;
  private double[] values;
  private String[] ids;
  private int rows;
  private final List<long[]> textCells = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();

  BlockBuilder(String dataset, Header header, int capacity) {
    this.dataset = dataset;
    this.header = header;
    this.capacity = capacity;
    reset();
  }

  private void reset() {
    values = new double[header.columns.length * capacity];
    ids = new String[capacity];
    rows = 0;
    textCells.clear();
    texts.clear();
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
    textCells.add(new long[] {column, rows});
    texts.add(cell);
  }

  /** The row being read is complete: keep it. */
  void commitRow(String id) {
    ids[rows++] = id;
  }

  /** The row being read is rejected: forget its text cells (its numbers are overwritten by the next row). */
  void discardRow() {
    while (!textCells.isEmpty() && textCells.get(textCells.size() - 1)[1] == rows) {
      textCells.remove(textCells.size() - 1);
      texts.remove(texts.size() - 1);
    }
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
    int[] textIndex = new int[textCells.size()];
    for (int i = 0; i < textIndex.length; i++) {
      long[] cell = textCells.get(i);
      textIndex[i] = (int) (cell[0] * rows + cell[1]);
    }
    String[] text = texts.toArray(String[]::new);
    sortByIndex(textIndex, text);
    RowBlock block = new RowBlock(dataset, header.columns, rows, packed, textIndex, text,
        Arrays.copyOf(ids, rows));
    reset();
    return block;
  }

  private static void sortByIndex(int[] index, String[] text) {
    Integer[] order = new Integer[index.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(index[a], index[b]));
    int[] sortedIndex = new int[index.length];
    String[] sortedText = new String[text.length];
    for (int i = 0; i < order.length; i++) {
      sortedIndex[i] = index[order[i]];
      sortedText[i] = text[order[i]];
    }
    System.arraycopy(sortedIndex, 0, index, 0, index.length);
    System.arraycopy(sortedText, 0, text, 0, text.length);
  }
}
