package org.skewcheck.transforms;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * FastCSV callback handler that parses data fields straight from the parser's buffer into a
 * {@link ReadDataset.BlockBuilder}: no String per numeric cell, which is most of a wide table.
 * The first record is the header and is kept as strings; every data record also keeps its raw
 * text, re-encoded as CSV, in case it has to be rejected.
 */
final class CsvRows extends AbstractBaseCsvCallbackHandler<CsvRows> {
  private List<String> header = new ArrayList<>();
  private ReadDataset.BlockBuilder block;
  private final StringBuilder raw = new StringBuilder();
  private String id;

  /** Data records from now on go to {@code target}. */
  void startData(ReadDataset.BlockBuilder target) {
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

  /** The current record's fields, re-encoded as one CSV line. */
  String raw() {
    return raw.toString();
  }

  long line() {
    return getStartingLineNumber();
  }

  int fields() {
    return getFieldCount();
  }

  @Override
  protected void handleBegin(long startingLineNumber) {
    raw.setLength(0);
    id = null;
  }

  @Override
  protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
    if (header != null) {
      header.add(new String(buf, offset, len));
      return;
    }
    appendRaw(index, buf, offset, len);
    ReadDataset.Header h = block.header;
    if (index >= h.width) {
      return;
    }
    int column = h.columnOfField[index];
    if (column < 0) {
      id = new String(buf, offset, len);
      return;
    }
    double v = Cells.parse(buf, offset, len);
    if (Cells.isText(v)) {
      block.text(column, new String(buf, offset, len));
      v = Double.NaN;
    }
    block.set(column, v);
  }

  private void appendRaw(int index, char[] buf, int offset, int len) {
    if (index > 0) {
      raw.append(',');
    }
    boolean quote = false;
    for (int i = offset; i < offset + len && !quote; i++) {
      char c = buf[i];
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      raw.append(buf, offset, len);
      return;
    }
    raw.append('"');
    for (int i = offset; i < offset + len; i++) {
      raw.append(buf[i]);
      if (buf[i] == '"') {
        raw.append('"');
      }
    }
    raw.append('"');
  }

  @Override
  protected CsvRows buildRecord() {
    return this;
  }
}
