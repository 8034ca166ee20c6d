package org.skewcheck.transforms;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.SerializableBiFunction;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.skewcheck.validation.config.DateColumn;
import org.skewcheck.validation.config.DateFormat;
import org.skewcheck.validation.config.PrefixRules;
import org.skewcheck.validation.stats.PrefixStats;

/**
 * Reads and profiles one dataset's CSV files: {@link #PROFILES} (partial statistics per prefix),
 * {@link #HASHES} (for duplicate counting), optionally the rows as {@link RowBlock}s, and dead letters.
 *
 * <p>Every file has its own header; columns are matched by name downstream, so files may differ in
 * their columns. An unnamed first header cell (or the configured id column) is the row id. A row
 * whose field count differs from its header's, any row of a file whose header is unusable
 * (duplicate or empty names), and a record the parser refuses go to {@link #REJECTED} with file,
 * line, reason and original text; {@link #FILES} gets one {@link FileSummary} per file, so rows
 * read always equal rows profiled plus rejected.
 *
 * <p>Reading is split the way TextIO splits: a big uncompressed file is cut, in one pass that
 * looks at bytes only ({@link FindChunksFn}), into chunks of about {@link #CHUNK_BYTES} that end
 * where records end, quoted line breaks respected; ranges of chunks are spread over the workers and
 * read by a splittable DoFn ({@link ReadRangesFn}), so a runner can checkpoint or rebalance
 * between chunks and no worker holds a whole file. Small files are grouped into batches of about
 * {@link #BATCH_BYTES}, and compressed files, which cannot be split, are read whole, streaming
 * ({@link ReadWholeFilesFn}). Either way a row's line is the one it starts on in its file.
 *
 * <pre>{@code
 * PCollectionTuple train = p.apply("ReadTrain", ReadDataset.from("train", DatasetFiles.resolve(spec))
 *     .withPrefixRules(rules).withBlocks(false));
 * train.get(ReadDataset.PROFILES).apply(CombinePrefixStats.perKey());
 * }</pre>
 */
public final class ReadDataset extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<RowBlock> BLOCKS = new TupleTag<>() {};
  public static final TupleTag<RejectedRow> REJECTED = new TupleTag<>() {};
  public static final TupleTag<FileSummary> FILES = new TupleTag<>() {};
  /** Partial statistics per (dataset, prefix): combine them with {@link CombinePrefixStats}. */
  public static final TupleTag<KV<PrefixKey, PrefixStats>> PROFILES = new TupleTag<>() {};
  /** Duplicate-counting row hashes per ((dataset, kind), shard): count them with {@link CountDuplicates}. */
  public static final TupleTag<HashRun> HASHES = new TupleTag<>() {};
  static final TupleTag<FileRange> RANGES = new TupleTag<>() {};
  private static final TupleTagList READER_OUTPUTS = TupleTagList.of(HASHES).and(BLOCKS).and(REJECTED).and(FILES);

  /** Files read whole are grouped into batches of about this many bytes (a larger file is a batch alone). */
  static final long BATCH_BYTES = 32L << 20;
  /** A split file is cut into chunks of about this many bytes, read and claimed one at a time. */
  static final int CHUNK_BYTES = 8 << 20;
  /** Chunks a range of a split file starts with, before a runner splits it further. */
  static final int RANGE_CHUNKS = 2;
  private static final int BATCH_FILES = 2_000;
  private static final int DEFAULT_BLOCK_CELLS = 1 << 20;

  private final List<DatasetFiles.File> files;
  private final ReadSettings settings;

  private ReadDataset(List<DatasetFiles.File> files, ReadSettings settings) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException(settings.dataset() + ": no files to read");
    }
    this.files = List.copyOf(files);
    this.settings = settings;
  }

  /** Reads {@code files} (see {@link DatasetFiles#resolve}) as dataset {@code dataset}. */
  public static ReadDataset from(String dataset, List<DatasetFiles.File> files) {
    return new ReadDataset(files, new ReadSettings(dataset, null, true, List.of(), DEFAULT_BLOCK_CELLS, CHUNK_BYTES,
        RANGE_CHUNKS, List.of(), PrefixRules.defaults(), null));
  }

  /** Also treats a column of this name as the row id (an unnamed first column always is). */
  public ReadDataset withIdColumn(String name) {
    return new ReadDataset(files, settings.withIdColumn(name));
  }

  /**
   * Also reads the columns that {@code dates} select (by name, by prefix under the prefix rules, or
   * by regex) as dates, into epoch days or seconds ({@link DateFormat}); a cell that does not match
   * its format is text.
   */
  public ReadDataset withDateColumns(List<DateColumn> dates) {
    return new ReadDataset(files, settings.withDateColumns(dates));
  }

  /**
   * Whether {@link #BLOCKS} gets the rows, with their ids (the id column's value, or {@code
   * file:line}); the default. Only scoring needs rows: without them, rows leave the reader only as
   * {@link #PROFILES} and, with {@link #withHashRunsIn}, {@link #HASHES}: a profile and a file name
   * per chunk.
   */
  public ReadDataset withBlocks(boolean rows) {
    return new ReadDataset(files, settings.withBlocks(rows));
  }

  /**
   * Hashes every row (and its key, with {@link #withUniqueKey}), for {@link CountDuplicates}: each
   * reader writes the hashes of each chunk it reads (8 MB of CSV, or a batch of small files) as one
   * sorted {@link HashRunFile run} in {@code dir}, a folder every worker sees, and outputs only the
   * run's name on {@link #HASHES}. So the hashes never travel or queue as elements: a runner that
   * queues a fast reader's output (the DirectRunner has no backpressure) queues names. Without a
   * folder, rows are not hashed and {@link #HASHES} is empty.
   */
  public ReadDataset withHashRunsIn(String dir) {
    if (dir == null || dir.isBlank()) {
      throw new IllegalArgumentException("a folder for the sorted hash runs is required");
    }
    return new ReadDataset(files, settings.withHashRunDir(dir));
  }

  /** Also hashes the values of these columns, to count rows that repeat an earlier row's key. */
  public ReadDataset withUniqueKey(List<String> columns) {
    return new ReadDataset(files, settings.withUniqueKey(columns));
  }

  /** Groups columns into prefixes with these rules (for the profiles, and for date columns chosen by prefix). */
  public ReadDataset withPrefixRules(PrefixRules rules) {
    return new ReadDataset(files, settings.withPrefixRules(rules));
  }

  /**
   * Caps a block at about this many cells (rows × columns; at least one row a block). The default,
   * 2²⁰, gives a few hundred rows a block at 4,000 columns.
   */
  public ReadDataset withBlockCells(int cells) {
    return new ReadDataset(files, settings.withBlockCells(cells));
  }

  /**
   * Cuts split files into chunks of about {@code chunkBytes}, {@code rangeChunks} to a range; files
   * over {@code 2 × chunkBytes × rangeChunks} bytes are split. Tests use tiny chunks to split tiny files.
   */
  ReadDataset withChunks(int chunkBytes, int rangeChunks) {
    return new ReadDataset(files, settings.withChunks(chunkBytes, rangeChunks));
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    List<String> split = new ArrayList<>();
    List<DatasetFiles.File> whole = new ArrayList<>();
    for (DatasetFiles.File f : files) {
      if (Compression.detect(f.path()) == Compression.UNCOMPRESSED && f.sizeBytes() > settings.splitBytes()) {
        split.add(f.path());
      } else {
        whole.add(f);
      }
    }
    List<PCollectionTuple> parts = new ArrayList<>();
    if (!split.isEmpty()) {
      PCollectionTuple chunks = begin
          .apply("SplitFiles", Create.of(split).withCoder(StringUtf8Coder.of()))
          .apply("FindChunks", ParDo.of(new FindChunksFn(settings)).withOutputTags(RANGES, TupleTagList.of(FILES)));
      chunks.get(RANGES).setCoder(FileRange.Coder.of());
      chunks.get(FILES).setCoder(FileSummary.Coder.of());
      PCollectionTuple ranges = chunks.get(RANGES)
          .apply("SpreadRanges", Reshuffle.viaRandomKey())
          .apply("ReadRanges", ParDo.of(new ReadRangesFn(settings))
              .withOutputTags(PROFILES, READER_OUTPUTS));
      parts.add(PCollectionTuple.of(FILES, chunks.get(FILES)));
      parts.add(ranges);
    }
    if (!whole.isEmpty()) {
      parts.add(begin
          .apply("BatchFiles", Create.of(batches(whole)).withCoder(ListCoder.of(StringUtf8Coder.of())))
          .apply("ReadWholeFiles", ParDo.of(new ReadWholeFilesFn(settings))
              .withOutputTags(PROFILES, READER_OUTPUTS)));
    }
    PCollection<KV<PrefixKey, PrefixStats>> profiles = flatten(begin, "Profiles", parts, PROFILES,
        KvCoder.of(PrefixKey.Coder.of(), PrefixStatsCoder.of()));
    PCollection<HashRun> hashes = flatten(begin, "Hashes", parts, HASHES, HashRun.Coder.of());
    PCollection<RowBlock> blocks = flatten(begin, "Blocks", parts, BLOCKS, RowBlockCoder.of());
    PCollection<RejectedRow> rejected = flatten(begin, "Rejected", parts, REJECTED, RejectedRow.Coder.of());
    PCollection<FileSummary> fileParts = flatten(begin, "FileParts", parts, FILES, FileSummary.Coder.of());
    PCollection<FileSummary> summaries = fileParts
        .apply("KeyByFile", WithKeys.of((FileSummary f) -> f.file()).withKeyType(TypeDescriptors.strings()))
        .apply("SumPerFile", Combine.perKey((SerializableBiFunction<FileSummary, FileSummary, FileSummary>) FileSummary::plus))
        .apply("Summaries", Values.create());
    summaries.setCoder(FileSummary.Coder.of());
    return PCollectionTuple.of(PROFILES, profiles).and(HASHES, hashes).and(BLOCKS, blocks).and(REJECTED, rejected)
        .and(FILES, summaries);
  }

  private static <T> PCollection<T> flatten(PBegin begin, String name, List<PCollectionTuple> parts, TupleTag<T> tag,
      org.apache.beam.sdk.coders.Coder<T> coder) {
    PCollectionList<T> list = PCollectionList.empty(begin.getPipeline());
    for (PCollectionTuple part : parts) {
      if (part.has(tag)) {
        PCollection<T> c = part.get(tag);
        c.setCoder(coder);
        list = list.and(c);
      }
    }
    return list.apply("All" + name, Flatten.<T>pCollections()).setCoder(coder);
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("dataset", settings.dataset()))
        .add(DisplayData.item("files", files.size()))
        .add(DisplayData.item("chunkBytes", settings.chunkBytes()))
        .add(DisplayData.item("rangeChunks", settings.rangeChunks()))
        .add(DisplayData.item("splitFilesOver", settings.splitBytes()).withLabel("split files over (bytes)"))
        .add(DisplayData.item("batchBytes", BATCH_BYTES).withLabel("whole-file batch (bytes)"))
        .add(DisplayData.item("blockCells", settings.blockCells()))
        .add(DisplayData.item("rowsOutput", settings.blocks()).withLabel("rows output for scoring"))
        .add(DisplayData.item("prefixRules", settings.prefixRules().rules().size()))
        .add(DisplayData.item("dateColumns", settings.dateColumns().size()))
        .addIfNotNull(DisplayData.item("idColumn", settings.idColumn()))
        .addIfNotNull(DisplayData.item("hashRunDir", settings.hashRunDir()).withLabel("sorted hash runs written in"))
        .addIfNotDefault(DisplayData.item("uniqueKey", String.join(",", settings.uniqueKey())), "");
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
}
