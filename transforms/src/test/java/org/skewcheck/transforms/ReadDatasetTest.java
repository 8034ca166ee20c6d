package org.skewcheck.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.skewcheck.validation.config.DateColumn;
import org.skewcheck.validation.config.PrefixRules;
import org.skewcheck.validation.config.SkewConfig;

/**
 * Reads a folder of real CSV files (generated here) and checks every profiled cell, every dead
 * letter and every file summary.
 */
public class ReadDatasetTest {
  private static final String[] WIDE_COLUMNS = {"WI_a", "WI_b", "IQ_x", "_Dy_2014", "target"};
  private static final int WIDE_ROWS = 25;

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  /** What a profiled row must hold: per column a Double (NaN when missing) or a String (text). */
  private final HashMap<String, HashMap<String, Serializable>> expectedRows = new HashMap<>();

  @Before
  public void setUpFileSystems() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
  }

  // ---------------------------------------------------------------- the folder

  /** Writes the folder of the dataset test and records what its profiled rows must hold. */
  private File writeTrainFolder() throws IOException {
    File dir = tmp.newFolder("train data");
    writeWideFile(new File(dir, "wide.csv"));
    write(new File(dir, "post #1 @acct.csv"), ",target,IQ_x,WI_a\np1,1,0.25,NA\n");
    expect("p1", "target", 1.0, "IQ_x", 0.25, "WI_a", Double.NaN);
    write(new File(dir, "post #2 @acct.csv"), ",target,IQ_x,WI_a\r\np2,0,hello,3\r\n");
    expect("p2", "target", 0.0, "IQ_x", "hello", "WI_a", 3.0);
    write(new File(dir, "reply #3 @other.csv"), ",target,IQ_x,WI_a\np3,,7,-1");
    expect("p3", "target", Double.NaN, "IQ_x", 7.0, "WI_a", -1.0);

    File gz = new File(dir, "older.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz.toPath()))) {
      out.write("WI_b,WI_a,target\n1,2,0\n,5,1\n\"two\nlines\",0,0\n3.5,NULL,1\n4,4,0\n9,9,9\n"
          .getBytes(StandardCharsets.UTF_8));
    }
    // no id column: the id is file:line, the line a record starts on
    String gzPath = gz.getPath();
    expect(gzPath + ":2", "WI_b", 1.0, "WI_a", 2.0, "target", 0.0);
    expect(gzPath + ":3", "WI_b", Double.NaN, "WI_a", 5.0, "target", 1.0);
    expect(gzPath + ":4", "WI_b", "two\nlines", "WI_a", 0.0, "target", 0.0);
    expect(gzPath + ":6", "WI_b", 3.5, "WI_a", Double.NaN, "target", 1.0);
    expect(gzPath + ":7", "WI_b", 4.0, "WI_a", 4.0, "target", 0.0);
    expect(gzPath + ":8", "WI_b", 9.0, "WI_a", 9.0, "target", 9.0);

    write(new File(dir, "bad rows.csv"), ",WI_a,target\nb1,1,0\nb2,1,0,9\nb3,\"x\ny\",1\nb4,5\nb5,3,0\n");
    expect("b1", "WI_a", 1.0, "target", 0.0);
    expect("b3", "WI_a", "x\ny", "target", 1.0);
    expect("b5", "WI_a", 3.0, "target", 0.0);

    write(new File(dir, "dup header.csv"), ",WI_a,IQ_x,WI_a\nd1,1,2,3\nd2,4,5,6\n");
    write(new File(dir, "empty.csv"), "");
    // not part of the dataset
    write(new File(dir, "notes.txt"), "a,b\n1,2\n");
    write(new File(dir, "old.csv.bak"), "a,b\n1,2\n");
    File sub = new File(dir, "sub");
    sub.mkdir();
    write(new File(sub, "inner.csv"), "a,b\n1,2\n");
    new File(dir, "folder.csv").mkdir();
    return dir;
  }

  /** 25 rows, an id column, numbers, zeros, every missing marker and text, generated with a fixed seed. */
  private void writeWideFile(File file) throws IOException {
    Random rnd = new Random(17);
    String[] missing = {"", "NA", "nan", "NULL", " "};
    String[] text = {"abc", "n/a?", "1,5", "Infinity", "-", "\"quoted\""};
    StringBuilder csv = new StringBuilder("," + String.join(",", WIDE_COLUMNS) + "\n");
    for (int r = 0; r < WIDE_ROWS; r++) {
      String id = "w" + r;
      HashMap<String, Serializable> row = new HashMap<>();
      List<String> fields = new ArrayList<>(List.of(id));
      for (String column : WIDE_COLUMNS) {
        double u = rnd.nextDouble();
        String cell;
        Serializable value;
        if (r == 3 && column.equals("IQ_x")) {
          cell = "abc";
          value = "abc";
        } else if (r == 5 && column.equals("WI_b")) {
          cell = "";
          value = Double.NaN;
        } else if (u < 0.12) {
          cell = missing[rnd.nextInt(missing.length)];
          value = Double.NaN;
        } else if (u < 0.2) {
          cell = text[rnd.nextInt(text.length)];
          value = cell;
        } else if (u < 0.5) {
          int v = rnd.nextInt(2000) - 5;
          cell = Integer.toString(v);
          value = (double) v;
        } else if (u < 0.65) {
          cell = "0";
          value = 0.0;
        } else {
          double v = Math.round(rnd.nextGaussian() * 1e6) / 1e3;
          cell = u < 0.9 ? Double.toString(v) : String.format("%.6e", v);
          value = v;
        }
        fields.add(quote(cell));
        row.put(column, value);
      }
      csv.append(String.join(",", fields)).append('\n');
      expectedRows.put(id, row);
    }
    write(file, csv.toString());
  }

  private void expect(String id, Object... columnsAndValues) {
    HashMap<String, Serializable> row = new HashMap<>();
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      row.put((String) columnsAndValues[i], (Serializable) columnsAndValues[i + 1]);
    }
    expectedRows.put(id, row);
  }

  private static String quote(String cell) {
    boolean needs = cell.contains(",") || cell.contains("\"") || cell.contains("\n");
    return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
  }

  private static void write(File file, String content) throws IOException {
    Files.writeString(file.toPath(), content, StandardCharsets.UTF_8);
  }

  private static Map<String, String> pathsByName(List<DatasetFiles.File> files) {
    Map<String, String> byName = new HashMap<>();
    files.forEach(f -> byName.put(Path.of(f.path()).getFileName().toString(), f.path()));
    return byName;
  }

  // ---------------------------------------------------------------- reading

  @Test
  public void readsAFolderWithDeadLettersAndOneSummaryPerFile() throws IOException {
    File dir = writeTrainFolder();
    List<DatasetFiles.File> files = DatasetFiles.resolve(dir.getPath());
    Map<String, String> path = pathsByName(files);
    assertThat(path.get("older.csv.gz")).isEqualTo(new File(dir, "older.csv.gz").getPath());

    PCollectionTuple read = pipeline.apply("ReadTrain", ReadDataset.from("train", files));

    PAssert.that(read.get(ReadDataset.FILES)).containsInAnyOrder(
        new FileSummary("train", path.get("wide.csv"), WIDE_ROWS, WIDE_ROWS, 0),
        new FileSummary("train", path.get("post #1 @acct.csv"), 1, 1, 0),
        new FileSummary("train", path.get("post #2 @acct.csv"), 1, 1, 0),
        new FileSummary("train", path.get("reply #3 @other.csv"), 1, 1, 0),
        new FileSummary("train", path.get("older.csv.gz"), 6, 6, 0),
        new FileSummary("train", path.get("bad rows.csv"), 5, 3, 2),
        new FileSummary("train", path.get("dup header.csv"), 2, 0, 2),
        new FileSummary("train", path.get("empty.csv"), 0, 0, 0));
    PAssert.that(read.get(ReadDataset.FILES)).satisfies(summaries -> {
      long rowsRead = 0;
      long profiled = 0;
      long rejected = 0;
      for (FileSummary s : summaries) {
        assertThat(s.rowsRead()).as(s.file()).isEqualTo(s.rowsProfiled() + s.rowsRejected());
        rowsRead += s.rowsRead();
        profiled += s.rowsProfiled();
        rejected += s.rowsRejected();
      }
      assertThat(new long[] {rowsRead, profiled, rejected}).containsExactly(41, 37, 4);
      return null;
    });

    String bad = path.get("bad rows.csv");
    String dup = path.get("dup header.csv");
    PAssert.that(read.get(ReadDataset.REJECTED)).satisfies(rows -> {
      Map<String, RejectedRow> byRaw = new HashMap<>();
      rows.forEach(r -> byRaw.put(r.raw(), r));
      assertThat(byRaw).containsOnlyKeys("b2,1,0,9", "b4,5", "d1,1,2,3", "d2,4,5,6");
      assertThat(byRaw.values()).allSatisfy(r -> assertThat(r.dataset()).isEqualTo("train"));
      assertThat(byRaw.get("b2,1,0,9")).satisfies(r -> {
        assertThat(r.file()).isEqualTo(bad);
        assertThat(r.line()).isEqualTo(3);
        assertThat(r.reason()).matches(".*\\b4\\b.*\\b3\\b.*");
      });
      assertThat(byRaw.get("b4,5")).satisfies(r -> {
        assertThat(r.file()).isEqualTo(bad);
        assertThat(r.line()).as("after a record spanning lines 4-5").isEqualTo(6);
        assertThat(r.reason()).matches(".*\\b2\\b.*\\b3\\b.*");
      });
      for (String raw : List.of("d1,1,2,3", "d2,4,5,6")) {
        RejectedRow r = byRaw.get(raw);
        assertThat(r.file()).isEqualTo(dup);
        assertThat(r.line()).isEqualTo(raw.startsWith("d1") ? 2 : 3);
        assertThat(r.reason()).contains("WI_a");
      }
      return null;
    });

    PAssert.that(read.get(ReadDataset.BLOCKS)).satisfies(blocksHold("train", expectedRows, Integer.MAX_VALUE));
    PAssert.that(read.get(ReadDataset.BLOCKS)).satisfies(blocks -> {
      // explicit spot checks of what blocksHold verifies for every cell
      Map<String, RowBlock> byColumns = new HashMap<>();
      blocks.forEach(b -> byColumns.put(String.join(",", b.columns()), b));
      RowBlock wide = byColumns.get(String.join(",", WIDE_COLUMNS));
      int w3 = Arrays.asList(wide.rowIds()).indexOf("w3");
      int w5 = Arrays.asList(wide.rowIds()).indexOf("w5");
      int iqText = Arrays.binarySearch(wide.textIndex(), 2 * wide.rows() + w3);
      assertThat(iqText).as("IQ_x of w3 is listed as text").isNotNegative();
      assertThat(wide.text()[iqText]).isEqualTo("abc");
      assertThat(wide.values()[2 * wide.rows() + w3]).isNaN();
      assertThat(Double.doubleToRawLongBits(wide.values()[wide.rows() + w5]))
          .isEqualTo(Double.doubleToRawLongBits(Double.NaN));
      assertThat(Arrays.binarySearch(wide.textIndex(), wide.rows() + w5)).isNegative();
      // the one-row files share their header, hence one block
      assertThat(byColumns.get("target,IQ_x,WI_a").rows()).isEqualTo(3);
      assertThat(byColumns.get("target,IQ_x,WI_a").rowIds()).containsExactlyInAnyOrder("p1", "p2", "p3");
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void splitsLargeFilesIntoBlocksOfTheConfiguredSize() throws IOException {
    File dir = tmp.newFolder("blocks");
    StringBuilder csv = new StringBuilder(",a,b\n");
    for (int r = 0; r < 11; r++) {
      String b = r == 7 ? "seven" : r % 3 == 0 ? "" : Integer.toString(r * 10);
      csv.append("r").append(r).append(',').append(r).append(',').append(b).append('\n');
      expect("r" + r, "a", (double) r, "b", r == 7 ? "seven" : r % 3 == 0 ? Double.NaN : (Serializable) (r * 10.0));
    }
    write(new File(dir, "rows.csv"), csv.toString());

    PCollectionTuple read = pipeline.apply(
        ReadDataset.from("predict", DatasetFiles.resolve(dir.getPath())).withBlockCells(4));

    // 4 cells / 2 columns: blocks of 2 rows, the last one short
    PAssert.that(read.get(ReadDataset.BLOCKS)).satisfies(blocksHold("predict", expectedRows, 2));
    PAssert.that(read.get(ReadDataset.BLOCKS)).satisfies(blocks -> {
      List<Integer> sizes = new ArrayList<>();
      blocks.forEach(b -> sizes.add(b.rows()));
      assertThat(sizes).containsExactlyInAnyOrder(2, 2, 2, 2, 2, 1);
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void rowsAreHashedIntoRunFilesOnlyWhenAFolderIsGiven() throws IOException {
    File dir = tmp.newFolder("hashed");
    write(new File(dir, "a.csv"), "a,b\n1,x\n1,x\n2,y\n");
    File runs = tmp.newFolder("runs");

    PCollectionTuple unhashed = pipeline.apply("NoFolder", ReadDataset.from("train", DatasetFiles.resolve(dir.getPath())));
    PCollectionTuple hashed = pipeline.apply("Folder",
        ReadDataset.from("train", DatasetFiles.resolve(dir.getPath())).withHashRunsIn(runs.getPath()));

    PAssert.that(unhashed.get(ReadDataset.HASHES)).empty();
    PAssert.that(hashed.get(ReadDataset.HASHES)).satisfies(written -> {
      assertThat(written).singleElement().satisfies(run -> {
        assertThat(run.kind()).isEqualTo(HashShard.Kind.ROW);
        assertThat(new File(run.path())).isFile().hasParent(runs);
      });
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void aNamedIdColumnGivesTheRowIds() throws IOException {
    File dir = tmp.newFolder("ids");
    write(new File(dir, "a.csv"), "WI_a,uid,target\n1,u-1,0\nx,u-2,1\n");
    expect("u-1", "WI_a", 1.0, "target", 0.0);
    expect("u-2", "WI_a", "x", "target", 1.0);

    PCollectionTuple read = pipeline.apply(
        ReadDataset.from("train", DatasetFiles.resolve(dir.getPath())).withIdColumn("uid"));

    PAssert.that(read.get(ReadDataset.BLOCKS)).satisfies(blocksHold("train", expectedRows, Integer.MAX_VALUE));
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void configuredDateColumnsAreReadAsEpochDaysOrSeconds() throws IOException {
    File dir = tmp.newFolder("dates");
    write(new File(dir, "a.csv"), ",signup,TS_seen,joined\n"
        + "r1,1970-01-11,1970-01-01 00:02:00,2024-01-01\n"
        + "r2,11/01/1970,NA,\n"
        + "r3,2024-02-29, 1970-01-02 00:00:00 ,x\n");
    // signup: epoch days; TS_seen (by prefix): epoch seconds, read as UTC; joined has no format: text.
    expect("r1", "signup", 10.0, "TS_seen", 120.0, "joined", "2024-01-01");
    expect("r2", "signup", "11/01/1970", "TS_seen", Double.NaN, "joined", Double.NaN);
    expect("r3", "signup", 19_782.0, "TS_seen", 86_400.0,
        "joined", "x");
    List<DateColumn> dates = SkewConfig.parse("dateColumns:\n  - column: signup\n    format: yyyy-MM-dd\n"
        + "  - prefix: TS\n    format: yyyy-MM-dd HH:mm:ss\n", "test.yaml").dateColumns();

    PCollectionTuple read = pipeline.apply(ReadDataset.from("train", DatasetFiles.resolve(dir.getPath()))
        .withPrefixRules(PrefixRules.defaults()).withDateColumns(dates));

    PAssert.that(read.get(ReadDataset.BLOCKS)).satisfies(blocksHold("train", expectedRows, Integer.MAX_VALUE));
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void anUnterminatedQuoteSendsTheRestOfTheFileToTheDeadLetters() throws IOException {
    File dir = tmp.newFolder("quote");
    write(new File(dir, "q.csv"), ",a,b\nr1,1,2\nr2,\"oops,3\nr3,4,5\n");
    expect("r1", "a", 1.0, "b", 2.0);
    String file = new File(dir, "q.csv").getPath();

    PCollectionTuple read = pipeline.apply(ReadDataset.from("train", DatasetFiles.resolve(dir.getPath())));

    PAssert.that(read.get(ReadDataset.BLOCKS)).satisfies(blocksHold("train", expectedRows, Integer.MAX_VALUE));
    PAssert.that(read.get(ReadDataset.FILES)).containsInAnyOrder(new FileSummary("train", file, 2, 1, 1));
    PAssert.that(read.get(ReadDataset.REJECTED)).satisfies(rows -> {
      assertThat(rows).singleElement().satisfies(r -> {
        assertThat(r.file()).isEqualTo(file);
        assertThat(r.line()).isEqualTo(3);
        assertThat(r.raw()).contains("oops").contains("r3,4,5");
      });
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void aHeaderNameOverAThousandCharactersRejectsItsRowsWithoutFailingTheRun() throws IOException {
    File dir = tmp.newFolder("long name");
    write(new File(dir, "a.csv"), ",ok," + "x".repeat(70_000) + "\nr1,1,2\nr2,3,4\n");

    PCollectionTuple read = pipeline.apply(ReadDataset.from("train", DatasetFiles.resolve(dir.getPath())));

    PAssert.that(read.get(ReadDataset.FILES)).containsInAnyOrder(
        new FileSummary("train", new File(dir, "a.csv").getPath(), 2, 0, 2));
    PAssert.that(read.get(ReadDataset.REJECTED)).satisfies(rows -> {
      assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.reason())
          .contains("column 3's name is 70000 characters long (at most 1000)").hasSizeLessThan(200));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void invalidConfigurationFailsAtConstruction() {
    assertThatThrownBy(() -> ReadDataset.from("train", List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("train");
    ReadDataset read = ReadDataset.from("train", List.of(new DatasetFiles.File("/x.csv", 1, 0)));
    assertThatThrownBy(() -> read.withBlockCells(0)).isInstanceOf(IllegalArgumentException.class);
    pipeline.enableAbandonedNodeEnforcement(false);
  }

  /**
   * Every expected row appears exactly once, in a block of {@code dataset} with its file's columns,
   * at most {@code maxRows} rows a block, and each cell holds its number, canonical NaN when missing,
   * or NaN plus its text in {@code textIndex}/{@code text} (sorted).
   */
  private static SerializableFunction<Iterable<RowBlock>, Void> blocksHold(String dataset,
      HashMap<String, HashMap<String, Serializable>> expected, int maxRows) {
    return blocks -> {
      Set<String> seen = new HashSet<>();
      int rows = 0;
      for (RowBlock b : blocks) {
        assertThat(b.dataset()).isEqualTo(dataset);
        assertThat(b.rows()).isPositive().isLessThanOrEqualTo(maxRows);
        assertThat(b.textIndex()).isSorted();
        rows += b.rows();
        for (int r = 0; r < b.rows(); r++) {
          String id = b.rowIds()[r];
          assertThat(seen.add(id)).as("row %s seen once", id).isTrue();
          Map<String, Serializable> row = expected.get(id);
          assertThat(row).as("row id %s", id).isNotNull();
          assertThat(b.columns()).as(id).containsExactlyInAnyOrderElementsOf(row.keySet());
          for (int c = 0; c < b.columns().length; c++) {
            int cell = c * b.rows() + r;
            Serializable want = row.get(b.columns()[c]);
            double got = b.values()[cell];
            int t = Arrays.binarySearch(b.textIndex(), cell);
            String where = id + "/" + b.columns()[c];
            if (want instanceof String s) {
              assertThat(got).as(where).isNaN();
              assertThat(t).as(where + " is text").isNotNegative();
              assertThat(b.text()[t]).as(where).isEqualTo(s);
            } else {
              assertThat(t).as(where + " is not text").isNegative();
              if (Double.isNaN((Double) want)) {
                assertThat(Double.doubleToRawLongBits(got)).as(where + " is missing")
                    .isEqualTo(Double.doubleToRawLongBits(Double.NaN));
              } else {
                assertThat(got).as(where).isEqualTo((Double) want);
              }
            }
          }
        }
      }
      assertThat(seen).containsExactlyInAnyOrderElementsOf(expected.keySet());
      assertThat(rows).isEqualTo(expected.size());
      return null;
    };
  }

  // ---------------------------------------------------------------- resolving and batching

  @Test
  public void resolvesAFolderToItsCsvFilesSorted() throws IOException {
    File dir = writeTrainFolder();

    List<DatasetFiles.File> files = DatasetFiles.resolve(dir.getPath());

    assertThat(files).extracting(f -> Path.of(f.path()).getFileName().toString()).containsExactly(
        "bad rows.csv", "dup header.csv", "empty.csv", "older.csv.gz", "post #1 @acct.csv", "post #2 @acct.csv",
        "reply #3 @other.csv", "wide.csv");
    assertThat(files).allSatisfy(f ->
        assertThat(f.sizeBytes()).as(f.path()).isEqualTo(Files.size(Path.of(f.path()))));
    assertThat(DatasetFiles.resolve(dir.getPath() + "/")).isEqualTo(files);
    pipeline.enableAbandonedNodeEnforcement(false);
  }

  @Test
  public void resolvesAGlobAndASingleFile() throws IOException {
    File dir = writeTrainFolder();

    assertThat(DatasetFiles.resolve(dir.getPath() + "/post*.csv"))
        .extracting(f -> Path.of(f.path()).getFileName().toString())
        .containsExactly("post #1 @acct.csv", "post #2 @acct.csv");
    assertThat(DatasetFiles.resolve(dir.getPath() + "/*.gz"))
        .extracting(f -> Path.of(f.path()).getFileName().toString()).containsExactly("older.csv.gz");
    File wide = new File(dir, "wide.csv");
    assertThat(DatasetFiles.resolve(wide.getPath()))
        .containsExactly(new DatasetFiles.File(wide.getPath(), wide.length(), wide.lastModified()));
    pipeline.enableAbandonedNodeEnforcement(false);
  }

  @Test
  public void aPathThatNamesNoFileIsAnErrorNamingIt() throws IOException {
    String missing = tmp.getRoot().getPath() + "/no such dir";
    File noCsv = tmp.newFolder("only text");
    write(new File(noCsv, "notes.txt"), "x\n");

    assertThatThrownBy(() -> DatasetFiles.resolve(missing))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing);
    assertThatThrownBy(() -> DatasetFiles.resolve(noCsv.getPath()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(noCsv.getPath());
    assertThatThrownBy(() -> DatasetFiles.resolve(noCsv.getPath() + "/*.csv"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(noCsv.getPath());
    assertThatThrownBy(() -> DatasetFiles.resolve(" ")).isInstanceOf(IllegalArgumentException.class);
    pipeline.enableAbandonedNodeEnforcement(false);
  }

  @Test
  public void batchesGroupConsecutiveFilesBySize() {
    long mb = 1 << 20;
    List<DatasetFiles.File> files = List.of(file("a", 10 * mb), file("b", 20 * mb), file("c", 5 * mb),
        file("d", 100 * mb), file("e", mb), file("f", 31 * mb), file("g", mb));

    // e + f is exactly BATCH_BYTES (32 MiB): still one batch
    assertThat(ReadDataset.BATCH_BYTES).isEqualTo(32 * mb);
    assertThat(ReadDataset.batches(files)).containsExactly(
        List.of("a", "b"), List.of("c"), List.of("d"), List.of("e", "f"), List.of("g"));
    assertThat(ReadDataset.batches(List.of(file("only", 0)))).containsExactly(List.of("only"));
    pipeline.enableAbandonedNodeEnforcement(false);
  }

  @Test
  public void batchesHoldAtMostTwoThousandFiles() {
    List<DatasetFiles.File> files = new ArrayList<>();
    for (int i = 0; i < 4_500; i++) {
      files.add(file("f" + i, 100));
    }

    List<List<String>> batches = ReadDataset.batches(files);

    assertThat(batches).extracting(List::size).containsExactly(2_000, 2_000, 500);
    assertThat(batches.stream().flatMap(List::stream)).containsExactlyElementsOf(
        files.stream().map(DatasetFiles.File::path).toList());
    pipeline.enableAbandonedNodeEnforcement(false);
  }

  private static DatasetFiles.File file(String path, long size) {
    return new DatasetFiles.File(path, size, 0);
  }
}
