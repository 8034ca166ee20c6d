package org.skewcheck.transforms;

/**
 * Finds where CSV records end in raw UTF-8 bytes, with the same quoting rules as the FastCSV parser
 * that reads them: a quote opens a quoted field only at the start of a field, {@code ""} inside one
 * is a literal quote, and a line feed ends a record only outside quotes. It is what lets a reader
 * start at a byte offset in the middle of a file without ever starting inside a quoted field that
 * spans lines. Separators and quotes are ASCII, and no byte of a multi-byte UTF-8 character is
 * ASCII, so bytes can be scanned without decoding.
 *
 * <p>The scanner is a state machine fed byte ranges in order; it also counts line feeds, so a
 * record's physical line number (what FastCSV reports) is known without parsing.
 */
final class RecordScanner {
  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3;

  private int state = FIELD_START;
  private long lineFeeds;

  /** A scanner at the start of a record. */
  RecordScanner() {}

  /** Line feeds seen so far, inside quoted fields or not. */
  long lineFeeds() {
    return lineFeeds;
  }

  /**
   * Scans {@code buf[from, to)} and returns the index just after the first line feed that ends a
   * record, or -1 when there is none in the range (the state carries over to the next call).
   */
  int nextRecordStart(byte[] buf, int from, int to) {
    int s = state;
    int i = from;
    if (s == FIELD_START || s == UNQUOTED) {
      // Most records hold no quote: run to the line feed, and only look closer at a quote.
      while (i < to && buf[i] != '\n' && buf[i] != '"') {
        i++;
      }
      if (i < to && buf[i] == '\n') {
        lineFeeds++;
        state = FIELD_START;
        return i + 1;
      }
      if (i > from) {
        // where the skipped bytes leave the state: a quote opens a field only after a separator or CR
        s = buf[i - 1] == ',' || buf[i - 1] == '\r' ? FIELD_START : UNQUOTED;
      }
    }
    for (; i < to; i++) {
      byte b = buf[i];
      switch (s) {
        case QUOTED:
          if (b == '"') {
            s = QUOTE_IN_QUOTED;
          } else if (b == '\n') {
            lineFeeds++;
          }
          break;
        case QUOTE_IN_QUOTED:
          if (b == '"') {
            s = QUOTED;
            break;
          }
          // a closing quote: what follows behaves as in an unquoted field
          s = UNQUOTED;
          // fall through
        case UNQUOTED:
        case FIELD_START:
          if (b == '\n') {
            lineFeeds++;
            state = FIELD_START;
            return i + 1;
          } else if (b == ',' || b == '\r') {
            s = FIELD_START;
          } else if (b == '"' && s == FIELD_START) {
            s = QUOTED;
          } else {
            s = UNQUOTED;
          }
          break;
        default:
          throw new IllegalStateException("state " + s);
      }
    }
    state = s;
    return -1;
  }
}
