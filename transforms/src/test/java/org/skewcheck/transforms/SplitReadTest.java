package org.skewcheck.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.skewcheck.validation.config.PrefixRules;
import org.skewcheck.validation.stats.Duplicates;
import org.skewcheck.validation.stats.PrefixStats;

/**
 * A file read in many small ranges gives exactly what one whole read gives: the same rows with the
 * same lines and values, the same rejected rows with their original text, the same profile, the
 * same duplicate count (from the hash runs each range writes), and rows read = profiled + rejected. The files are generated with a fixed seed and hold quoted fields with line breaks (LF
 * and CRLF), escaped quotes, commas, CRLF line endings, a byte order mark, blank lines, ragged rows
 * and a last line without a line break. What the rows must be comes from FastCSV reading the whole
 * file on its own, not from the reader under test.
 */
public class SplitReadTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  @Before
  public void setUpFileSystems() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
  }

  @Test
  public void anyChunkingReadsTheSameRowsAsAWholeRead() throws IOException {
    List<File> files = new ArrayList<>();
    for (int seed = 1; seed <= 3; seed++) {
      File f = tmp.newFile("file" + seed + ".csv");
      Files.write(f.toPath(), generate(new Random(seed), seed % 2 == 0, seed % 3 != 0, seed == 3));
      files.add(f);
    }
    int[][] chunkings = {{3, 1}, {13, 3}, {64, 2}, {1 << 20, 4}};
    for (File f : files) {
      Expected expected = expected(f);
      assertThat(expected.repeats()).as("rows of %s that repeat an earlier one", f.getName()).isPositive();
      List<DatasetFiles.File> input = List.of(new DatasetFiles.File(f.getPath(), f.length(), 0));
      for (int[] chunking : chunkings) {
        String name = f.getName() + "/" + chunking[0] + "x" + chunking[1];
        String runs = tmp.newFolder("runs " + f.getName() + " " + chunking[0] + "x" + chunking[1]).getPath();
        PCollectionTuple read = pipeline.apply("Read " + name, ReadDataset.from("train", input)
            .withChunks(chunking[0], chunking[1]).withBlockCells(7).withHashRunsIn(runs));
        PAssert.that(name + " rows", read.get(ReadDataset.BLOCKS)).satisfies(blocks -> {
          List<String> rows = new ArrayList<>();
          blocks.forEach(b -> rows.addAll(rows(b)));
          assertThat(rows).as(name).containsExactlyInAnyOrderElementsOf(expected.rows);
          return null;
        });
        PAssert.that(name + " rejected", read.get(ReadDataset.REJECTED)).satisfies(rejected -> {
          Set<String> seen = new TreeSet<>();
          rejected.forEach(r -> seen.add(r.line() + ":" + r.raw()));
          assertThat(seen).as(name).containsExactlyElementsOf(expected.rejected);
          return null;
        });
        PAssert.that(name + " profile", read.get(ReadDataset.PROFILES).apply(name + " combine",
            CombinePrefixStats.perKey())).satisfies(profiles -> {
          Map<String, String> figures = new TreeMap<>();
          profiles.forEach(kv -> figures.put(kv.getKey().prefix(), figures(kv.getValue())));
          assertThat(figures).as(name).isEqualTo(expected.profile);
          return null;
        });
        PAssert.that(name + " duplicates", read.get(ReadDataset.HASHES).apply(name + " count",
            CountDuplicates.perDataset())).containsInAnyOrder(KV.of("train", new Duplicates(expected.repeats(), null)));
        long read_ = expected.rows.size() + expected.rejected.size();
        PAssert.that(name + " files", read.get(ReadDataset.FILES)).containsInAnyOrder(
            new FileSummary("train", f.getPath(), read_, expected.rows.size(), expected.rejected.size()));
      }
    }
    pipeline.run().waitUntilFinish();
  }

  /** What FastCSV makes of the whole file: rows as text, rejected rows as line:text, figures per prefix. */
  private record Expected(List<String> rows, Set<String> rejected, Map<String, String> profile)
      implements java.io.Serializable {
    /** Rows whose values repeat an earlier row's: the rows less the distinct ones, the row id ("file:line") left out. */
    long repeats() {
      return rows.size() - rows.stream().map(row -> row.substring(row.indexOf('|'))).distinct().count();
    }
  }

  /**
   * A prefix's figures as text: rows, and per column count, zeros, text cells, min, max, the mean to
   * 1e-9 and the deciles, which come from a sketch past 16 distinct values and must not depend on
   * how the file was cut.
   */
  private static String figures(PrefixStats stats) {
    StringBuilder out = new StringBuilder("rows=" + stats.rows() + " present=" + stats.rowsAnyPresent()
        + " nonZero=" + stats.rowsAnyNonZero());
    new TreeMap<>(stats.columns()).forEach((column, c) -> {
      out.append(String.format("; %s n=%d zeros=%d text=%d min=%s max=%s mean=%.9g deciles=", column, c.count(),
          c.zeros(), c.nonNumeric(), c.min(), c.max(), c.mean()));
      for (int i = 1; i <= 9; i++) {
        out.append(c.quantile(i / 10.0)).append(i < 9 ? "," : "");
      }
    });
    return out.toString();
  }

  private static Expected expected(File f) throws IOException {
    List<String> rows = new ArrayList<>();
    Set<String> rejected = new TreeSet<>();
    Map<String, PrefixStats> byPrefix = new TreeMap<>();
    List<String> lines = List.of(Files.readString(f.toPath()).replace("\uFEFF", "").split("\n", -1));
    try (CsvReader<CsvRecord> csv = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
        .detectBomHeader(true).ofCsvRecord(f.toPath())) {
      List<String> header = null;
      for (CsvRecord record : csv) {
        if (header == null) {
          header = record.getFields();
          continue;
        }
        long line = record.getStartingLineNumber();
        if (record.getFieldCount() != header.size()) {
          rejected.add(line + ":" + originalText(lines, (int) line, record));
          continue;
        }
        StringBuilder row = new StringBuilder(f.getPath() + ":" + line);
        for (int c = 0; c < header.size(); c++) {
          row.append('|').append(header.get(c)).append('=').append(cell(record.getField(c)));
        }
        rows.add(row.toString());
        profile(header, record, byPrefix);
      }
    }
    Map<String, String> profile = new TreeMap<>();
    byPrefix.forEach((prefix, stats) -> profile.put(prefix, figures(stats)));
    return new Expected(rows, rejected, profile);
  }

  /** Profiles one row of the whole file on its own, as the figures to expect are made. */
  private static void profile(List<String> header, CsvRecord record, Map<String, PrefixStats> byPrefix) {
    double[] values = new double[header.size()];
    List<Integer> textIndex = new ArrayList<>();
    List<String> text = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      double v = Cells.parse(record.getField(c));
      if (Cells.isText(v)) {
        textIndex.add(c);
        text.add(record.getField(c));
        v = Double.NaN;
      }
      values[c] = v;
    }
    RowBlock row = new RowBlock("train", header.toArray(String[]::new), 1, values,
        textIndex.stream().mapToInt(Integer::intValue).toArray(), text.toArray(String[]::new), new String[0]);
    PrefixSlices.of(row, PrefixRules.defaults()::prefixOf)
        .forEach((prefix, slice) -> byPrefix.computeIfAbsent(prefix, p -> new PrefixStats()).add(slice));
  }

  /** The record's original text: its physical lines, without the last line break. */
  private static String originalText(List<String> lines, int first, CsvRecord record) {
    int physical = 1;
    for (String field : record.getFields()) {
      physical += (int) field.chars().filter(ch -> ch == '\n').count();
    }
    String text = String.join("\n", lines.subList(first - 1, first - 1 + physical));
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  private static String cell(String field) {
    double v = Cells.parse(field);
    return Cells.isText(v) ? "T:" + field : Double.toString(v);
  }

  private static List<String> rows(RowBlock b) {
    String[] text = new String[b.values().length];
    for (int i = 0; i < b.textIndex().length; i++) {
      text[b.textIndex()[i]] = b.text()[i];
    }
    List<String> out = new ArrayList<>();
    for (int r = 0; r < b.rows(); r++) {
      StringBuilder row = new StringBuilder(b.rowIds()[r]);
      for (int c = 0; c < b.columns().length; c++) {
        int i = c * b.rows() + r;
        row.append('|').append(b.columns()[c]).append('=')
            .append(text[i] != null ? "T:" + text[i] : Double.toString(b.values()[i]));
      }
      out.add(row.toString());
    }
    return out;
  }

  /** About 60 records of 4 columns with every kind of awkward CSV. */
  private static byte[] generate(Random rnd, boolean crlf, boolean bom, boolean lastLineBreak) {
    StringBuilder csv = new StringBuilder(bom ? "\uFEFF" : "");
    String eol = crlf ? "\r\n" : "\n";
    csv.append("a,\"b\nwith break\",c,d").append(eol);
    Set<Integer> blanks = new HashSet<>(List.of(7, 30));
    List<List<String>> written = new ArrayList<>();
    for (int r = 0; r < 60; r++) {
      if (blanks.contains(r)) {
        csv.append(eol);
      }
      int fields = rnd.nextInt(10) == 0 ? 3 + 2 * rnd.nextInt(2) : 4;
      List<String> cells = new ArrayList<>();
      // every eleventh row repeats the one five rows up, for the duplicate count
      if (r % 11 == 10) {
        cells.addAll(written.get(r - 5));
        fields = 0;
      }
      for (int c = 0; c < fields; c++) {
        cells.add(switch (rnd.nextInt(8)) {
          case 0 -> "\"multi\nline " + r + "\"";
          case 1 -> "\"crlf\r\nin quotes\"";
          case 2 -> "\"say \"\"hi\"\", ok\"";
          case 3 -> "";
          case 4 -> "text" + rnd.nextInt(5);
          case 5 -> "\"1,5\"";
          default -> Double.toString(Math.round(rnd.nextGaussian() * 1000) / 10.0);
        });
      }
      written.add(cells);
      csv.append(String.join(",", cells));
      if (r < 59 || lastLineBreak) {
        csv.append(eol);
      }
    }
    return csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
