package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged input end to end: a truncated {@code .gz} is an error finding naming the file and the
 * line where the damage starts, its rows before that line are profiled and the rest is one
 * rejected row at that line, so rows read = rows profiled + rows rejected still holds.
 */
class DamagedInputTest {
  private static final int ROWS = 1_000;

  @Test
  void aTruncatedGzipIsAnErrorFindingAndItsRowsBeforeTheCutAreProfiled(@TempDir Path dir, @TempDir Path out)
      throws IOException {
    StringBuilder csv = new StringBuilder("id,a,b\n");
    for (int i = 0; i < ROWS; i++) {
      csv.append("r").append(i).append(',').append(i % 17).append(',').append((i * 7919) % 1000).append('\n');
    }
    Path train = Files.writeString(dir.resolve("train.csv"), csv);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream zip = new GZIPOutputStream(gz)) {
      zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] whole = gz.toByteArray();
    Path predict = Files.write(dir.resolve("night.csv.gz"), Arrays.copyOf(whole, whole.length / 2));
    // the header is line 1; the damage starts on the line after the last complete row
    long completeRows = readableText(predict).chars().filter(c -> c == '\n').count() - 1;

    SkewCheckRunner run = SkewCheckRunner.run(out, "--train=" + train, "--predict=" + predict, "--config="
        + Files.writeString(dir.resolve("c.yaml"), "columns:\n  id: id\n"));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode report = run.report();
    JsonNode damaged = findings(report, "damagedFile").get(0);
    assertThat(damaged.path("severity").asText()).isEqualTo("error");
    assertThat(damaged.path("target").asText()).isEqualTo("predict");
    assertThat(damaged.path("figures").path("file").asText()).isEqualTo(predict.toString());
    assertThat(completeRows).isBetween(ROWS / 4L, ROWS - 1L);
    assertThat(damaged.path("figures").path("line").asLong()).isEqualTo(completeRows + 2);
    assertThat(damaged.path("message").asText()).contains(predict.toString())
        .contains("line " + (completeRows + 2)).contains("could not be read");
    JsonNode rows = report.path("datasets").path("predict");
    assertThat(rows.path("rows").asLong()).as("the rows before the damage").isEqualTo(completeRows);
    assertThat(rows.path("rejectedRows").asLong()).as("the rest, as one row").isEqualTo(1);
    List<String> rejected = new ArrayList<>();
    try (Stream<Path> files = Files.list(out.resolve("rejected"))) {
      for (Path f : files.toList()) {
        rejected.addAll(Files.readAllLines(f));
      }
    }
    assertThat(String.join("\n", rejected)).contains(predict.toString()).contains("damaged from this line on");
  }

  /** The text a reader gets out of a truncated gzip before it fails. */
  private static String readableText(Path gz) throws IOException {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      byte[] buffer = new byte[4096];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        text.write(buffer, 0, n);
      }
    } catch (IOException expected) {
      // a truncated stream ends in EOFException: what was inflated before it is what a reader gets
    }
    return text.toString(StandardCharsets.UTF_8);
  }

  static List<JsonNode> findings(JsonNode report, String check) {
    List<JsonNode> out = new ArrayList<>();
    report.path("findings").forEach(f -> {
      if (f.path("check").asText().equals(check)) {
        out.add(f);
      }
    });
    assertThat(out).as("%s findings", check).isNotEmpty();
    return out;
  }
}
