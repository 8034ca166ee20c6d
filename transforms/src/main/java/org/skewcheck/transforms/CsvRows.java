package org.skewcheck.transforms;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import java.util.ArrayList;
import java.util.List;
import org.skewcheck.validation.config.DateFormat;

/**
 * FastCSV callback handler that parses data fields straight from the parser's buffer into a
 * {@link BlockBuilder}: no String per numeric cell, which is most of a wide table.
 * The first record is the header and is kept as strings. A rejected record's text is not kept
 * here (copying every field in case a row is bad cost a tenth of a wide run); the reader takes it
 * from the chunk's bytes.
 */
final class CsvRows extends AbstractBaseCsvCallbackHandler<CsvRows> {
  private List<String> header = new ArrayList<>();
  private BlockBuilder block;
  private String id;
  private static final int MAX_SHARED_TEXT = 64;
  private final String[] recentText = new String[256];

  /** Data records from now on go to {@code target}. */
  void startData(BlockBuilder target) {
    block = target;
    header = null;
  }

  /** The header's fields, while the first record is being read. */
  List<String> header() {
    return header;
  }

  String id() {
    return id;
  }

  long line() {
    return getStartingLineNumber();
  }

  int fields() {
    return getFieldCount();
  }

  @Override
  protected void handleBegin(long startingLineNumber) {
    id = null;
  }

  @Override
  protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
    if (header != null) {
      header.add(new String(buf, offset, len));
      return;
    }
    Header h = block.header;
    if (index >= h.width) {
      return;
    }
    int column = h.columnOfField[index];
    if (column < 0) {
      if (block.keepsIds()) {
        id = new String(buf, offset, len);
      }
      return;
    }
    DateFormat date = h.dateFormats[column];
    double v = date == null ? Cells.parse(buf, offset, len) : Cells.parseDate(new String(buf, offset, len), date);
    if (Cells.isText(v)) {
      block.text(column, text(buf, offset, len));
      v = Double.NaN;
    }
    block.set(column, v);
  }

  /**
   * The cell as a String, the same instance as a recent equal short cell: a categorical column
   * repeats a few values millions of times, and one String per cell was most of a long run's garbage.
   */
  private String text(char[] buf, int offset, int len) {
    if (len > MAX_SHARED_TEXT) {
      return new String(buf, offset, len);
    }
    int h = 0;
    for (int i = offset; i < offset + len; i++) {
      h = 31 * h + buf[i];
    }
    int slot = (h ^ (h >>> 16)) & (recentText.length - 1);
    String s = recentText[slot];
    if (s == null || s.length() != len || !sameChars(s, buf, offset)) {
      s = new String(buf, offset, len);
      recentText[slot] = s;
    }
    return s;
  }

  private static boolean sameChars(String s, char[] buf, int offset) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != buf[offset + i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  protected CsvRows buildRecord() {
    return this;
  }
}
