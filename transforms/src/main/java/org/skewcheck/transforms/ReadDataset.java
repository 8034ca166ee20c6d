package org.skewcheck.transforms;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.skewcheck.validation.config.DateColumn;
import org.skewcheck.validation.config.DateFormat;
import org.skewcheck.validation.config.PrefixRules;

/**
 * Reads one dataset's CSV files into {@link RowBlock}s, with dead letters.
 *
 * <p>Every file has its own header; columns are matched by name downstream, so files may differ in
 * their columns. An unnamed first header cell (or the configured id column) is the row id. A row
 * whose field count differs from its header's, or any row of a file whose header is unusable
 * (duplicate or empty names), goes to {@link #REJECTED} with file, line and reason; {@link #FILES}
 * gets one {@link FileSummary} per file, so rows read always equal rows profiled plus rejected.
 * {@code .gz} files are decompressed transparently.
 *
 * <p>Files are read in batches of about {@link #BATCH_BYTES} (decided while the pipeline is built,
 * so any runner splits the same way), and rows of files that share a header share blocks: a folder
 * of a thousand one-row files becomes a few blocks, not a thousand.
 *
 * <pre>{@code
 * PCollectionTuple train = p.apply("ReadTrain", ReadDataset.from("train", DatasetFiles.resolve(spec)));
 * train.get(ReadDataset.BLOCKS);
 * }</pre>
 */
public final class ReadDataset extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<RowBlock> BLOCKS = new TupleTag<>() {};
  public static final TupleTag<RejectedRow> REJECTED = new TupleTag<>() {};
  public static final TupleTag<FileSummary> FILES = new TupleTag<>() {};

  /** Files are grouped into batches of about this many bytes (a larger file is a batch alone). */
  static final long BATCH_BYTES = 32L << 20;
  private static final int BATCH_FILES = 2_000;
  private static final int DEFAULT_BLOCK_CELLS = 1 << 20;

  private final String dataset;
  private final List<DatasetFiles.File> files;
  private final String idColumn;
  private final int blockCells;
  private final List<DateColumn> dateColumns;
  private final PrefixRules prefixRules;

  private ReadDataset(String dataset, List<DatasetFiles.File> files, String idColumn, int blockCells,
      List<DateColumn> dateColumns, PrefixRules prefixRules) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException(dataset + ": no files to read");
    }
    if (blockCells < 1) {
      throw new IllegalArgumentException("blockCells must be positive, got " + blockCells);
    }
    this.dataset = dataset;
    this.files = List.copyOf(files);
    this.idColumn = idColumn;
    this.blockCells = blockCells;
    this.dateColumns = List.copyOf(dateColumns);
    this.prefixRules = prefixRules;
  }

  /** Reads {@code files} (see {@link DatasetFiles#resolve}) as dataset {@code dataset}. */
  public static ReadDataset from(String dataset, List<DatasetFiles.File> files) {
    return new ReadDataset(dataset, files, null, DEFAULT_BLOCK_CELLS, List.of(), PrefixRules.defaults());
  }

  /** Also treats a column of this name as the row id (an unnamed first column always is). */
  public ReadDataset withIdColumn(String name) {
    return new ReadDataset(dataset, files, name, blockCells, dateColumns, prefixRules);
  }

  /**
   * Also reads the columns that {@code dates} select (by name, by prefix under {@code rules}, or by
   * regex) as dates, into epoch days or seconds ({@link DateFormat}); a cell that does not match its
   * format is text.
   */
  public ReadDataset withDateColumns(List<DateColumn> dates, PrefixRules rules) {
    return new ReadDataset(dataset, files, idColumn, blockCells, dates, rules);
  }

  /**
   * Caps a block at about this many cells (rows × columns; at least one row a block). The default,
   * 2²⁰, gives a few hundred rows a block at 4,000 columns.
   */
  public ReadDataset withBlockCells(int cells) {
    return new ReadDataset(dataset, files, idColumn, cells, dateColumns, prefixRules);
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    PCollectionTuple out = begin
        .apply("BatchFiles", Create.of(batches(files)).withCoder(ListCoder.of(StringUtf8Coder.of())))
        .apply("ParseCsv", ParDo.of(new ParseCsvFn(dataset, idColumn, blockCells, dateColumns, prefixRules))
            .withOutputTags(BLOCKS, TupleTagList.of(REJECTED).and(FILES)));
    out.get(BLOCKS).setCoder(RowBlockCoder.of());
    out.get(REJECTED).setCoder(RejectedRow.Coder.of());
    out.get(FILES).setCoder(FileSummary.Coder.of());
    return out;
  }

  /** Consecutive files grouped up to {@link #BATCH_BYTES} or {@link #BATCH_FILES}. */
  static List<List<String>> batches(List<DatasetFiles.File> files) {
    List<List<String>> batches = new ArrayList<>();
    List<String> current = new ArrayList<>();
    long bytes = 0;
    for (DatasetFiles.File f : files) {
      if (!current.isEmpty() && (bytes + f.sizeBytes() > BATCH_BYTES || current.size() == BATCH_FILES)) {
        batches.add(current);
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(f.path());
      bytes += f.sizeBytes();
    }
    batches.add(current);
    return batches;
  }

  /** Parses a batch of whole files; rows of files with the same header go to the same blocks. */
  static final class ParseCsvFn extends DoFn<List<String>, RowBlock> {
    private final String dataset;
    private final String idColumn;
    private final int blockCells;
    private final List<DateColumn> dateColumns;
    private final PrefixRules prefixRules;
    private final Counter rowsRead = Metrics.counter(ReadDataset.class, "rowsRead");
    private final Counter rowsRejected = Metrics.counter(ReadDataset.class, "rowsRejected");
    private final Counter filesRead = Metrics.counter(ReadDataset.class, "filesRead");

    ParseCsvFn(String dataset, String idColumn, int blockCells, List<DateColumn> dateColumns,
        PrefixRules prefixRules) {
      this.dataset = dataset;
      this.idColumn = idColumn;
      this.blockCells = blockCells;
      this.dateColumns = dateColumns;
      this.prefixRules = prefixRules;
    }

    @ProcessElement
    public void process(@Element List<String> batch, MultiOutputReceiver out) throws IOException {
      Map<List<String>, BlockBuilder> builders = new HashMap<>();
      for (String path : batch) {
        readFile(path, builders, out);
      }
      for (BlockBuilder block : builders.values()) {
        if (block.rows() > 0) {
          out.get(BLOCKS).output(block.build());
        }
      }
    }

    private void readFile(String path, Map<List<String>, BlockBuilder> builders, MultiOutputReceiver out)
        throws IOException {
      long read = 0;
      long rejected = 0;
      Map<Long, String> rejections = new TreeMap<>();
      CsvRows rows = new CsvRows();
      try (InputStream in = DatasetFiles.open(path);
          CsvReader<CsvRows> csv = CsvReader.builder()
              .allowExtraFields(true)
              .allowMissingFields(true)
              .detectBomHeader(true)
              .build(rows, in, StandardCharsets.UTF_8)) {
        Iterator<CsvRows> records = csv.iterator();
        if (records.hasNext()) {
          List<String> headerFields = records.next().header();
          BlockBuilder block = builders.computeIfAbsent(headerFields, h -> {
            Header header = Header.parse(h, idColumn, dateColumns, prefixRules);
            return new BlockBuilder(dataset, header, Math.max(1, blockCells / Math.max(1, header.columns.length)));
          });
          rows.startData(block);
          Header header = block.header;
          long line = 1;
          try {
            while (records.hasNext()) {
              CsvRows record = records.next();
              line = record.line();
              read++;
              String reason = header.error != null ? header.error
                  : record.fields() != header.width
                      ? "has " + record.fields() + " fields, the header has " + header.width
                      : null;
              if (reason != null) {
                rejected++;
                block.discardRow();
                rejections.put(line, reason);
                continue;
              }
              block.commitRow(header.idIndex >= 0 ? record.id() : path + ":" + line);
              if (block.full()) {
                out.get(BLOCKS).output(block.build());
              }
            }
          } catch (CsvParseException | UncheckedIOException e) {
            read++;
            rejected++;
            block.discardRow();
            out.get(REJECTED).output(new RejectedRow(dataset, path, line + 1,
                "unreadable CSV after this line, rest of file skipped: " + e.getMessage(), ""));
          }
        }
      }
      if (!rejections.isEmpty()) {
        for (RejectedRow row : rejectedRows(path, rejections)) {
          out.get(REJECTED).output(row);
        }
      }
      rowsRead.inc(read);
      rowsRejected.inc(rejected);
      filesRead.inc();
      out.get(FILES).output(new FileSummary(dataset, path, read, read - rejected, rejected));
    }

    /**
     * The rejected rows of one file with their text, re-encoded as CSV and read again from the file:
     * rows are rejected rarely, so their fields are not copied while the file is parsed.
     */
    private List<RejectedRow> rejectedRows(String path, Map<Long, String> reasons) throws IOException {
      List<RejectedRow> rows = new ArrayList<>(reasons.size());
      try (InputStream in = DatasetFiles.open(path);
          CsvReader<CsvRecord> csv = CsvReader.builder()
              .allowExtraFields(true)
              .allowMissingFields(true)
              .detectBomHeader(true)
              .ofCsvRecord(in, StandardCharsets.UTF_8)) {
        for (CsvRecord record : csv) {
          String reason = reasons.get(record.getStartingLineNumber());
          if (reason != null) {
            rows.add(new RejectedRow(dataset, path, record.getStartingLineNumber(), reason, toCsvLine(record.getFields())));
          }
        }
      }
      return rows;
    }

    private static String toCsvLine(List<String> fields) {
      List<String> out = new ArrayList<>(fields.size());
      for (String f : fields) {
        boolean quote = f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0;
        out.add(quote ? '"' + f.replace("\"", "\"\"") + '"' : f);
      }
      return String.join(",", out);
    }
  }

  /** A file's header: which field is the id, the other columns' names, or why it is unusable. */
  static final class Header {
    final int width;
    final int idIndex;
    final String[] columns;
    /** For each field position, its column index, or -1 for the id field. */
    final int[] columnOfField;
    /** For each column, the date format it is read with, or null. */
    final DateFormat[] dateFormats;
    final String error;

    private Header(int width, int idIndex, String[] columns, int[] columnOfField, DateFormat[] dateFormats,
        String error) {
      this.width = width;
      this.idIndex = idIndex;
      this.columns = columns;
      this.columnOfField = columnOfField;
      this.dateFormats = dateFormats;
      this.error = error;
    }

    static Header parse(List<String> fields, String idColumn, List<DateColumn> dateColumns, PrefixRules rules) {
      int idIndex = -1;
      if (!fields.isEmpty() && fields.get(0).isBlank()) {
        idIndex = 0;
      } else if (idColumn != null) {
        idIndex = fields.indexOf(idColumn);
      }
      List<String> names = new ArrayList<>();
      int[] columnOfField = new int[fields.size()];
      Set<String> seen = new HashSet<>();
      String error = null;
      for (int i = 0; i < fields.size(); i++) {
        if (i == idIndex) {
          columnOfField[i] = -1;
          continue;
        }
        String name = fields.get(i).strip();
        if (name.isEmpty() && error == null) {
          error = "header (line 1): column " + (i + 1) + " has no name";
        } else if (!seen.add(name) && error == null) {
          error = "header (line 1): column '" + name + "' appears twice";
        }
        columnOfField[i] = names.size();
        names.add(name);
      }
      DateFormat[] dateFormats = new DateFormat[names.size()];
      for (int c = 0; c < names.size(); c++) {
        String format = DateColumn.formatOf(dateColumns, rules, names.get(c));
        dateFormats[c] = format == null ? null : DateFormat.of(format);
      }
      return new Header(fields.size(), idIndex, names.toArray(String[]::new), columnOfField, dateFormats, error);
    }
  }

  /** Fills one column-major block; cells are parsed straight into place. */
  static final class BlockBuilder {
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
}
