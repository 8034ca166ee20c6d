package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code --help} and {@code --version}: what they print, and exit 0 without running anything. */
class HelpAndVersionTest {
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SkewCheck.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpPrintsSkewchecksOptionsWithTheirDescriptionsBeforeTheRunnersOptions() {
    Run run = run("--help");

    assertThat(run.code()).isZero();
    assertThat(run.err()).isEmpty();
    String out = run.out();
    int runnerPart = out.indexOf("Runner options:");
    assertThat(runnerPart).isPositive();
    assertThat(CommandHelp.options()).hasSize(11).allSatisfy(o -> {
      int at = out.indexOf("  --" + o.name() + "=VALUE");
      assertThat(at).as(o.name()).isPositive().isLessThan(runnerPart);
      String described = out.substring(at).lines().skip(1).takeWhile(l -> l.startsWith("      "))
          .map(String::strip).collect(Collectors.joining(" "));
      assertThat(described).as(o.name()).isEqualTo(o.description());
    });
    assertThat(out).contains("--predict=VALUE (required)").contains("--failOn=VALUE (default: error)")
        .contains("--gcsConnectAttempts=VALUE (default: 3)")
        .contains("--help=FlinkPipelineOptions").contains("  DirectOptions\n").contains("  FlinkPipelineOptions\n");
    assertThat(out.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
  }

  @Test
  void helpWithANamePrintsThatOptionSet() {
    Run run = run("--help=DirectOptions");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("org.apache.beam.runners.direct.DirectOptions").contains("--targetParallelism");
  }

  @Test
  void helpWithAnUnknownNameIsExitTwo() {
    Run run = run("--help=NoSuchOptions");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("skewcheck: --help=NoSuchOptions: no such options; --help lists them");
  }

  @Test
  void versionPrintsTheBuildsVersion() throws IOException {
    Properties built = new Properties();
    try (InputStream in = HelpAndVersionTest.class.getResourceAsStream("/skewcheck-version.properties")) {
      built.load(in);
    }
    Run run = run("--version", "--predict=ignored");

    assertThat(run.code()).isZero();
    assertThat(built.getProperty("version")).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(run.out()).isEqualTo("skewcheck " + built.getProperty("version") + "\n");
    assertThat(run.err()).isEmpty();
  }
}
