package org.skewcheck.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Whatever bytes a CSV file holds, reading it on the DirectRunner never fails, rows read = rows
 * profiled + rows rejected, every rejected row names its file and a line, the profiles hold
 * exactly the profiled rows, and reading it in small ranges gives the same counts and the same
 * rejected rows (line, reason, text) as reading it whole. The files mix quotes (escaped, stray, unterminated), line breaks inside quotes (LF, CRLF,
 * CR), all three line endings, a byte order mark, invalid UTF-8, ragged rows, long cells and gzip,
 * whole or cut anywhere.
 */
class ReadDatasetProperties {
  @Property(tries = 30, seed = "20261129")
  void anyFileIsReadWithBalancedCountsInRangesAsWhole(@ForAll("files") byte[] content, @ForAll boolean gzip,
      @ForAll @IntRange(min = 0, max = 100) int gzipKeptPercent, @ForAll @IntRange(min = 1, max = 40) int chunkBytes,
      @ForAll @IntRange(min = 1, max = 3) int rangeChunks) throws IOException {
    Path dir = Files.createTempDirectory("skewcheck-property");
    Path file = dir.resolve(gzip ? "f.csv.gz" : "f.csv");
    if (gzip) {
      // a gzip file cut anywhere, or whole (100%): a truncated download or a half-copied file
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (OutputStream out = new GZIPOutputStream(zipped)) {
        out.write(content);
      }
      byte[] whole = zipped.toByteArray();
      Files.write(file, Arrays.copyOf(whole, (int) ((long) whole.length * gzipKeptPercent / 100)));
    } else {
      Files.write(file, content);
    }
    PipelineOptions options = PipelineOptionsFactory.create();
    FileSystems.setDefaultPipelineOptions(options);
    Pipeline p = Pipeline.create(options);
    List<DatasetFiles.File> files = List.of(new DatasetFiles.File(file.toString(), Files.size(file), 0));
    PCollectionTuple ranges = p.apply("InRanges", ReadDataset.from("ranges", files).withChunks(chunkBytes, rangeChunks));
    PCollectionTuple whole = p.apply("Whole", ReadDataset.from("whole", files));
    String path = file.toString();

    PAssert.that("files", PCollectionList.of(ranges.get(ReadDataset.FILES)).and(whole.get(ReadDataset.FILES))
        .apply(Flatten.pCollections())).satisfies(summaries -> {
          Map<String, FileSummary> byDataset = new HashMap<>();
          summaries.forEach(s -> assertThat(byDataset.put(s.dataset(), s)).as("one summary per file").isNull());
          assertThat(byDataset).containsOnlyKeys("ranges", "whole");
          FileSummary r = byDataset.get("ranges");
          FileSummary w = byDataset.get("whole");
          assertThat(r.rowsRead()).isEqualTo(r.rowsProfiled() + r.rowsRejected());
          assertThat(new long[] {r.rowsRead(), r.rowsProfiled(), r.rowsRejected()})
              .containsExactly(w.rowsRead(), w.rowsProfiled(), w.rowsRejected());
          return null;
        });
    PAssert.that("rejected", PCollectionList.of(ranges.get(ReadDataset.REJECTED)).and(whole.get(ReadDataset.REJECTED))
        .apply("AllRejected", Flatten.pCollections())).satisfies(rows -> {
          Map<String, List<String>> byDataset = new HashMap<>(Map.of("ranges", new ArrayList<>(), "whole", new ArrayList<>()));
          rows.forEach(r -> {
            assertThat(r.file()).isEqualTo(path);
            assertThat(r.line()).isPositive();
            assertThat(r.reason()).isNotBlank();
            byDataset.get(r.dataset()).add(r.line() + " " + r.reason() + " " + r.raw());
          });
          assertThat(byDataset.get("ranges")).as("rejected rows, lines and texts, in ranges and whole")
              .containsExactlyInAnyOrderElementsOf(byDataset.get("whole"));
          return null;
        });
    // every prefix's profile holds exactly the profiled rows
    PAssert.that("profiles", PCollectionList
        .of(ranges.get(ReadDataset.PROFILES).apply("CombineRanges", CombinePrefixStats.perKey())
            .apply("PrefixRows", MapElements.into(TypeDescriptors.strings()).via(kv -> "rows " + kv.getValue().rows())))
        .and(ranges.get(ReadDataset.FILES)
            .apply("ProfiledRows", MapElements.into(TypeDescriptors.strings()).via(f -> "rows " + f.rowsProfiled())))
        .apply("Rows", Flatten.pCollections())).satisfies(rows -> {
          List<String> all = new ArrayList<>();
          rows.forEach(all::add);
          assertThat(all).as("profiled rows, then each prefix's rows").containsOnly(all.get(0));
          return null;
        });
    p.run().waitUntilFinish();
  }

  @Provide
  Arbitrary<byte[]> files() {
    Arbitrary<String> cell = Arbitraries.oneOf(
        Arbitraries.integers().between(-1000, 1000).map(String::valueOf),
        Arbitraries.doubles().between(-1e6, 1e6).ofScale(3).map(String::valueOf),
        Arbitraries.of("", "NA", "abc", "1,5", "1e39", "Infinity", " 7 "),
        Arbitraries.of("\"multi\nline\"", "\"crlf\r\nin quotes\"", "\"cr\rin quotes\"", "\"say \"\"hi\"\"\"",
            "ab\"c", "\"closed\"tail", INVALID_UTF8),
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2_000).ofMaxLength(6_000));
    Arbitrary<String> record = cell.list().ofMinSize(1).ofMaxSize(5).map(cells -> String.join(",", cells));
    Arbitrary<String> ending = Arbitraries.of("\n", "\r\n", "\r");
    Arbitrary<String> line = Combinators.combine(record, ending).as((r, e) -> r + e);
    Arbitrary<String> header = Arbitraries.of(",a,b,c", "a,b,c,d", ",a,a", "x", ",a,b\"\nc,d");
    return Combinators.combine(Arbitraries.of(true, false), header, ending, line.list().ofMaxSize(30),
        Arbitraries.of("", "\"unterminated,1,2", "last,1,2"))
        .as((bom, h, e, lines, tail) -> bytes((bom ? "\uFEFF" : "") + h + e + String.join("", lines) + tail));
  }

  /** Stands for two bytes that are not UTF-8, put in place by {@link #bytes}. */
  private static final String INVALID_UTF8 = "\u0001INVALID\u0001";

  private static byte[] bytes(String content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String[] parts = content.split(INVALID_UTF8, -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.write(0xFF);
        out.write(0xFE);
      }
      out.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
