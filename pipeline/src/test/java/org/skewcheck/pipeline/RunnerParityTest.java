package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled demo job (data, config and model as in the README's first command) gives the same
 * report.json, to 1e-9 relative in every figure and in the same list order, and byte-identical
 * scores.csv on the DirectRunner and on embedded Flink at parallelism 1 and 2.
 */
class RunnerParityTest {
  private static final double TOLERANCE = 1e-9;

  @TempDir
  static Path out;
  static SkewCheckRunner direct;

  @BeforeAll
  static void runDirect() {
    direct = demo(out.resolve("direct"), "--runner=DirectRunner");
    assertThat(direct.exitCode()).as(direct.err()).isEqualTo(SkewCheck.FINDINGS);
  }

  @Test
  void flinkAtParallelismOneMatchesTheDirectRunner() throws Exception {
    assertSameOutputs(demo(out.resolve("flink1"), "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=1"));
  }

  @Test
  void flinkAtParallelismTwoMatchesTheDirectRunner() throws Exception {
    assertSameOutputs(demo(out.resolve("flink2"), "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"));
  }

  private static void assertSameOutputs(SkewCheckRunner flink) throws Exception {
    assertThat(flink.exitCode()).as(flink.err()).isEqualTo(direct.exitCode());
    JsonNode report = flink.report();
    assertThat(report.path("provenance").path("runner").asText()).isEqualTo("FlinkRunner");
    assertThat(ReportDiff.between(direct.report(), report, TOLERANCE)).isEmpty();
    assertThat(flink.output().resolve("scores.csv")).hasSameBinaryContentAs(direct.output().resolve("scores.csv"));
    assertThat(Files.readAllLines(flink.output().resolve("scores.csv"))).hasSize(61).first().isEqualTo("id,score");
  }

  private static SkewCheckRunner demo(Path output, String... runner) {
    String[] args = new String[runner.length + 4];
    args[0] = "--train=" + Path.of("..", "demo", "train.csv").toAbsolutePath();
    args[1] = "--predict=" + Path.of("..", "demo", "predict").toAbsolutePath();
    args[2] = "--config=" + SkewCheckRunner.config("joot.yaml");
    args[3] = "--model=" + Path.of("..", "demo", "model.json").toAbsolutePath();
    System.arraycopy(runner, 0, args, 4, runner.length);
    return SkewCheckRunner.run(output, args);
  }
}
