package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skewcheck.pipeline.demo.JootData;

/**
 * report.html in a real browser: Debian's headless Chromium opens the report of the demo data and
 * of the Joot-sized data, and any console error, uncaught exception or failed load fails the test.
 * The demo's page is saved as {@code pipeline/target/report-screenshot.png}. Without Chromium the
 * tests are skipped, except under CI (env {@code CI} set), where that is a failure.
 */
class ReportInBrowserTest {
  private static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");
  private static final int WIDTH = 1280;

  @BeforeAll
  static void chromiumIsInstalled() {
    boolean installed = Files.isExecutable(HeadlessChromium.BINARY);
    if (!installed && System.getenv("CI") != null) {
      fail(HeadlessChromium.BINARY + " is missing on CI: .ci/run installs it (apt-get install chromium)");
    }
    assumeTrue(installed, "skipped: " + HeadlessChromium.BINARY + " is missing (apt-get install chromium)");
  }

  @Test
  void theDemoReportRendersWithoutErrors(@TempDir Path out, @TempDir Path browserDir) throws IOException,
      InterruptedException {
    SkewCheckRunner run = SkewCheckRunner.run(out, "--train=" + demo("train.csv"), "--predict=" + demo("predict"),
        "--config=" + SkewCheckRunner.config("joot.yaml"), "--model=" + demo("model.json"), "--failOn=never");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("report.html");

    try (HeadlessChromium browser = HeadlessChromium.start(browserDir)) {
      browser.open(out.resolve("report.html"));
      assertThat(browser.errors()).isEmpty();
      JsonNode heatmapRows = browser.evaluate("document.querySelectorAll('#heatmap tbody tr').length");
      assertThat(heatmapRows.asInt()).isEqualTo(run.report().path("prefixes").size());
      JsonNode chartWidth = browser.evaluate("document.querySelector('.col svg').getBoundingClientRect().width");
      assertThat(chartWidth.asDouble()).as("a histogram is laid out").isPositive();
      assertThat(browser.evaluate("document.querySelectorAll('#attribution svg').length").asInt()).isPositive();
      byte[] png = browser.screenshot(WIDTH);
      Files.createDirectories(SCREENSHOT.getParent());
      Files.write(SCREENSHOT, png);
      assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }
  }

  @Test
  void theJootSizedReportRendersWithoutErrors(@TempDir Path data, @TempDir Path out, @TempDir Path browserDir)
      throws IOException, InterruptedException {
    JootData.write(JootData.benchmark(), data);
    SkewCheckRunner run = SkewCheckRunner.run(out, "--train=" + data.resolve("train.csv"),
        "--predict=" + data.resolve("predict"), "--config=" + SkewCheckRunner.config("joot.yaml"), "--failOn=never");
    assertThat(run.exitCode()).as(run.err()).isZero();

    try (HeadlessChromium browser = HeadlessChromium.start(browserDir)) {
      long millis = browser.open(out.resolve("report.html"));
      assertThat(browser.errors()).isEmpty();
      assertThat(millis).as("load time in ms").isLessThan(10_000);
      assertThat(browser.evaluate("document.querySelectorAll('.col svg').length").asInt()).isPositive();
    }
  }

  @Test
  void consoleErrorsAndUncaughtExceptionsAreCaught(@TempDir Path pages, @TempDir Path browserDir)
      throws IOException, InterruptedException {
    Path page = pages.resolve("broken.html");
    Files.writeString(page, "<!DOCTYPE html><html><head><title>broken</title><link rel=\"icon\" href=\"data:,\">"
        + "</head><body><script>console.error('deliberate', 42);</script>"
        + "<script>throw new Error('boom');</script></body></html>");
    try (HeadlessChromium browser = HeadlessChromium.start(browserDir)) {
      browser.open(page);
      assertThat(browser.errors()).hasSize(2)
          .anySatisfy(e -> assertThat(e).isEqualTo("console.error: deliberate 42"))
          .anySatisfy(e -> assertThat(e).startsWith("uncaught: Error: boom"));
    }
  }

  @Test
  void aResourceThatFailsToLoadIsCaught(@TempDir Path pages, @TempDir Path browserDir)
      throws IOException, InterruptedException {
    Path page = pages.resolve("missing-image.html");
    Files.writeString(page, "<!DOCTYPE html><html><head><title>missing</title><link rel=\"icon\" href=\"data:,\">"
        + "</head><body><img src=\"no-such-file.png\" alt=\"\"></body></html>");
    try (HeadlessChromium browser = HeadlessChromium.start(browserDir)) {
      browser.open(page);
      assertThat(browser.errors()).singleElement().asString().startsWith("log (network)")
          .contains("no-such-file.png");
    }
  }

  private static String demo(String name) {
    return Path.of("..", "demo", name).toAbsolutePath().toString();
  }
}
