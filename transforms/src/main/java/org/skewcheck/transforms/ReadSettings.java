package org.skewcheck.transforms;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;
import org.skewcheck.validation.config.DateColumn;
import org.skewcheck.validation.config.PrefixRules;

/**
 * What every reader DoFn of a dataset needs: plain serializable values, and the steps they share
 * (reading a header chunk, starting a block, sending output, counting).
 */
record ReadSettings(String dataset, String idColumn, boolean rowIds, int blockCells, int chunkBytes,
    int rangeChunks, List<DateColumn> dateColumns, PrefixRules prefixRules) implements Serializable {
  private static final Counter BYTES_READ = Metrics.counter(ReadDataset.class, "bytesRead");
  private static final Counter ROWS_READ = Metrics.counter(ReadDataset.class, "rowsRead");
  private static final Counter ROWS_REJECTED = Metrics.counter(ReadDataset.class, "rowsRejected");
  private static final Counter FILES_READ = Metrics.counter(ReadDataset.class, "filesRead");

  ReadSettings {
    if (blockCells < 1 || chunkBytes < 1 || rangeChunks < 1) {
      throw new IllegalArgumentException("blockCells, chunkBytes and rangeChunks must be positive, got "
          + blockCells + ", " + chunkBytes + ", " + rangeChunks);
    }
    dateColumns = List.copyOf(dateColumns);
  }

  /** A file is split into ranges when it is uncompressed and larger than this. */
  long splitBytes() {
    return 2L * chunkBytes * rangeChunks;
  }

  /** The header of a file from its first non-blank record, or why it cannot be used. */
  Header header(List<String> fields, String error) {
    return error != null ? Header.unusable(error) : Header.parse(fields, idColumn, dateColumns, prefixRules);
  }

  BlockBuilder newBlock(Header header) {
    return new BlockBuilder(dataset, header, Math.max(1, blockCells / Math.max(1, header.columns.length)), rowIds);
  }

  /** The fields of a header chunk, or throws {@link CsvParseException} when FastCSV cannot read it. */
  static List<String> headerFields(RecordChunks.Chunk chunk) {
    CsvRows rows = new CsvRows();
    try (CsvReader<CsvRows> csv = CsvReader.builder().build(rows,
        new ByteArrayInputStream(chunk.buf(), chunk.off(), chunk.len()), StandardCharsets.UTF_8)) {
      Iterator<CsvRows> it = csv.iterator();
      return it.hasNext() ? List.copyOf(it.next().header()) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Why a header chunk is unusable before its names are even looked at, or null. */
  static String headerReadError(RecordChunks.Chunk chunk, RuntimeException e) {
    return "header (line " + chunk.firstLine() + ") cannot be read: " + e.getMessage();
  }

  /** A sink that sends a reader's blocks and dead letters to the DoFn's outputs. */
  static ChunkParser.Sink sink(DoFn.MultiOutputReceiver out, TupleTag<RowBlock> blocks, TupleTag<RejectedRow> rejected) {
    return new ChunkParser.Sink() {
      @Override
      public void block(RowBlock block) {
        out.get(blocks).output(block);
      }

      @Override
      public void rejected(RejectedRow row) {
        out.get(rejected).output(row);
      }
    };
  }

  /** Counts what one DoFn call read: once per call, not per row. */
  static void count(long bytes, long rows, long rejected, long files) {
    BYTES_READ.inc(bytes);
    ROWS_READ.inc(rows);
    ROWS_REJECTED.inc(rejected);
    if (files > 0) {
      FILES_READ.inc(files);
    }
  }
}
