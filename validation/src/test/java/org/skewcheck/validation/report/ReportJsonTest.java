package org.skewcheck.validation.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.check.Check;
import org.skewcheck.validation.check.Figures;
import org.skewcheck.validation.check.Finding;
import org.skewcheck.validation.check.Scope;
import org.skewcheck.validation.check.Severity;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.stats.DatasetProfile;
import org.skewcheck.validation.stats.Table;

class ReportJsonTest {
  /** A strict reader: Jackson's default refuses NaN and Infinity tokens, as any JSON reader should. */
  private static final ObjectMapper STRICT = new ObjectMapper();
  private static final double NA = Double.NaN;

  private static JsonNode json(Report report) throws IOException {
    return STRICT.readTree(ReportJson.toBytes(report));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Every number in the tree is finite, and no string spells NaN or Infinity. */
  private static void assertAllFinite(JsonNode node, String path) {
    if (node.isNumber()) {
      assertThat(Double.isFinite(node.asDouble())).as(path).isTrue();
    } else if (node.isTextual()) {
      assertThat(node.asText()).as(path).isNotIn("NaN", "Infinity", "-Infinity");
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        assertAllFinite(node.get(i), path + "[" + i + "]");
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        assertAllFinite(e.getValue(), path + "." + e.getKey());
      }
    }
  }

  /** Figures that do not exist: one-value columns, a text-only family, a column missing in predict. */
  private static Report degenerateReport() {
    Table train = new Table(3)
        .add("IQ_one", r -> r == 0 ? 4.5 : NA)
        .add("IQ_two", r -> r < 2 ? r : NA)
        .add("CAT_city", r -> NA)
        .text("CAT_city", 0, "Oslo")
        .add("LG_x", r -> 0.0);
    Table predict = new Table(1).add("IQ_one", r -> NA).add("LG_x", r -> 0.0);
    return CompareProfiles.with(SkewConfig.defaults()).compare(train.profile("train"), predict.profile("predict"));
  }

  @Test
  void topLevelShape() throws IOException {
    JsonNode root = json(degenerateReport());
    assertThat(fieldNames(root))
        .containsExactly("schemaVersion", "tool", "verdict", "datasets", "findings", "measures", "prefixes",
            "columns");
    assertThat(root.get("schemaVersion").isInt()).isTrue();
    assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(root.get("tool").asText()).isEqualTo("skewcheck");
    assertThat(root.get("verdict").asText()).isEqualTo("error");
    assertThat(fieldNames(root.get("datasets"))).containsExactly("train", "predict");
    assertThat(fieldNames(root.get("datasets").get("train"))).containsExactly("files", "rows", "rejectedRows",
        "columns");
    assertThat(root.get("datasets").get("train").get("rows").asLong()).isEqualTo(3);
  }

  @Test
  void neverNaNOrInfinity() throws IOException {
    Report report = degenerateReport();
    String text = new String(ReportJson.toBytes(report), StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");

    JsonNode root = json(report);
    assertAllFinite(root, "$");

    JsonNode one = column(root, "IQ_one");
    assertThat(one.get("train").get("mean").asDouble()).isEqualTo(4.5);
    assertThat(one.get("train").get("stddev").isNull()).as("stddev of one value").isTrue();
    assertThat(one.get("train").get("skewness").isNull()).isTrue();
    assertThat(one.get("train").get("excessKurtosis").isNull()).isTrue();
    assertThat(one.get("predict").get("count").asLong()).isZero();
    assertThat(one.get("predict").get("mean").isNull()).isTrue();
    assertThat(one.get("predict").get("min").isNull()).isTrue();
    assertThat(one.get("predict").get("quantiles").isNull()).isTrue();

    JsonNode city = column(root, "CAT_city");
    assertThat(city.get("type").asText()).isEqualTo("categorical");
    assertThat(city.get("predict").isNull()).as("predict lacks the column").isTrue();

    JsonNode cat = prefix(root, "CAT");
    assertThat(cat.get("train").get("zeroFraction").isNull()).as("no numbers at all").isTrue();
    assertThat(cat.get("train").get("meanStddev").isNull()).isTrue();
    assertThat(cat.get("predict").isNull()).isTrue();
  }

  @Test
  void columnAndPrefixShape() throws IOException {
    JsonNode root = json(degenerateReport());
    JsonNode two = column(root, "IQ_two");
    assertThat(fieldNames(two)).containsExactly("name", "prefix", "role", "type", "train", "predict", "drift",
        "findings");
    assertThat(fieldNames(two.get("train"))).containsExactly("count", "missing", "nonNumeric", "zeros", "mean",
        "stddev", "min", "max", "quantiles", "skewness", "excessKurtosis", "distinct", "topValues");
    assertThat(two.get("train").get("topValues").isNull()).as("numeric").isTrue();
    assertThat(fieldNames(two.get("train").get("quantiles")))
        .containsExactly("p01", "p05", "p25", "p50", "p75", "p95", "p99");
    assertThat(two.get("train").get("stddev").asDouble()).isEqualTo(Math.sqrt(0.5));
    assertThat(two.get("train").get("distinct").asInt()).isEqualTo(2);
    assertThat(two.get("role").asText()).isEqualTo("feature");

    JsonNode lg = prefix(root, "LG");
    assertThat(fieldNames(lg)).containsExactly("prefix", "columns", "train", "predict", "drift", "findings");
    assertThat(fieldNames(lg.get("train"))).contains("zeroFraction", "missingFraction", "constantColumns",
        "meanStddev");
    assertThat(lg.get("train").get("zeroFraction").asDouble()).isEqualTo(1.0);
    assertThat(lg.get("train").get("constantColumns").asInt()).isEqualTo(1);
  }

  @Test
  void untestedDriftIsNullFiguresWithAReason() throws IOException {
    JsonNode root = json(degenerateReport());
    JsonNode two = column(root, "IQ_two").get("drift");
    assertThat(fieldNames(two)).containsExactly("psi", "js", "ks", "linf", "ksPValue", "chiSquarePValue", "bins",
        "categories", "p", "q", "untestedReason");
    for (String figure : List.of("psi", "js", "ks", "linf", "ksPValue", "chiSquarePValue", "bins", "categories", "p",
        "q")) {
      assertThat(two.get(figure).isNull()).as(figure).isTrue();
    }
    assertThat(two.get("untestedReason").asText()).isEqualTo("only in train");
    assertThat(column(root, "LG_x").get("drift").get("untestedReason").asText())
        .isEqualTo("fewer than 2 numeric values in predict (1)");

    JsonNode lg = prefix(root, "LG").get("drift");
    assertThat(fieldNames(lg)).containsExactly("columnsTested", "driftedColumns", "driftedShare", "psiMax",
        "psiMean", "jsMax", "jsMean", "ksMax", "ksMean", "worstColumns");
    assertThat(lg.get("columnsTested").asInt()).isZero();
    assertThat(lg.get("driftedShare").isNull()).isTrue();
    assertThat(lg.get("psiMax").isNull()).isTrue();
    assertThat(lg.get("worstColumns").isArray()).isTrue();
    assertThat(lg.get("worstColumns")).isEmpty();
  }

  @Test
  void testedDriftAndTheMeasuresSection() throws IOException {
    SplittableRandom random = new SplittableRandom(402);
    DatasetProfile train = new Table(2_000).normal("IQ_a", 0, random).normal("IQ_b", 0, random).profile("train");
    DatasetProfile predict = new Table(500).normal("IQ_a", 2, random).normal("IQ_b", 0, random).profile("predict");
    Report report = CompareProfiles.with(SkewConfig.defaults()).compare(train, predict);
    JsonNode root = json(report);
    assertAllFinite(root, "$");

    JsonNode a = column(root, "IQ_a").get("drift");
    assertThat(a.get("psi").asDouble()).isGreaterThan(1);
    assertThat(a.get("js").asDouble()).isBetween(0.0, 1.0);
    assertThat(a.get("ks").asDouble()).isBetween(0.5, 1.0);
    assertThat(a.get("ksPValue").isNumber()).isTrue();
    assertThat(a.get("chiSquarePValue").isNumber()).isTrue();
    assertThat(a.get("bins").size()).isEqualTo(9);
    assertThat(a.get("p").size()).isEqualTo(10);
    assertThat(a.get("q").size()).isEqualTo(10);
    assertThat(a.get("untestedReason").isNull()).isTrue();

    JsonNode iq = prefix(root, "IQ").get("drift");
    assertThat(iq.get("columnsTested").asInt()).isEqualTo(2);
    assertThat(iq.get("driftedColumns").asInt()).isEqualTo(1);
    assertThat(iq.get("driftedShare").asDouble()).isEqualTo(0.5);
    assertThat(iq.get("psiMax").asDouble()).isEqualTo(a.get("psi").asDouble());
    assertThat(iq.get("worstColumns").get(0).asText()).isEqualTo("IQ_a");
    assertThat(iq.get("worstColumns").size()).isEqualTo(2);

    JsonNode measures = root.get("measures");
    assertThat(fieldNames(measures)).containsExactly("bins", "psi", "js", "ks", "ksPValue", "chiSquarePValue",
        "categories", "categoricalPsi", "linf", "categoricalChiSquarePValue", "idLike", "drifted", "familyAggregates",
        "familyMeanShift", "familyDirection", "familyDrifted");
    measures.forEach(m -> assertThat(m.isTextual()).isTrue());
    // IQ_a moved two standard deviations, which moves the IQ family's row total too: the family
    // finding (prefix scope) comes first, then IQ_a's.
    assertThat(root.get("findings").get(0).get("check").asText()).isEqualTo("familyDrift");
    JsonNode family = iq.get("family");
    assertThat(fieldNames(family)).containsExactly("total", "nonZeroCount", "nonZeroMean", "meanShift",
        "meanShiftPValue", "logMeanShift", "logMeanShiftPValue", "columnsUp", "columnsDown", "tests", "pValue");
    assertThat(family.get("total").get("ks").asDouble()).isBetween(0.5, 1.0);
    assertThat(family.get("total").get("bins").size()).isEqualTo(9);
    assertThat(family.get("nonZeroCount").isNull()).as("every row has two non-zero numbers").isTrue();
    assertThat(family.get("columnsUp").asInt() + family.get("columnsDown").asInt()).isEqualTo(2);
    JsonNode finding = root.get("findings").get(1);
    assertThat(finding.get("check").asText()).isEqualTo("drift");
    assertThat(finding.get("severity").asText()).isEqualTo("error");
    assertThat(fieldNames(finding.get("figures"))).startsWith("psi", "js", "ks", "ksPValue", "ksPValueAdjusted",
        "chiSquarePValue", "chiSquarePValueAdjusted", "trainN", "predictN");
  }

  @Test
  void findingsUseLowercaseLabelsAndKeepTheirFiguresInOrder() throws IOException {
    Figures figures = new Figures().put("trainFraction", 0.05).put("predictFraction", 1.0).put("trainN", 5000L)
        .probability(NA).put("ratio", Double.POSITIVE_INFINITY).put("heavierIn", "predict");
    Finding finding = new Finding(Check.SPARSITY, Scope.PREFIX, "LG", Severity.ERROR, "LG went sparse", figures);
    Report report = new Report(Report.SCHEMA_VERSION, "skewcheck", Verdict.ERROR, null, Map.of(), List.of(finding), null,
        Map.of(), List.of(), List.of(), SkewConfig.defaults().drift());

    JsonNode f = json(report).get("findings").get(0);
    assertThat(fieldNames(f)).containsExactly("check", "scope", "target", "severity", "message", "figures");
    assertThat(f.get("severity").asText()).isEqualTo("error");
    assertThat(f.get("scope").asText()).isEqualTo("prefix");
    assertThat(fieldNames(f.get("figures")))
        .containsExactly("trainFraction", "predictFraction", "trainN", "probability", "ratio", "heavierIn");
    assertThat(f.get("figures").get("trainN").isIntegralNumber()).isTrue();
    assertThat(f.get("figures").get("probability").isNull()).isTrue();
    assertThat(f.get("figures").get("ratio").isNull()).isTrue();
    assertThat(f.get("figures").get("heavierIn").asText()).isEqualTo("predict");
  }

  @Test
  void infiniteQuantilesAndSummariesAreNull() throws IOException {
    Map<String, Double> quantiles = new LinkedHashMap<>();
    quantiles.put("p01", Double.NEGATIVE_INFINITY);
    quantiles.put("p50", 2.0);
    Report.ColumnSummary summary = new Report.ColumnSummary(2, 0, 0, 0, Double.POSITIVE_INFINITY, NA, 1, 3,
        quantiles, NA, NA, null, null);
    Report report = new Report(Report.SCHEMA_VERSION, "skewcheck", Verdict.OK, null, Map.of(), List.of(), null, Map.of(),
        List.of(), List.of(new Report.ColumnReport("x", "x", "feature", "numeric", summary, null,
            Report.ColumnDrift.untested("only in train"), List.of())), SkewConfig.defaults().drift());

    JsonNode train = json(report).get("columns").get(0).get("train");
    assertThat(train.get("mean").isNull()).isTrue();
    assertThat(train.get("stddev").isNull()).isTrue();
    assertThat(train.get("min").asDouble()).isEqualTo(1.0);
    assertThat(train.get("quantiles").get("p01").isNull()).isTrue();
    assertThat(train.get("quantiles").get("p50").asDouble()).isEqualTo(2.0);
    assertThat(train.get("distinct").isNull()).isTrue();
  }

  @Test
  void writeMatchesToBytesAndIsCompact() throws IOException {
    SplittableRandom random = new SplittableRandom(401);
    DatasetProfile train = new Table(200).normal("IQ_a", 0, random).profile("train");
    DatasetProfile predict = new Table(20).normal("IQ_a", 0, random).profile("predict");
    Report report = CompareProfiles.with(SkewConfig.defaults()).compare(train, predict);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportJson.write(report, out);
    assertThat(out.toByteArray()).isEqualTo(ReportJson.toBytes(report));
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"schemaVersion\":1,\"tool\":\"skewcheck\",")
        .doesNotContain("\n");
  }

  private static JsonNode column(JsonNode root, String name) {
    for (JsonNode c : root.get("columns")) {
      if (c.get("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no column " + name);
  }

  private static JsonNode prefix(JsonNode root, String name) {
    for (JsonNode p : root.get("prefixes")) {
      if (p.get("prefix").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no prefix " + name);
  }
}
