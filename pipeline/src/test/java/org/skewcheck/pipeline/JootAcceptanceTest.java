package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ml.dmlc.xgboost4j.java.Booster;
import org.skewcheck.pipeline.demo.JootData;
import org.skewcheck.pipeline.demo.TrainModel;
import org.skewcheck.validation.report.ReportHtml;

/**
 * The acceptance test on Joot-sized data (5,026 train rows, 100 one-row predict files, 3,923
 * features) with configs/joot.yaml: the empty lagged-engagement family is the top error, the
 * universalized families are info, and image families raise nothing when predict comes from the
 * train distribution.
 */
class JootAcceptanceTest {
  private static final Set<String> UNIVERSALIZED = Set.of("U", "_Dy", "_Dm", "_Ddow", "_Dh", "_dateR");
  private static final Set<String> IMAGE = Set.of("WI", "BG", "FG", "SAL", "IQ");

  @Test
  void emptyLagsAreTheTopErrorAndUniversalizedFamiliesAreInfo(@TempDir Path data, @TempDir Path out)
      throws IOException {
    JootData.write(JootData.benchmark(), data);
    JsonNode report = runJoot(data, out);

    JsonNode top = report.path("findings").get(0);
    assertThat(top.path("severity").asText()).isEqualTo("error");
    assertThat(top.path("scope").asText()).isEqualTo("prefix");
    assertThat(top.path("target").asText()).isEqualTo("LG");
    JsonNode lg = prefix(report, "LG");
    assertThat(lg.path("predict").path("zeroFraction").asDouble()).isEqualTo(1.0);
    assertThat(lg.path("train").path("zeroFraction").asDouble()).isLessThan(0.1);

    for (JsonNode f : report.path("findings")) {
      String family = family(report, f);
      if (UNIVERSALIZED.contains(family)) {
        assertThat(f.path("severity").asText()).as(f.path("message").asText()).isEqualTo("info");
        assertThat(f.path("message").asText()).contains("expected.predict.constant");
      }
      if (IMAGE.contains(family)) {
        assertThat(f.path("severity").asText()).as(f.path("message").asText()).isEqualTo("info");
      }
    }
    assertThat(errorFamilies(report)).containsExactly("LG");
  }

  @Test
  void predictRowsFromTheTrainDistributionRaiseNoImageFinding(@TempDir Path data, @TempDir Path out)
      throws IOException {
    JootData.Shape same = JootData.benchmark();
    JootData.write(new JootData.Shape(same.trainRows(), same.predictRows(), same.features(), same.seed(), false), data);
    JsonNode report = runJoot(data, out);

    List<String> notInfo = new ArrayList<>();
    for (JsonNode f : report.path("findings")) {
      if (!f.path("severity").asText().equals("info")) {
        notInfo.add(f.path("message").asText());
      }
    }
    assertThat(notInfo).isEmpty();
    assertThat(report.path("verdict").asText()).isEqualTo("ok");
    long rareTagsAllZero = 0;
    for (JsonNode c : report.path("columns")) {
      if (c.path("prefix").asText().equals("WI") && c.path("predict").path("zeros").asLong() == 100) {
        rareTagsAllZero++;
      }
    }
    assertThat(rareTagsAllZero).as("many rare tags are all-zero in 100 rows, and that is no finding").isGreaterThan(500);
  }

  @Test
  void withAModelTrainedOnTheTrainPartLagsExplainTheScoreDrop(@TempDir Path data, @TempDir Path out)
      throws Exception {
    JootData.write(JootData.benchmark(), data);
    Booster booster = TrainModel.train(data.resolve("train.csv"), "target", 40);
    Path model = data.resolve("model.json");
    booster.saveModel(model.toString());
    booster.dispose();
    SkewCheckRunner run = runJootCommand(data, out, "--model=" + model);
    JsonNode report = run.report();

    // the console's top five: one line per cause, the LG columns counted on LG's line
    List<String> top = run.out().lines().filter(l -> l.startsWith("  ") && !l.startsWith("  report:")
        && !l.startsWith("  page:")).toList();
    assertThat(top).hasSize(5);
    assertThat(top.get(0)).contains("prefix  LG:").containsPattern("\\[\\+\\d+ column findings]");
    assertThat(top).anyMatch(l -> l.contains("score   mean score"));
    assertThat(top).noneMatch(l -> l.contains("column  LG_") && l.contains("zero fraction"));
    for (JsonNode f : report.path("findings")) {
      if (f.path("check").asText().equals("sparsity") && f.path("target").asText().startsWith("LG_")) {
        assertThat(f.path("explainedBy").path("target").asText()).as(f.path("message").asText()).isEqualTo("LG");
      }
    }

    JsonNode scores = report.path("scores");
    assertThat(scores.path("attribution").get(0).path("prefix").asText()).isEqualTo("LG");
    double scale = scores.path("train").path("stddev").asDouble();
    assertThat(Math.abs(scores.path("residual").asDouble())).as("SHAP identity, 1e-4 of the score scale")
        .isLessThan(1e-4 * scale);
    assertThat(report.path("findings").toString()).contains("LG explains");
  }

  private static JsonNode runJoot(Path data, Path out, String... extra) throws IOException {
    return runJootCommand(data, out, extra).report();
  }

  private static SkewCheckRunner runJootCommand(Path data, Path out, String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("--train=" + data.resolve("train.csv"),
        "--predict=" + data.resolve("predict"), "--config=" + SkewCheckRunner.config("joot.yaml"), "--failOn=never"));
    args.addAll(List.of(extra));
    SkewCheckRunner run = SkewCheckRunner.run(out, args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = run.report();
    assertThat(report.path("datasets").path("train").path("rows").asLong()).isEqualTo(5026);
    assertThat(report.path("datasets").path("predict").path("files").asLong()).isEqualTo(100);
    assertLightPage(out.resolve("report.html"), report);
    return run;
  }

  /** report.html stays under 2 MB on 3,923 columns, with a heatmap row per prefix and charts only for a few columns. */
  private static void assertLightPage(Path html, JsonNode report) throws IOException {
    assertThat(Files.size(html)).isLessThan(2_000_000);
    Document page = Jsoup.parse(html.toFile(), "UTF-8");
    assertThat(page.select("#heatmap tbody tr")).hasSize(report.path("prefixes").size());
    int causes = 0;
    for (JsonNode f : report.path("findings")) {
      causes += f.has("explainedBy") ? 0 : 1;
    }
    assertThat(page.select("#findings > tbody > tr")).as("one row per cause")
        .hasSize(Math.min(causes, ReportHtml.MAX_FINDINGS));
    assertThat(page.select("svg").size()).isPositive()
        .isLessThanOrEqualTo(report.path("prefixes").size() * ReportHtml.COLUMNS_PER_PREFIX + report.path("scores")
            .path("attribution").size());
  }

  private static List<String> errorFamilies(JsonNode report) {
    List<String> families = new ArrayList<>();
    for (JsonNode f : report.path("findings")) {
      String family = family(report, f);
      if (f.path("severity").asText().equals("error") && !families.contains(family)) {
        families.add(family);
      }
    }
    return families;
  }

  private static String family(JsonNode report, JsonNode finding) {
    if (finding.path("scope").asText().equals("prefix")) {
      return finding.path("target").asText();
    }
    for (JsonNode c : report.path("columns")) {
      if (c.path("name").asText().equals(finding.path("target").asText())) {
        return c.path("prefix").asText();
      }
    }
    return finding.path("target").asText();
  }

  private static JsonNode prefix(JsonNode report, String name) {
    for (JsonNode p : report.path("prefixes")) {
      if (p.path("prefix").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no prefix " + name);
  }
}
