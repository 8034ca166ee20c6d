package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line, driven tick by tick on a fake clock: nothing here sleeps or is timed. */
class ProgressTest {
  private static final long MB = 1 << 20;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong nanos = new AtomicLong();

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void notATerminalGetsOnePlainLinePerTickWithRateAndTimeLeft() {
    Progress progress = new Progress(100 * MB, err, false, Progress.INTERVAL, nanos::get);

    nanos.set(Duration.ofSeconds(5).toNanos());
    progress.tick(25 * MB, 1_000_000);
    nanos.set(Duration.ofSeconds(10).toNanos());
    progress.tick(50 * MB, 2_000_000);

    assertThat(printed()).doesNotContain("\r").isEqualTo(
        "skewcheck progress: read 25.0 MB of 100.0 MB (25%), 1,000,000 rows; 5.0 MB/s, 200,000 rows/s; "
            + "about 15 s left\n"
            + "skewcheck progress: read 50.0 MB of 100.0 MB (50%), 2,000,000 rows; 5.0 MB/s, 200,000 rows/s; "
            + "about 10 s left\n");
  }

  @Test
  void onceEverythingIsReadItSaysSoOnceInsteadOfATimeLeft() {
    Progress progress = new Progress(3L << 30, err, false, Progress.INTERVAL, nanos::get);

    nanos.set(Duration.ofSeconds(65).toNanos());
    progress.tick(1L << 30, 10_000_000);
    nanos.set(Duration.ofSeconds(200).toNanos());
    progress.tick(3L << 30, 30_000_000);
    progress.tick(3L << 30, 30_000_000);

    assertThat(printed().lines()).containsExactly(
        "skewcheck progress: read 1.0 GB of 3.0 GB (33%), 10,000,000 rows; 15.8 MB/s, 153,846 rows/s; "
            + "about 2 min 10 s left",
        "skewcheck progress: reading done (3.0 GB, 30,000,000 rows in 3 min 20 s), comparing…");
  }

  @Test
  void nothingCountedYetLeavesTheTimeLeftUnknown() {
    Progress progress = new Progress(5000, err, false, Progress.INTERVAL, nanos::get);
    nanos.set(Duration.ofSeconds(5).toNanos());
    progress.tick(0, 0);
    assertThat(printed())
        .isEqualTo("skewcheck progress: read 0 B of 4.9 KB (0%), 0 rows; 0.0 MB/s, 0 rows/s; time left unknown\n");
  }

  @Test
  void aTerminalRedrawsOneLineAndEndsItWhenStopped() {
    Progress progress = new Progress(100 * MB, err, true, Progress.INTERVAL, nanos::get);
    nanos.set(Duration.ofSeconds(5).toNanos());
    progress.tick(10 * MB, 100);
    nanos.set(Duration.ofSeconds(50).toNanos());
    progress.tick(100 * MB, 1000);
    progress.stop();

    String first = "skewcheck progress: read 10.0 MB of 100.0 MB (10%), 100 rows; 2.0 MB/s, 20 rows/s; about 45 s left";
    String done = "skewcheck progress: reading done (100.0 MB, 1,000 rows in 50 s), comparing…";
    assertThat(printed()).isEqualTo("\r" + first + "\r" + done + " ".repeat(first.length() - done.length()) + "\n");
  }

  @Test
  void aRunShorterThanOneIntervalPrintsNothing() {
    Progress progress = new Progress(100 * MB, err, true, Duration.ofHours(1), nanos::get);
    progress.start();
    progress.stop();
    assertThat(printed()).isEmpty();
  }
}
