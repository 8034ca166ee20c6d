package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real reports are valid under the published {@code docs/report.schema.json} (JSON Schema draft
 * 2020-12): the README's demo run with its model, the demo without a config, two runs with a run
 * history, and a run on categorical data with rules, a unique key and duplicates. The schema is
 * strict where the report's shape is fixed, so a report that gains a field the schema does not
 * describe fails here.
 */
class ReportSchemaTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static Schema schema;

  @TempDir
  static Path dir;

  @BeforeAll
  static void readSchema() throws IOException {
    String text = Files.readString(Path.of("..", "docs", "report.schema.json"), StandardCharsets.UTF_8);
    schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
  }

  private static List<String> errors(String json) {
    return schema.validate(json, InputFormat.JSON).stream()
        .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
  }

  private static String report(SkewCheckRunner run) throws IOException {
    assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
    return Files.readString(run.output().resolve("report.json"), StandardCharsets.UTF_8);
  }

  private static String[] demo(String... more) {
    String[] args = new String[2 + more.length];
    args[0] = "--train=" + Path.of("..", "demo", "train.csv").toAbsolutePath();
    args[1] = "--predict=" + Path.of("..", "demo", "predict").toAbsolutePath();
    System.arraycopy(more, 0, args, 2, more.length);
    return args;
  }

  @Test
  void theDemoRunWithItsModelIsValid() throws IOException {
    String json = report(SkewCheckRunner.run(dir.resolve("model"), demo("--config=" + SkewCheckRunner.config("joot.yaml"),
        "--model=" + Path.of("..", "demo", "model.json").toAbsolutePath(), "--failOn=never")));

    assertThat(JSON.readTree(json).path("scores").isObject()).isTrue();
    assertThat(errors(json)).isEmpty();
  }

  @Test
  void theDemoWithoutAConfigIsValid() throws IOException {
    String json = report(SkewCheckRunner.run(dir.resolve("plain"), demo("--failOn=never")));

    assertThat(errors(json)).isEmpty();
  }

  @Test
  void runsWithAHistoryAreValid() throws IOException {
    Path history = dir.resolve("history");
    for (int night = 1; night <= 2; night++) {
      String json = report(SkewCheckRunner.run(dir.resolve("night" + night),
          demo("--config=" + SkewCheckRunner.config("joot.yaml"), "--history=" + history, "--failOn=never")));

      assertThat(errors(json)).as("night " + night).isEmpty();
      if (night == 2) {
        assertThat(JSON.readTree(json).path("prefixes").findValues("history")).isNotEmpty();
      }
    }
  }

  @Test
  void aRunOnCategoricalDataWithRulesKeysAndDuplicatesIsValid() throws IOException {
    SplittableRandom random = new SplittableRandom(13);
    StringBuilder train = new StringBuilder(",CAT_colour,IQ_x,key\n");
    for (int r = 0; r < 600; r++) {
      String colour = r % 10 < 5 ? "red" : r % 10 < 8 ? "green" : "blue";
      train.append("t").append(r).append(',').append(colour).append(',')
          .append(String.format(Locale.ROOT, "%.3f", random.nextDouble())).append(",k").append(r % 590).append('\n');
    }
    train.append("t600,red,0.5,k600\nt601,red,0.5,k600\n");
    StringBuilder predict = new StringBuilder(",CAT_colour,IQ_x,key\n");
    for (int r = 0; r < 100; r++) {
      String colour = r < 20 ? "purple" : r < 40 ? "red" : "green";
      predict.append("p").append(r).append(',').append(colour).append(',')
          .append(String.format(Locale.ROOT, "%.3f", 2 + random.nextDouble())).append(",q").append(r).append('\n');
    }
    Path trainCsv = Files.writeString(dir.resolve("cat-train.csv"), train);
    Path predictCsv = Files.writeString(dir.resolve("cat-predict.csv"), predict + "p100,red\n");
    Path config = Files.writeString(dir.resolve("cat.yaml"), "uniqueKey: [key]\nrules:\n"
        + "  - column: CAT_colour\n    allowedValues: [red, green, blue]\n"
        + "  - column: IQ_x\n    range: [0, 1]\n    maxMissingFraction: 0.001\n");

    String json = report(SkewCheckRunner.run(dir.resolve("categorical"), "--train=" + trainCsv,
        "--predict=" + predictCsv, "--config=" + config, "--failOn=never"));

    JsonNode report = JSON.readTree(json);
    assertThat(report.findValues("check").stream().map(JsonNode::asText).distinct())
        .contains("drift", "unseenCategories", "rule", "duplicateRows", "uniqueKey", "rejectedRows");
    assertThat(report.path("columns").findValues("topValues")).anySatisfy(v -> assertThat(v.isArray()).isTrue());
    assertThat(errors(json)).isEmpty();
  }

  @Test
  void aReportWithAFieldTheSchemaDoesNotDescribeIsInvalid() throws IOException {
    String json = report(SkewCheckRunner.run(dir.resolve("changed"), demo("--failOn=never")));
    ObjectNode changed = (ObjectNode) JSON.readTree(json);
    ((ObjectNode) changed.path("columns").get(0).path("train")).put("median", 0.5);
    ((ObjectNode) changed.path("findings").get(0)).put("severity", "fatal");
    changed.put("summary", "new");

    assertThat(errors(JSON.writeValueAsString(changed))).hasSize(3)
        .anySatisfy(e -> assertThat(e).contains("/columns/0/train").contains("median"))
        .anySatisfy(e -> assertThat(e).contains("/findings/0/severity"))
        .anySatisfy(e -> assertThat(e).contains("summary"));
  }
}
