package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skewcheck.pipeline.demo.JootData;

/**
 * Runs the real command on the demo-shaped data plus messy files, with the DirectRunner's
 * immutability and encodability checks on, and checks every per-column figure of the report
 * against an independent computation straight from the CSV files.
 */
class ReportFiguresTest {
  private static final String[] QUANTILES = {"p01", "p05", "p25", "p50", "p75", "p95", "p99"};
  private static final double[] RANKS = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};

  @TempDir
  static Path data;
  @TempDir
  static Path out;
  static SkewCheckRunner run;

  @BeforeAll
  static void runOnMessyData() throws IOException {
    JootData.write(JootData.demo(), data);
    Path predict = data.resolve("predict");
    Files.writeString(predict.resolve("odd one #9 @x.csv"),
        ",IQ_IQ_Sharpness,WI_tag0001,LG_likes_1\n"
            + "p9001,sharp,NA,3\n"
            + "p9002,1.5,1,2,99\n"
            + "p9003,,null,\n");
    run = SkewCheckRunner.run(out, "--train=" + data.resolve("train.csv"), "--predict=" + predict,
        "--config=" + SkewCheckRunner.config("joot.yaml"), "--failOn=never",
        "--enforceImmutability=true", "--enforceEncodability=true");
  }

  @Test
  void rowsReadEqualRowsProfiledPlusRejected() throws IOException {
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode predict = run.report().path("datasets").path("predict");
    assertThat(predict.path("files").asLong()).isEqualTo(61);
    assertThat(predict.path("rows").asLong()).isEqualTo(62);
    assertThat(predict.path("rejectedRows").asLong()).isEqualTo(1);
    assertThat(predict.path("rows").asLong() + predict.path("rejectedRows").asLong())
        .isEqualTo(dataLines(data.resolve("predict")));
    List<String> rejected = new ArrayList<>();
    try (Stream<Path> files = Files.list(out.resolve("rejected"))) {
      for (Path f : files.toList()) {
        rejected.addAll(Files.readAllLines(f));
      }
    }
    assertThat(rejected).hasSize(1);
    assertThat(rejected.get(0)).contains("\"dataset\":\"predict\"").contains("odd one #9 @x.csv")
        .contains("\"line\":3").contains("has 5 fields, the header has 4").contains("p9002,1.5,1,2,99");
  }

  @Test
  void everyColumnFigureMatchesAnIndependentComputation() throws IOException {
    Map<String, Expected> train = expected(List.of(data.resolve("train.csv")));
    Map<String, Expected> predict;
    try (Stream<Path> files = Files.list(data.resolve("predict"))) {
      predict = expected(files.sorted().toList());
    }
    JsonNode columns = run.report().path("columns");
    assertThat(columns.size()).isEqualTo(402);
    int checked = 0;
    for (JsonNode column : columns) {
      String name = column.path("name").asText();
      checked += check(name, column.path("train"), train.get(name));
      checked += check(name, column.path("predict"), predict.get(name));
    }
    assertThat(checked).isEqualTo(401 + 401);
  }

  @Test
  void provenanceNamesTheRunToolConfigAndEveryInputFile() throws IOException {
    JsonNode p = run.report().path("provenance");
    assertThat(p.path("runId").asText()).matches("[0-9a-f-]{36}");
    assertThat(Instant.parse(p.path("finishedAt").asText())).isAfterOrEqualTo(Instant.parse(p.path("startedAt").asText()));
    assertThat(p.path("version").asText()).isEqualTo("0.1.0");
    assertThat(p.path("runner").asText()).isEqualTo("DirectRunner");
    assertThat(p.path("config").asText()).endsWith("joot.yaml");
    assertThat(p.path("configFingerprint").asText()).matches("[0-9a-f]{64}");
    assertThat(p.path("inputs").path("predict").size()).isEqualTo(61);
    JsonNode train = p.path("inputs").path("train").get(0);
    Path trainCsv = data.resolve("train.csv");
    assertThat(train.path("path").asText()).isEqualTo(trainCsv.toString());
    assertThat(train.path("sizeBytes").asLong()).isEqualTo(Files.size(trainCsv));
    assertThat(train.path("lastModifiedMillis").asLong()).isEqualTo(Files.getLastModifiedTime(trainCsv).toMillis());
  }

  @Test
  void messyCellsAreProfiledNotRejected() throws IOException {
    JsonNode sharpness = column("IQ_IQ_Sharpness").path("predict");
    assertThat(sharpness.path("nonNumeric").asLong()).isEqualTo(1);
    assertThat(sharpness.path("missing").asLong()).isEqualTo(1);
    JsonNode tag = column("WI_tag0001").path("predict");
    assertThat(tag.path("missing").asLong()).as("NA, null and the 60 files without the column")
        .isEqualTo(2);
  }

  private static JsonNode column(String name) throws IOException {
    for (JsonNode c : run.report().path("columns")) {
      if (c.path("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no column " + name);
  }

  private static int check(String name, JsonNode actual, Expected e) {
    if (e == null) {
      assertThat(actual.isNull()).as(name).isTrue();
      return 0;
    }
    String what = name + " " + Arrays.toString(new long[] {e.count, e.missing});
    assertThat(actual.path("count").asLong()).as(what + " count").isEqualTo(e.count);
    assertThat(actual.path("missing").asLong()).as(what + " missing").isEqualTo(e.missing);
    assertThat(actual.path("nonNumeric").asLong()).as(what + " nonNumeric").isEqualTo(e.nonNumeric);
    assertThat(actual.path("zeros").asLong()).as(what + " zeros").isEqualTo(e.zeros);
    if (e.count == 0) {
      assertThat(actual.path("mean").isNull()).as(what + " mean").isTrue();
      return 1;
    }
    double[] v = e.values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    assertThat(actual.path("min").asDouble()).as(what + " min").isEqualTo(v[0]);
    assertThat(actual.path("max").asDouble()).as(what + " max").isEqualTo(v[v.length - 1]);
    double mean = Arrays.stream(v).sum() / v.length;
    assertThat(actual.path("mean").asDouble()).as(what + " mean").isCloseTo(mean, within(1e-9 * Math.max(1, Math.abs(mean))));
    if (v.length > 1) {
      double ss = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum();
      double sd = Math.sqrt(ss / (v.length - 1));
      assertThat(actual.path("stddev").asDouble()).as(what + " stddev").isCloseTo(sd, within(1e-9 * Math.max(1, sd)));
    }
    boolean exact = Arrays.stream(v).distinct().count() <= 16;
    boolean integers = Arrays.stream(v).allMatch(x -> x == Math.rint(x));
    for (int i = 0; i < QUANTILES.length; i++) {
      double q = actual.path("quantiles").path(QUANTILES[i]).asDouble();
      if (exact) {
        int index = (int) Math.ceil(RANKS[i] * v.length) - 1;
        assertThat(q).as(what + " exact " + QUANTILES[i]).isEqualTo(v[Math.max(0, index)]);
      } else {
        // the sketch's bucket holds the values within 0.1% of its own; an integer column's is rounded
        double width = 0.002 * Math.abs(q) + (integers ? 0.5 : 0);
        long below = Arrays.stream(v).filter(x -> x < q - width).count();
        long atOrBelow = Arrays.stream(v).filter(x -> x <= q + width).count();
        assertThat(RANKS[i]).as(what + " rank of " + QUANTILES[i])
            .isBetween((double) below / v.length - 1e-9, (double) atOrBelow / v.length + 1e-9);
      }
    }
    return 1;
  }

  /** Figures of every column computed directly from the files, with the documented cell rules. */
  private static Map<String, Expected> expected(List<Path> files) throws IOException {
    Map<String, Expected> columns = new TreeMap<>();
    long rows = 0;
    List<Map<String, String>> parsed = new ArrayList<>();
    for (Path file : files) {
      try (CsvReader<CsvRecord> csv = CsvReader.builder().allowExtraFields(true).allowMissingFields(true).ofCsvRecord(file)) {
        List<String> header = null;
        for (CsvRecord r : csv) {
          if (header == null) {
            header = r.getFields();
            continue;
          }
          if (r.getFieldCount() != header.size()) {
            continue;
          }
          Map<String, String> row = new HashMap<>();
          for (int i = 1; i < header.size(); i++) {
            row.put(header.get(i), r.getField(i));
            columns.computeIfAbsent(header.get(i), k -> new Expected());
          }
          parsed.add(row);
          rows++;
        }
      }
    }
    for (Map<String, String> row : parsed) {
      for (Map.Entry<String, Expected> c : columns.entrySet()) {
        c.getValue().add(row.get(c.getKey()));
      }
    }
    return columns;
  }

  private static long dataLines(Path dir) throws IOException {
    long lines = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        lines += Files.readAllLines(f).size() - 1;
      }
    }
    return lines;
  }

  private static final class Expected {
    long count;
    long missing;
    long nonNumeric;
    long zeros;
    final List<Double> values = new ArrayList<>();

    void add(String cell) {
      String t = cell == null ? "" : cell.strip();
      String lower = t.toLowerCase(Locale.ROOT);
      if (t.isEmpty() || lower.equals("na") || lower.equals("nan") || lower.equals("null")) {
        missing++;
        return;
      }
      double v;
      try {
        v = Double.parseDouble(t);
      } catch (NumberFormatException e) {
        nonNumeric++;
        return;
      }
      if (!Double.isFinite(v)) {
        nonNumeric++;
        return;
      }
      count++;
      zeros += v == 0 ? 1 : 0;
      values.add(v);
    }
  }
}
