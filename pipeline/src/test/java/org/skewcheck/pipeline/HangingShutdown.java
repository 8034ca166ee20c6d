package org.skewcheck.pipeline;

/**
 * A process that would never end by itself: a non-daemon thread that never finishes and a shutdown
 * hook that never returns, then the command's {@code main} with the given arguments. What
 * {@link ExitCodesTest} waits for.
 */
final class HangingShutdown {
  private HangingShutdown() {}

  public static void main(String[] args) {
    new Thread(HangingShutdown::sleepForever, "lingering-worker").start();
    Runtime.getRuntime().addShutdownHook(new Thread(HangingShutdown::sleepForever, "hanging-hook"));
    SkewCheck.main(args);
  }

  private static void sleepForever() {
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
