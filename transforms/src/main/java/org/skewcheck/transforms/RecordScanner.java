package org.skewcheck.transforms;

/**
 * Finds where CSV records end in raw UTF-8 bytes, with the same rules as the FastCSV parser that
 * reads them: a quote opens a quoted field only at the start of a field, {@code ""} inside one is
 * a literal quote, and a line break ends a record only outside quotes. A line break is LF, CRLF or
 * a lone CR, as for FastCSV, and line breaks inside quoted fields count as lines too, so a record's
 * line number is the one FastCSV reports. It is what lets a reader start at a byte offset in the
 * middle of a file without ever starting inside a quoted field that spans lines. Separators, quotes
 * and line breaks are ASCII, and no byte of a multi-byte UTF-8 character is ASCII, so bytes can be
 * scanned without decoding.
 *
 * <p>The scanner is a state machine fed byte ranges in order; the state carries from one call to
 * the next.
 */
final class RecordScanner {
  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3;

  private int state = FIELD_START;
  /** A CR was the last byte: a following LF belongs to the same line break. */
  private boolean afterCr;
  private long lineBreaks;

  /** A scanner at the start of a record. */
  RecordScanner() {}

  /** Line breaks seen so far, inside quoted fields or not; a record starts on line {@code lineBreaks() + 1}. */
  long lineBreaks() {
    return lineBreaks;
  }

  /**
   * Scans {@code buf[from, to)} and returns the index where the next record starts (just after the
   * line break that ends one), or -1 when there is none in the range.
   */
  int nextRecordStart(byte[] buf, int from, int to) {
    int s = state;
    int i = from;
    if (afterCr && i < to) {
      afterCr = false;
      if (buf[i] == '\n') {
        i++;
        if (s != QUOTED) {
          return i;
        }
      } else if (s != QUOTED) {
        // a lone CR ended the record; this byte starts the next
        return i;
      }
    }
    if (s == FIELD_START || s == UNQUOTED) {
      // Most records hold no quote and end in LF: run to it, and only look closer at a quote or a CR.
      int start = i;
      while (i < to && buf[i] != '\n' && buf[i] != '"' && buf[i] != '\r') {
        i++;
      }
      if (i < to && buf[i] == '\n') {
        lineBreaks++;
        state = FIELD_START;
        return i + 1;
      }
      if (i > start) {
        // where the skipped bytes leave the state: a quote opens a field only after a separator
        s = buf[i - 1] == ',' ? FIELD_START : UNQUOTED;
      }
    }
    for (; i < to; i++) {
      byte b = buf[i];
      if (s == QUOTED) {
        if (b == '"') {
          s = QUOTE_IN_QUOTED;
        } else if (b == '\r') {
          lineBreaks++;
          if (i + 1 == to) {
            afterCr = true;
          } else if (buf[i + 1] == '\n') {
            i++;
          }
        } else if (b == '\n') {
          lineBreaks++;
        }
        continue;
      }
      if (s == QUOTE_IN_QUOTED && b == '"') {
        s = QUOTED;
        continue;
      }
      if (b == '\n') {
        lineBreaks++;
        state = FIELD_START;
        return i + 1;
      }
      if (b == '\r') {
        lineBreaks++;
        state = FIELD_START;
        if (i + 1 == to) {
          afterCr = true;
          return -1;
        }
        return buf[i + 1] == '\n' ? i + 2 : i + 1;
      }
      if (b == ',') {
        s = FIELD_START;
      } else if (b == '"' && s == FIELD_START) {
        s = QUOTED;
      } else {
        // a closing quote followed by more characters reads on as an unquoted field
        s = UNQUOTED;
      }
    }
    state = s;
    return -1;
  }
}
