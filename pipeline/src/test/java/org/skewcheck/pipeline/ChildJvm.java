package org.skewcheck.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A JVM started with this test's own {@code java}, its stdout and stderr in one log file, stopped
 * by its process id together with every process it started.
 *
 * <pre>
 * try (ChildJvm jvm = ChildJvm.start(dir, log, List.of("-jar", "app.jar"))) {
 *   int code = jvm.waitFor(Duration.ofMinutes(1));
 * }
 * </pre>
 */
final class ChildJvm implements AutoCloseable {
  private static final Duration GRACE = Duration.ofSeconds(20);
  private final Process process;
  private final Path log;
  private final List<ProcessHandle> stopped = new ArrayList<>();

  private ChildJvm(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code java ARGS} in {@code workDir}, appending its output to {@code log}. */
  static ChildJvm start(Path workDir, Path log, List<String> args) throws IOException {
    return start(workDir, log, args, environment -> { });
  }

  /** {@link #start(Path, Path, List)} with this JVM's environment as {@code edit} changes it. */
  static ChildJvm start(Path workDir, Path log, List<String> args, Consumer<Map<String, String>> edit)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(args);
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    edit.accept(builder.environment());
    return new ChildJvm(builder.start(), log);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, as {@code kill -9} or the kernel's out-of-memory killer would: no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** The exit code; an AssertionError with the log's tail when it runs longer than {@code timeout}. */
  int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("pid " + pid() + " still running after " + timeout + "\n" + tail(40));
    }
    return process.exitValue();
  }

  /** The last {@code lines} lines of the log, headed by its path. */
  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "--- " + log + " (last " + lines + " lines)\n"
          + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "--- " + log + " cannot be read: " + e.getMessage();
    }
  }

  /**
   * Stops the JVM and its descendants: SIGTERM first, so Flink's shutdown hooks remove their
   * temporary folders, then SIGKILL for whatever still runs after a grace period, or at once when
   * this thread is interrupted (the interrupt is kept for the caller).
   */
  @Override
  public void close() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    stopped.addAll(tree);
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + GRACE.toNanos();
    for (ProcessHandle p : tree) {
      try {
        p.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException | TimeoutException e) {
        p.destroyForcibly();
      } catch (InterruptedException e) {
        tree.forEach(ProcessHandle::destroyForcibly);
        Thread.currentThread().interrupt();
        return;
      }
    }
    tree.forEach(p -> p.onExit().join());
  }

  /** The ids of this JVM and the descendants it had when stopped that still run: none, once closed. */
  List<Long> survivors() {
    List<ProcessHandle> tree = stopped.isEmpty() ? List.of(process.toHandle()) : stopped;
    return tree.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
  }
}
