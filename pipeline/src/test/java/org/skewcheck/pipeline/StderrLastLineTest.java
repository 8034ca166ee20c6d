package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the real process, a failed run's reason is stderr's last line, after the log lines that share
 * stderr with it, and stdout stays empty: what a scheduler that keeps the last line shows.
 */
class StderrLastLineTest {
  @Test
  void aFailedRunsReasonIsTheLastLineOnStderr(@TempDir Path dir) throws IOException, InterruptedException {
    Path train = Files.writeString(dir.resolve("train.csv"), ",IQ_a\nt1,1\nt2,2\n");
    Path predict = Files.writeString(dir.resolve("predict.csv"), ",IQ_a\n");
    Path stdout = dir.resolve("stdout.txt");
    Path stderr = dir.resolve("stderr.txt");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SkewCheck.class.getName(), "--train=" + train,
        "--predict=" + predict, "--output=" + dir.resolve("out"))
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    try {
      assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("finished").isTrue();
    } finally {
      process.destroyForcibly();
    }

    List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(String.join("\n", lines)).isEqualTo(2);
    assertThat(lines).as("the log shares stderr").anySatisfy(l -> assertThat(l).contains(" INFO "));
    assertThat(lines).last().isEqualTo("skewcheck: predict has no readable rows in " + predict + ": empty or only a header");
    assertThat(Files.readString(stdout)).isEmpty();
  }
}
