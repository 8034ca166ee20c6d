package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's demo run gives the report pinned in {@code golden/demo-report.json}: every figure
 * equal to 1e-9 relative, every text, list and order the same; only {@code provenance} (paths,
 * times, run id) is left out. A change to what the report says fails here; when the change is
 * meant, write the new golden file by running this class's {@code main} from the pipeline folder
 * with the test resources folder ({@code src/test/resources}).
 */
class DemoReportTest {
  private static final String GOLDEN = "golden/demo-report.json";
  private static final double TOLERANCE = 1e-9;

  /** The demo run's report.json, without its provenance. */
  private static JsonNode demoReport(Path out) throws IOException {
    SkewCheckRunner run = SkewCheckRunner.run(out, "--train=../demo/train.csv", "--predict=../demo/predict",
        "--config=" + SkewCheckRunner.config("joot.yaml"), "--model=../demo/model.json", "--failOn=never");
    assertThat(run.exitCode()).as(run.err()).isZero();
    ObjectNode report = (ObjectNode) run.report();
    report.remove("provenance");
    return report;
  }

  @Test
  void theDemoRunGivesThePinnedReport(@TempDir Path out) throws IOException {
    JsonNode golden;
    try (InputStream in = DemoReportTest.class.getClassLoader().getResourceAsStream(GOLDEN)) {
      assertThat(in).as(GOLDEN).isNotNull();
      golden = JsonMapper.builder().build().readTree(in);
    }
    assertThat(ReportDiff.between(golden, demoReport(out), TOLERANCE))
        .as("the demo's report changed; if that is meant, write the golden file again (see the class comment)")
        .isEmpty();
  }

  /** Writes the golden file into the test resources folder {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Path out = Files.createTempDirectory("skewcheck-demo-report");
    Path file = Path.of(args[0]).resolve(GOLDEN);
    Files.createDirectories(file.getParent());
    JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), demoReport(out));
  }
}
