package org.skewcheck.validation.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The moments of a column's numbers: how many, how many zeros, the extremes, the mean and the
 * central sums M2, M3 and M4 (the sums of (x − mean)², ³ and ⁴), from which the standard deviation,
 * skewness and excess kurtosis follow. A run of equal values is added with Welford's update
 * (Pébay's for the higher sums), a block of values in two passes, and two states merge with
 * Chan/Pébay's formulas, so one worker or a thousand give the same figures to rounding.
 *
 * <pre>{@code
 * Moments m = new Moments();
 * m.add(1.0, 1); m.add(3.0, 2);
 * m.mean();     // 2.333…
 * m.zeros();    // 0
 * }</pre>
 */
public final class Moments {
  private long count;
  private long zeros;
  private double mean;
  private double m2;
  private double m3;
  private double m4;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  /** Adds {@code n} copies of the finite value {@code x} (nothing when {@code n <= 0}). */
  public void add(double x, long n) {
    if (n <= 0) {
      return;
    }
    double na = count;
    double total = na + n;
    double delta = x - mean;
    double d2 = delta * delta;
    m4 += d2 * d2 * na * n * (na * na - na * n + (double) n * n) / (total * total * total)
        + 6 * d2 * ((double) n * n * m2) / (total * total)
        - 4 * delta * n * m3 / total;
    m3 += d2 * delta * na * n * (na - n) / (total * total) - 3 * delta * n * m2 / total;
    m2 += d2 * na * n / total;
    mean += delta * n / total;
    count += n;
    if (x == 0) {
      zeros += n;
    }
    if (x < min) {
      min = x;
    }
    if (x > max) {
      max = x;
    }
  }

  /**
   * Adds the values of {@code v[from, to)}, skipping NaN (missing) cells. The slice's moments are
   * computed in two passes and merged once, which is both faster and more accurate than an update
   * per value; a slice of nothing but zeros (most slices of a one-hot column) is one run.
   */
  public void addAll(double[] v, int from, int to) {
    long n = 0;
    long zeroRun = 0;
    double sum = 0;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = from; i < to; i++) {
      double x = v[i];
      if (Double.isNaN(x)) {
        continue;
      }
      n++;
      sum += x;
      if (x == 0) {
        zeroRun++;
      }
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    if (n == zeroRun) {
      add(0.0, zeroRun);
      return;
    }
    if (!Double.isFinite(sum)) {
      // the slice's sum overflows, so its mean is unknown: value by value instead
      for (int i = from; i < to; i++) {
        if (!Double.isNaN(v[i])) {
          add(v[i], 1);
        }
      }
      return;
    }
    double blockMean = sum / n;
    double b2 = 0;
    double b3 = 0;
    double b4 = 0;
    for (int i = from; i < to; i++) {
      double x = v[i];
      if (!Double.isNaN(x)) {
        double d = x - blockMean;
        double d2 = d * d;
        b2 += d2;
        b3 += d2 * d;
        b4 += d2 * d2;
      }
    }
    merge(n, blockMean, b2, b3, b4);
    zeros += zeroRun;
    min = Math.min(min, lo);
    max = Math.max(max, hi);
  }

  /** Folds {@code other} into this one; {@code other} is left unchanged. */
  public void merge(Moments other) {
    if (other.count == 0) {
      return;
    }
    merge(other.count, other.mean, other.m2, other.m3, other.m4);
    zeros += other.zeros;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
  }

  /** Folds the moments of {@code nb} values with these mean and central sums into these (Chan/Pébay). */
  private void merge(long nb, double meanB, double m2b, double m3b, double m4b) {
    if (count == 0) {
      count = nb;
      mean = meanB;
      m2 = m2b;
      m3 = m3b;
      m4 = m4b;
      return;
    }
    double na = count;
    double n = na + nb;
    double delta = meanB - mean;
    double d2 = delta * delta;
    double newM4 = m4 + m4b
        + d2 * d2 * na * nb * (na * na - na * nb + (double) nb * nb) / (n * n * n)
        + 6 * d2 * (na * na * m2b + (double) nb * nb * m2) / (n * n)
        + 4 * delta * (na * m3b - nb * m3) / n;
    double newM3 = m3 + m3b
        + d2 * delta * na * nb * (na - nb) / (n * n)
        + 3 * delta * (na * m2b - nb * m2) / n;
    m2 = m2 + m2b + d2 * na * nb / n;
    m3 = newM3;
    m4 = newM4;
    mean += delta * nb / n;
    count += nb;
  }

  /** How many values were added. */
  public long count() {
    return count;
  }

  /** How many of them were zero. */
  public long zeros() {
    return zeros;
  }

  /** Arithmetic mean; NaN when there are no values. */
  public double mean() {
    return count == 0 ? Double.NaN : mean;
  }

  /** Sample standard deviation (n − 1); NaN below two values. */
  public double stddev() {
    return count < 2 ? Double.NaN : Math.sqrt(m2 / (count - 1));
  }

  /** Sample skewness g1 = √n·M3 / M2^1.5; NaN when undefined. */
  public double skewness() {
    return count < 3 || m2 == 0 ? Double.NaN : Math.sqrt(count) * m3 / Math.pow(m2, 1.5);
  }

  /** Excess kurtosis g2 = n·M4 / M2² − 3; NaN when undefined. */
  public double excessKurtosis() {
    return count < 4 || m2 == 0 ? Double.NaN : count * m4 / (m2 * m2) - 3;
  }

  /** The smallest value; NaN when there are none. */
  public double min() {
    return count == 0 ? Double.NaN : min;
  }

  /** The largest value; NaN when there are none. */
  public double max() {
    return count == 0 ? Double.NaN : max;
  }

  /** Whether every value is the same (and there is at least one). */
  public boolean isConstant() {
    return count > 0 && min == max;
  }

  /** Writes the state: count and zeros (int64), then mean, M2, M3, M4, min and max (float64). */
  public void writeTo(DataOutput out) throws IOException {
    out.writeLong(count);
    out.writeLong(zeros);
    out.writeDouble(mean);
    out.writeDouble(m2);
    out.writeDouble(m3);
    out.writeDouble(m4);
    out.writeDouble(min);
    out.writeDouble(max);
  }

  /** Reads what {@link #writeTo} wrote. */
  public static Moments readFrom(DataInput in) throws IOException {
    Moments m = new Moments();
    m.count = in.readLong();
    m.zeros = in.readLong();
    m.mean = in.readDouble();
    m.m2 = in.readDouble();
    m.m3 = in.readDouble();
    m.m4 = in.readDouble();
    m.min = in.readDouble();
    m.max = in.readDouble();
    return m;
  }
}
