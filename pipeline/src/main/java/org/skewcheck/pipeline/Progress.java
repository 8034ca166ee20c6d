package org.skewcheck.pipeline;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.skewcheck.transforms.DatasetFiles;
import org.skewcheck.transforms.ReadProgress;

/**
 * The progress line of a long run. While the pipeline runs, a daemon thread prints to stderr, every
 * {@link #INTERVAL}, the bytes and rows the readers of this JVM have read ({@link ReadProgress}) out of
 * the input bytes known at start, the rate and an estimate of the time left; once every byte is read it
 * says so once. Its lines start with {@code skewcheck progress:}, apart from the one line that says why
 * a failed run failed. A run shorter than one interval prints nothing. On a terminal the line is redrawn in
 * place with '\r'; otherwise (a log file, a scheduler) each tick is one plain line. On a remote cluster
 * the readers run elsewhere, nothing is counted here, and the line says the time left is unknown.
 *
 * <pre>{@code
 * Progress progress = Progress.start(inputs, System.err);
 * try {
 *   pipeline.run().waitUntilFinish();
 * } finally {
 *   progress.stop();
 * }
 * }</pre>
 */
final class Progress {
  static final Duration INTERVAL = Duration.ofSeconds(5);
  private static final double MB = 1 << 20;

  private final long totalBytes;
  private final PrintStream err;
  private final boolean terminal;
  private final Duration interval;
  private final LongSupplier nanoClock;
  private final long startNanos;
  private final Thread thread;
  private boolean doneShown;
  private int drawnLength = -1;

  Progress(long totalBytes, PrintStream err, boolean terminal, Duration interval, LongSupplier nanoClock) {
    this.totalBytes = totalBytes;
    this.err = err;
    this.terminal = terminal;
    this.interval = interval;
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
    this.thread = new Thread(this::loop, "skewcheck-progress");
    thread.setDaemon(true);
  }

  /**
   * Starts counting this run's reads from zero and the thread that reports them to {@code err}. The
   * total is the bytes of the files this run reads: with a saved training profile, predict's only.
   */
  static Progress start(SkewCheckPipeline.Inputs inputs, PrintStream err) {
    long total = inputs.predictFiles().stream().mapToLong(DatasetFiles.File::sizeBytes).sum();
    if (inputs.savedTrain() == null) {
      total += inputs.trainFiles().stream().mapToLong(DatasetFiles.File::sizeBytes).sum();
    }
    ReadProgress.reset();
    // System.console() is null unless the JVM runs in a terminal; output captured by a caller is never one
    Progress progress = new Progress(total, err, err == System.err && System.console() != null, INTERVAL,
        System::nanoTime);
    progress.start();
    return progress;
  }

  void start() {
    thread.start();
  }

  /** Stops the thread; on a terminal, ends the redrawn line so that what follows starts on its own. */
  void stop() {
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (terminal && drawnLength >= 0) {
      err.println();
    }
  }

  private void loop() {
    try {
      while (true) {
        Thread.sleep(interval.toMillis());
        tick(ReadProgress.bytes(), ReadProgress.rows());
      }
    } catch (InterruptedException e) {
      // stop() ends the loop
    }
  }

  /** Reports {@code bytes} and {@code rows} read so far; after the line that says reading is done, nothing. */
  void tick(long bytes, long rows) {
    if (doneShown) {
      return;
    }
    doneShown = bytes >= totalBytes;
    print(line(bytes, rows, Duration.ofNanos(nanoClock.getAsLong() - startNanos)));
  }

  private String line(long bytes, long rows, Duration elapsed) {
    if (bytes >= totalBytes) {
      return String.format(Locale.ROOT, "skewcheck progress: reading done (%s, %,d rows in %s), comparing…",
          size(bytes), rows, time(elapsed.toSeconds()));
    }
    double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
    String left = bytes == 0 ? "time left unknown"
        : "about " + time(Math.round(seconds * (totalBytes - bytes) / bytes)) + " left";
    return String.format(Locale.ROOT, "skewcheck progress: read %s of %s (%d%%), %,d rows; %.1f MB/s, %,d rows/s; %s",
        size(bytes), size(totalBytes), bytes * 100 / totalBytes, rows, bytes / MB / seconds,
        Math.round(rows / seconds), left);
  }

  private void print(String line) {
    if (terminal) {
      // pad over the longer line drawn before, so none of its tail stays on screen
      err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
      err.flush();
      drawnLength = line.length();
    } else {
      err.println(line);
    }
  }

  private static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double value = bytes / 1024.0;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  private static String time(long seconds) {
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
  }
}
