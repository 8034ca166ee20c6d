package org.skewcheck.validation.stats;

/** How a number is written in categories, messages and figures' text. */
public final class Numbers {
  private Numbers() {}

  /**
   * {@code x} as a person writes it: an integer without a decimal point ({@code 3}, {@code -12}),
   * any other value as Java's shortest round-tripping decimal ({@code 1.5}, {@code 1.0E-4}).
   */
  public static String plain(double x) {
    return x == Math.rint(x) && Math.abs(x) < 0x1p53 ? Long.toString((long) x) : Double.toString(x);
  }
}
