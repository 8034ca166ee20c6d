package org.skewcheck.pipeline;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tries something that may fail or hang (getting a cloud storage's credentials) at most a given
 * number of times within a given time, waiting 1 s, 2 s, 4 s… between tries and never past the
 * deadline. Each try runs on a daemon thread: one still running at the deadline is abandoned, so a
 * lookup that hangs can hold neither the run nor the process.
 *
 * <pre>
 * try {
 *   BoundedAttempts.run(3, Duration.ofSeconds(20), () -&gt; storage.connect(options));
 * } catch (BoundedAttempts.Exhausted e) {
 *   // e.tries(), e.took(), e.getCause(): the last try's failure
 * }
 * </pre>
 */
final class BoundedAttempts {
  private static final Duration FIRST_WAIT = Duration.ofSeconds(1);

  private BoundedAttempts() {}

  /** One try; it fails by throwing. */
  interface Attempt {
    void run() throws Exception;
  }

  /**
   * Every try failed, or the time ran out. The cause is the last failure seen: a try's, or a
   * {@link TimeoutException} when the only try was still running at the deadline.
   */
  static final class Exhausted extends Exception {
    private final int tries;
    private final Duration took;
    private final boolean cutOff;

    Exhausted(int tries, Duration took, boolean cutOff, Throwable cause) {
      super(cause);
      this.tries = tries;
      this.took = took;
      this.cutOff = cutOff;
    }

    int tries() {
      return tries;
    }

    Duration took() {
      return took;
    }

    /** Whether the last try was still running at the deadline, and was abandoned. */
    boolean cutOff() {
      return cutOff;
    }
  }

  /**
   * Runs {@code attempt} until a try succeeds, {@code attempts} tries have failed, or {@code total}
   * has passed; the next try is not started when the wait before it would pass the deadline.
   */
  static void run(int attempts, Duration total, Attempt attempt) throws Exhausted {
    long start = System.nanoTime();
    long deadline = start + total.toNanos();
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "skewcheck-bounded-attempt");
      t.setDaemon(true);
      return t;
    });
    int tries = 0;
    Throwable last = null;
    boolean cutOff = false;
    Duration wait = FIRST_WAIT;
    try {
      while (tries < attempts) {
        tries++;
        Future<Void> running = executor.submit(() -> {
          attempt.run();
          return null;
        });
        try {
          running.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          return;
        } catch (ExecutionException e) {
          last = e.getCause();
        } catch (TimeoutException e) {
          running.cancel(true);
          cutOff = true;
          if (last == null) {
            last = new TimeoutException("no answer within " + total.toSeconds() + " s");
          }
          break;
        }
        if (tries == attempts || System.nanoTime() + wait.toNanos() >= deadline) {
          break;
        }
        Thread.sleep(wait.toMillis());
        wait = wait.multipliedBy(2);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      last = e;
    } finally {
      executor.shutdownNow();
    }
    throw new Exhausted(tries, Duration.ofNanos(System.nanoTime() - start), cutOff, last);
  }
}
