package org.skewcheck.transforms;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * Parses chunks of whole CSV records of one file into a {@link BlockBuilder}, and sends each row
 * it cannot use to the dead letters with its file, line, reason and original text. A record the
 * parser itself refuses (a field past FastCSV's size limit, a stray quote) is rejected alone, and
 * parsing goes on with the next record, so one bad row never costs the rest of its chunk.
 */
final class ChunkParser {
  /** Where a parser's output goes: the reader's DoFn outputs. */
  interface Sink {
    void block(RowBlock block);

    void rejected(RejectedRow row);
  }

  /** A rejected row's text is cut to this many bytes; the row names its full length. */
  static final int MAX_RAW_BYTES = 1 << 16;

  private static final CsvReader.CsvReaderBuilder CSV = CsvReader.builder()
      .allowExtraFields(true)
      .allowMissingFields(true);

  private final String dataset;
  private final String path;
  private final BlockBuilder block;
  private final Sink sink;
  private long rowsRead;
  private long rowsRejected;

  ChunkParser(String dataset, String path, BlockBuilder block, Sink sink) {
    this.dataset = dataset;
    this.path = path;
    this.block = block;
    this.sink = sink;
  }

  long rowsRead() {
    return rowsRead;
  }

  long rowsRejected() {
    return rowsRejected;
  }

  /** Parses {@code chunk}, whose records are whole. */
  void parse(RecordChunks.Chunk chunk) {
    Header header = block.header;
    byte[] buf = chunk.buf();
    int from = chunk.off();
    int end = chunk.off() + chunk.len();
    long firstLine = chunk.firstLine();
    RecordIndex index = null;
    while (from < end) {
      CsvRows rows = new CsvRows();
      rows.startData(block);
      long lastLine = 0;
      try (CsvReader<CsvRows> csv = CSV.build(rows, new ByteArrayInputStream(buf, from, end - from),
          StandardCharsets.UTF_8)) {
        Iterator<CsvRows> records = csv.iterator();
        while (records.hasNext()) {
          CsvRows record = records.next();
          lastLine = record.line();
          long line = firstLine + lastLine - 1;
          rowsRead++;
          String reason = header.error != null ? header.error
              : record.fields() != header.width
                  ? "has " + record.fields() + " fields, the header has " + header.width
                  : null;
          if (reason != null) {
            block.discardRow();
            index = index != null ? index : RecordIndex.of(chunk);
            reject(index, line, reason);
            continue;
          }
          block.commitRow(!block.keepsIds() ? null : header.idIndex >= 0 ? record.id() : path + ":" + line);
          if (block.full()) {
            sink.block(block.build());
          }
        }
        return;
      } catch (CsvParseException | UncheckedIOException e) {
        block.discardRow();
        index = index != null ? index : RecordIndex.of(chunk);
        int bad = index.firstNonBlankAfter(firstLine + lastLine - 1, from);
        if (bad < 0) {
          return;
        }
        rowsRead++;
        reject(index, index.line(bad), "unreadable CSV record: " + cause(e));
        from = index.end(bad);
        firstLine = index.line(bad + 1 < index.size() ? bad + 1 : bad);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * What went wrong, without FastCSV's own "record that started in line N": its lines count from
   * the chunk, not the file, and the row's line is stated anyway.
   */
  private static String cause(RuntimeException e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == e ? e.getClass().getSimpleName() : t.getMessage();
  }

  private void reject(RecordIndex index, long line, String reason) {
    rowsRejected++;
    int r = index.recordOnLine(line);
    sink.rejected(new RejectedRow(dataset, path, line, reason, r < 0 ? "" : index.text(r, MAX_RAW_BYTES)));
  }
}
