package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skewcheck.pipeline.demo.JootData;

/** Exit codes 0/1/2 and their one-line reasons, on real files. */
class ExitCodesTest {
  @TempDir
  static Path data;

  @BeforeAll
  static void writeData() throws IOException {
    JootData.write(new JootData.Shape(200, 30, 120, 3, true), data);
  }

  private static String train() {
    return "--train=" + data.resolve("train.csv");
  }

  private static String predict() {
    return "--predict=" + data.resolve("predict");
  }

  @Test
  void findingsAtOrAboveFailOnExitOne(@TempDir Path out) {
    SkewCheckRunner run = SkewCheckRunner.run(out, train(), predict(), "--config=" + SkewCheckRunner.config("joot.yaml"));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains("verdict error").contains("LG").contains("report.json").contains("report.html");
  }

  @Test
  void failOnNeverExitsZeroDespiteErrors(@TempDir Path out) throws IOException {
    SkewCheckRunner run = SkewCheckRunner.run(out, train(), predict(), "--failOn=never");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.report().path("verdict").asText()).isEqualTo("error");
  }

  @Test
  void missingInputIsExitTwoWithOneLine(@TempDir Path out) {
    SkewCheckRunner run = SkewCheckRunner.run(out, "--train=" + data.resolve("nope.csv"), predict());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).doesNotContain("\n").contains("--train=").contains("nope.csv")
        .doesNotContain("Exception");
  }

  @Test
  void emptyFolderIsExitTwo(@TempDir Path out, @TempDir Path empty) {
    SkewCheckRunner run = SkewCheckRunner.run(out, train(), "--predict=" + empty);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--predict=").contains("no *.csv");
  }

  @Test
  void aHeaderOnlyOrEmptyInputIsExitTwoNamingItsFilesAndAddsNothingToTheHistory(@TempDir Path dir) throws IOException {
    Path history = dir.resolve("history");
    Path headerOnly = Files.writeString(dir.resolve("header-only.csv"),
        Files.readAllLines(data.resolve("train.csv")).get(0) + "\n");
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    for (Path predict : List.of(headerOnly, empty)) {
      Path out = dir.resolve("out-" + predict.getFileName());
      SkewCheckRunner run = SkewCheckRunner.run(out, train(), "--predict=" + predict, "--history=" + history);
      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(run.err().lines().filter(l -> !l.startsWith("skewcheck progress:")))
          .containsExactly("skewcheck: predict has no readable rows in " + predict + ": empty or only a header");
      assertThat(out.resolve("report.json")).doesNotExist();
      assertThat(out.resolve("report.html")).doesNotExist();
      assertThat(history).doesNotExist();
    }
  }

  @Test
  void anInputWhoseRowsAreAllRejectedIsExitTwoAndKeepsTheRejectedRows(@TempDir Path dir) throws IOException {
    Path predict = Files.writeString(dir.resolve("repeated-header.csv"), ",IQ_a,IQ_a\np1,1,2\np2,3,4\n");
    Path out = dir.resolve("out");
    SkewCheckRunner run = SkewCheckRunner.run(out, train(), "--predict=" + predict);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().lines().filter(l -> !l.startsWith("skewcheck progress:"))).containsExactly(
        "skewcheck: predict has no readable rows in " + predict + ": all 2 rows were rejected, see "
            + out.resolve("rejected"));
    assertThat(out.resolve("report.json")).doesNotExist();
    assertThat(out.resolve("rejected")).isNotEmptyDirectory();
  }

  @Test
  void badConfigIsExitTwoNamingTheKeyAndLine(@TempDir Path out, @TempDir Path dir) throws IOException {
    Path config = Files.writeString(dir.resolve("bad.yaml"), "columns:\n  label: target\nsparsty:\n  alpha: 0.01\n");
    SkewCheckRunner run = SkewCheckRunner.run(out, train(), predict(), "--config=" + config);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("sparsty").contains("line 3");
  }

  @Test
  void outOfRangeConfigValueIsExitTwoNamingItsFullKeyAndItsOwnLine(@TempDir Path out, @TempDir Path dir)
      throws IOException {
    Path config = Files.writeString(dir.resolve("bad.yaml"), "drift:\n  fdr: 2\n");
    SkewCheckRunner run = SkewCheckRunner.run(out, train(), predict(), "--config=" + config);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("bad value for 'drift.fdr' at line 2, column 3: drift.fdr must be in (0, 1]");
  }

  @Test
  void unreadableConfigIsExitTwo(@TempDir Path out) {
    SkewCheckRunner run = SkewCheckRunner.run(out, train(), predict(), "--config=" + data.resolve("absent.yaml"));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("cannot read config").contains("absent.yaml");
  }

  @Test
  void badOptionsAreExitTwo(@TempDir Path out) {
    assertThat(SkewCheckRunner.run(out, train(), predict(), "--failOn=sometimes").err()).contains("--failOn");
    SkewCheckRunner unknown = SkewCheckRunner.run(out, train(), predict(), "--trian=x");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("trian");
  }

  @Test
  void aFailedRunLeavesNoReportBehind(@TempDir Path out) throws IOException {
    Files.writeString(out.resolve("report.json"), "{\"verdict\":\"ok\"}");
    Files.writeString(out.resolve("report.html"), "<!DOCTYPE html><title>skewcheck: ok</title>");
    SkewCheckRunner run = SkewCheckRunner.run(out, train(), "--predict=" + data.resolve("missing-dir"));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(out.resolve("report.json")).doesNotExist();
    assertThat(out.resolve("report.html")).doesNotExist();
  }

  @Test
  void optionErrorsAlsoRemoveThePreviousReport(@TempDir Path out) throws IOException {
    for (String bad : List.of("--failOn=bogus", "--trian=x")) {
      Files.writeString(out.resolve("report.json"), "{\"verdict\":\"ok\"}");
      Files.writeString(out.resolve("report.html"), "<!DOCTYPE html><title>skewcheck: ok</title>");
      SkewCheckRunner run = SkewCheckRunner.run(out, train(), predict(), bad);
      assertThat(run.exitCode()).as(bad).isEqualTo(2);
      assertThat(run.err()).as(bad).hasLineCount(1);
      assertThat(out.resolve("report.json")).as(bad).doesNotExist();
      assertThat(out.resolve("report.html")).as(bad).doesNotExist();
    }
  }

  @Test
  void anErrorThrownByTheRunIsExitTwoWithOneLineAndItsStackTraceInTheOutput(@TempDir Path out) throws IOException {
    Files.writeString(out.resolve("report.json"), "{\"verdict\":\"ok\"}");
    Files.writeString(out.resolve("report.html"), "<!DOCTYPE html><title>skewcheck: ok</title>");
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = SkewCheck.execute(new String[] {train(), predict(), "--output=" + out}, System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8), (options, progress) -> {
          throw new OutOfMemoryError("Java heap space");
        });

    assertThat(code).isEqualTo(2);
    Path log = out.resolve("skewcheck-error.log");
    assertThat(err.toString(StandardCharsets.UTF_8)).hasLineCount(1)
        .startsWith("skewcheck: the run could not be done: OutOfMemoryError: Java heap space").contains(log.toString());
    assertThat(Files.readString(log)).startsWith("java.lang.OutOfMemoryError: Java heap space")
        .contains("at org.skewcheck.pipeline.SkewCheck.execute");
    assertThat(out.resolve("report.json")).doesNotExist();
    assertThat(out.resolve("report.html")).doesNotExist();
  }

  @Test
  void theProcessExitsEvenWhenAThreadLingersAndAShutdownHookHangs(@TempDir Path out, @TempDir Path work)
      throws Exception {
    try (ChildJvm jvm = ChildJvm.start(work, work.resolve("main.log"), List.of("-cp",
        System.getProperty("java.class.path"), HangingShutdown.class.getName(), train(), predict(),
        "--output=" + out, "--failOn=sometimes"))) {
      assertThat(jvm.waitFor(Duration.ofMinutes(2))).as(jvm.tail(20)).isEqualTo(2);
      assertThat(jvm.tail(20)).contains("skewcheck: --failOn must be error, warning or never");
    }
  }

  @Test
  void theConsoleSummaryEscapesControlCharactersAndShortensLongMessages(@TempDir Path out, @TempDir Path dir)
      throws IOException {
    String esc = "IQ_\u001b[2J\u001b[31mred\u001b[0m\r\nline two\u0085";
    String longName = "IQ_" + "x".repeat(400);
    Path train = Files.writeString(dir.resolve("train.csv"), ",IQ_a,\"" + esc + "\"," + longName + "\n"
        + "t1,0.5,1,2\nt2,0.7,0,3\nt3,0.1,1,4\n");
    Path predict = Files.writeString(dir.resolve("predict.csv"), ",IQ_a\np1,0.5\np2,0.6\n");

    SkewCheckRunner run = SkewCheckRunner.run(out, "--train=" + train, "--predict=" + predict, "--failOn=never");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode findings = run.report().path("findings");
    assertThat(findings.findValuesAsText("message")).anySatisfy(m -> assertThat(m).contains(esc));
    assertThat(run.out()).doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u0085")
        .contains("column IQ_\\u001b[2J\\u001b[31mred\\u001b[0m\\r\\nline two\\u0085 is in train only");
    String shortened = run.out().lines().filter(l -> l.contains("IQ_xxx")).findFirst().orElseThrow();
    String message = "column " + longName + " is in train only (absent from predict)";
    assertThat(shortened).endsWith(" " + message.substring(0, 300) + "… (" + message.length() + " chars)");
    assertThat(run.out().lines()).as("one line per finding").hasSize(1 + Math.min(5, findings.size()) + 2);
  }

  @Test
  void expectedColumnsFromAModelRecordAreSchemaFindings(@TempDir Path out, @TempDir Path dir) throws IOException {
    List<String> header = new ArrayList<>(List.of(Files.readAllLines(data.resolve("train.csv")).get(0).split(",")));
    List<String> features = new ArrayList<>(header.subList(1, header.size() - 1));
    String dropped = features.remove(features.size() - 1);
    features.add("XX_gone");
    String json = "[" + String.join(",", features.stream().map(f -> "\"\"" + f + "\"\"").toList()) + "]";
    Path record = Files.writeString(dir.resolve("model_record.csv"), "name,columns\njoot-v3,\"" + json + "\"\n");
    Path config = Files.writeString(dir.resolve("c.yaml"), "columns: {label: target, recordedScore: score}\n"
        + "expectedColumnsFrom: " + record + "\n");

    SkewCheckRunner run = SkewCheckRunner.run(out, train(), predict(), "--config=" + config, "--failOn=never");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> messages = new ArrayList<>();
    run.report().path("findings").forEach(f -> {
      if (f.path("check").asText().equals("expectedColumns")) {
        messages.add(f.path("severity").asText() + " " + f.path("message").asText());
      }
    });
    assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("error").contains("XX_gone").contains("train"))
        .anySatisfy(m -> assertThat(m).startsWith("warning").contains(dropped).contains("predict"));
  }

  @Test
  void aRelativeExpectedColumnsFromIsReadFromTheConfigsFolder(@TempDir Path out, @TempDir Path dir) throws IOException {
    Path configs = Files.createDirectories(dir.resolve("configs"));
    Files.writeString(configs.resolve("model_record.csv"), "name,columns\nv3,\"[\"\"XX_only_here\"\"]\"\n");
    Path config = Files.writeString(configs.resolve("c.yaml"), "expectedColumnsFrom: model_record.csv\n");
    assertThat(Path.of("model_record.csv")).as("not in the working directory").doesNotExist();

    SkewCheckRunner run = SkewCheckRunner.run(out, train(), predict(), "--config=" + config, "--failOn=never");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> messages = new ArrayList<>();
    run.report().path("findings").forEach(f -> {
      if (f.path("check").asText().equals("expectedColumns")) {
        messages.add(f.path("message").asText());
      }
    });
    assertThat(messages).anySatisfy(m -> assertThat(m).contains("XX_only_here"));
  }

  @Test
  void aModelRecordListingItsLabelDoesNotExpectItInPredict(@TempDir Path out, @TempDir Path dir) throws IOException {
    List<String> header = List.of(Files.readAllLines(data.resolve("train.csv")).get(0).split(","));
    List<String> columns = header.subList(1, header.size());
    assertThat(columns).last().isEqualTo("target");
    String json = "[" + String.join(",", columns.stream().map(f -> "\"\"" + f + "\"\"").toList()) + "]";
    Path record = Files.writeString(dir.resolve("model_record.csv"),
        "name,columns,targetY\njoot-v3,\"" + json + "\",target\n");
    Path config = Files.writeString(dir.resolve("c.yaml"), "columns: {recordedScore: score}\n"
        + "expectedColumnsFrom: " + record + "\n");

    SkewCheckRunner run = SkewCheckRunner.run(out, train(), predict(), "--config=" + config, "--failOn=never");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> checks = run.report().path("findings").findValuesAsText("check");
    assertThat(checks).doesNotContain("expectedColumns");
    assertThat(run.report().path("findings").findValuesAsText("target")).as("the label is not a feature")
        .doesNotContain("target");
  }

  @Test
  void anUnreadableModelRecordIsExitTwo(@TempDir Path out, @TempDir Path dir) throws IOException {
    Path record = Files.writeString(dir.resolve("model_record.csv"), "name,columns\nv3,not json\n");
    Path config = Files.writeString(dir.resolve("c.yaml"), "expectedColumnsFrom: " + record + "\n");
    SkewCheckRunner run = SkewCheckRunner.run(out, train(), predict(), "--config=" + config);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("model_record.csv").contains("line 2").contains("not a JSON array");
  }

  @Test
  void duplicatedRowsAndKeysAreCountedPerDataset(@TempDir Path out, @TempDir Path dir) throws IOException {
    Path train = Files.writeString(dir.resolve("train.csv"), ",post,IQ_a\nt1,10,0.5\nt2,11,0.7\nt3,10,0.5\n");
    Path predict = Files.writeString(dir.resolve("predict.csv"), ",post,IQ_a\np1,20,0.5\np2,20,0.6\n");
    Path config = Files.writeString(dir.resolve("c.yaml"), "uniqueKey: [post]\n");

    SkewCheckRunner run = SkewCheckRunner.run(out, "--train=" + train, "--predict=" + predict, "--config=" + config,
        "--failOn=never");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.report().path("datasets").path("train").path("duplicateRows").asLong()).isEqualTo(1);
    assertThat(run.report().path("datasets").path("train").path("duplicateKeys").asLong()).isEqualTo(1);
    assertThat(run.report().path("datasets").path("predict").path("duplicateRows").asLong()).isZero();
    assertThat(run.report().path("datasets").path("predict").path("duplicateKeys").asLong()).isEqualTo(1);
    assertThat(run.report().path("findings").toString()).contains("the key [post] is not unique");
  }
}
