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
import org.skewcheck.validation.config.DateColumn;
import org.skewcheck.validation.config.PrefixRules;

/**
 * What every reader DoFn of a dataset needs: plain serializable values, and the steps they share
 * (reading a header chunk, starting a block, counting).
 *
 * @param blocks whether row blocks (with their row ids) are output, for scoring; profiles always are
 * @param uniqueKey the columns whose repeated values are counted as duplicate keys; may be empty
 * @param hashRunDir the folder the readers write their sorted runs of row hashes in; null for no hashes
 */
record ReadSettings(String dataset, String idColumn, boolean blocks, List<String> uniqueKey, int blockCells,
    int chunkBytes, int rangeChunks, List<DateColumn> dateColumns, PrefixRules prefixRules, String hashRunDir)
    implements Serializable {
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
    uniqueKey = List.copyOf(uniqueKey);
  }

  ReadSettings withIdColumn(String column) {
    return new ReadSettings(dataset, column, blocks, uniqueKey, blockCells, chunkBytes, rangeChunks, dateColumns,
        prefixRules, hashRunDir);
  }

  ReadSettings withBlocks(boolean rows) {
    return new ReadSettings(dataset, idColumn, rows, uniqueKey, blockCells, chunkBytes, rangeChunks, dateColumns,
        prefixRules, hashRunDir);
  }

  ReadSettings withUniqueKey(List<String> columns) {
    return new ReadSettings(dataset, idColumn, blocks, columns, blockCells, chunkBytes, rangeChunks, dateColumns,
        prefixRules, hashRunDir);
  }

  ReadSettings withBlockCells(int cells) {
    return new ReadSettings(dataset, idColumn, blocks, uniqueKey, cells, chunkBytes, rangeChunks, dateColumns,
        prefixRules, hashRunDir);
  }

  ReadSettings withChunks(int bytes, int chunksPerRange) {
    return new ReadSettings(dataset, idColumn, blocks, uniqueKey, blockCells, bytes, chunksPerRange, dateColumns,
        prefixRules, hashRunDir);
  }

  ReadSettings withDateColumns(List<DateColumn> dates) {
    return new ReadSettings(dataset, idColumn, blocks, uniqueKey, blockCells, chunkBytes, rangeChunks, dates,
        prefixRules, hashRunDir);
  }

  ReadSettings withPrefixRules(PrefixRules rules) {
    return new ReadSettings(dataset, idColumn, blocks, uniqueKey, blockCells, chunkBytes, rangeChunks, dateColumns,
        rules, hashRunDir);
  }

  ReadSettings withHashRunDir(String dir) {
    return new ReadSettings(dataset, idColumn, blocks, uniqueKey, blockCells, chunkBytes, rangeChunks, dateColumns,
        prefixRules, dir);
  }

  /** A file is split into ranges when it is uncompressed and larger than this. */
  long splitBytes() {
    return 2L * chunkBytes * rangeChunks;
  }

  /** The header of a file from its header record, or why it cannot be used. */
  Header header(List<String> fields, String error) {
    return error != null ? Header.unusable(error) : Header.parse(fields, idColumn, dateColumns, prefixRules);
  }

  BlockBuilder newBlock(Header header) {
    return new BlockBuilder(dataset, header, Math.max(1, blockCells / Math.max(1, header.columns.length)), blocks);
  }

  /** A header record as read: its fields, or (with no fields) why FastCSV could not read it. */
  record HeaderText(List<String> fields, String error) {}

  /** The fields of a header chunk, or why FastCSV cannot read it. */
  static HeaderText readHeader(RecordChunks.Chunk chunk) {
    CsvRows rows = new CsvRows();
    try (CsvReader<CsvRows> csv = CsvReader.builder().build(rows,
        new ByteArrayInputStream(chunk.buf(), chunk.off(), chunk.len()), StandardCharsets.UTF_8)) {
      Iterator<CsvRows> it = csv.iterator();
      return new HeaderText(it.hasNext() ? List.copyOf(it.next().header()) : List.of(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      return new HeaderText(List.of(), "header (line " + chunk.firstLine() + ") cannot be read: " + e.getMessage());
    }
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
