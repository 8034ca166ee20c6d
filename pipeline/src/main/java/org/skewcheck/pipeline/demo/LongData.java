package org.skewcheck.pipeline.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Deterministic generator of "long" data for the long-data benchmark ({@code bench/long.sh}): millions
 * of rows and only four columns, shaped like flight-delay data, as {@code DIR/train.csv} (N rows) and
 * {@code DIR/predict.csv} (100,000 rows drawn from the same distribution with another seed). The
 * files are the same bytes on every run and every JDK.
 *
 * <pre>
 * java -cp pipeline/target/skewcheck.jar org.skewcheck.pipeline.demo.LongData target/bench-long-3m 3000000
 * </pre>
 *
 * <p>The header is {@code ,DEP_delay,DIST_miles,TAXI_out,CARRIER_code}: the unnamed first column is
 * the row id ({@code t1, t2, ...} in train, {@code p1, p2, ...} in predict) and the default prefix
 * rule gives each column its own family ({@code DEP}, {@code DIST}, {@code TAXI}, {@code CARRIER}).
 * Per row:
 *
 * <ul>
 *   <li>{@code DEP_delay}: departure delay in minutes, two decimals, lognormal shifted down so that
 *       about half the flights leave early (negative), with a long tail of late ones; the carrier
 *       moves its median;
 *   <li>{@code DIST_miles}: an integer from 100 to 3,000, short flights a little more frequent;
 *   <li>{@code TAXI_out}: minutes of taxi-out, a small integer (lognormal, median about 14);
 *   <li>{@code CARRIER_code}: one of 12 airline codes, the largest about 19% of the rows and the
 *       smallest 2.5%.
 * </ul>
 *
 * <p>About 2% of the rows repeat one of the 256 rows before them in every column but the id (a record
 * sent twice); other repeats are rare coincidences.
 */
public final class LongData {

  /** Rows of predict.csv, whatever the train size. */
  public static final int PREDICT_ROWS = 100_000;
  private static final long TRAIN_SEED = 20_190_101L;
  private static final long PREDICT_SEED = 20_190_102L;
  private static final String HEADER = ",DEP_delay,DIST_miles,TAXI_out,CARRIER_code\n";
  private static final String[] CARRIERS = {
    "WN", "DL", "AA", "OO", "UA", "YX", "MQ", "B6", "9E", "AS", "OH", "NK"
  };
  private static final double[] CARRIER_SHARE = {
    0.19, 0.14, 0.13, 0.11, 0.09, 0.065, 0.06, 0.05, 0.045, 0.04, 0.035, 0.035
  };
  /** Added to log(delay + shift): some carriers run later than others. */
  private static final double[] CARRIER_DELAY = {
    0.05, -0.1, 0.0, 0.1, 0.0, -0.05, 0.1, 0.2, -0.05, -0.15, 0.05, 0.25
  };
  private static final double DUPLICATE_SHARE = 0.02;
  private static final int RECENT = 256;
  private static final int BUFFER = 1 << 20;

  private LongData() {}

  /** Writes dir/train.csv with {@code trainRows} rows and dir/predict.csv with 100,000. Creates dir. */
  public static void write(Path dir, long trainRows) throws IOException {
    if (trainRows < 1) {
      throw new IllegalArgumentException("need trainRows >= 1, not " + trainRows);
    }
    Files.createDirectories(dir);
    writeFile(dir.resolve("train.csv"), 't', trainRows, TRAIN_SEED);
    writeFile(dir.resolve("predict.csv"), 'p', PREDICT_ROWS, PREDICT_SEED);
  }

  /** CLI: LongData OUTPUT_DIR TRAIN_ROWS */
  public static void main(String[] args) throws Exception {
    long rows = -1;
    if (args.length == 2) {
      try {
        rows = Long.parseLong(args[1]);
      } catch (NumberFormatException e) {
        rows = -1;
      }
    }
    if (rows < 1) {
      System.err.println("usage: LongData OUTPUT_DIR TRAIN_ROWS   (TRAIN_ROWS >= 1; predict.csv gets "
          + PREDICT_ROWS + " rows)");
      System.exit(2);
    }
    long start = System.nanoTime();
    write(Path.of(args[0]), rows);
    System.out.printf(Locale.ROOT, "wrote %d train + %d predict rows to %s in %d ms%n",
        rows, PREDICT_ROWS, args[0], (System.nanoTime() - start) / 1_000_000);
  }

  private static void writeFile(Path file, char idLetter, long rows, long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] carrierCumulative = cumulative(CARRIER_SHARE);
    // The last RECENT rows' cells, so that a repeat can copy one of them.
    long[] delays = new long[RECENT];
    int[] distances = new int[RECENT];
    int[] taxis = new int[RECENT];
    int[] carriers = new int[RECENT];
    try (OutputStream os = Files.newOutputStream(file)) {
      AsciiOut out = new AsciiOut(os);
      out.text(HEADER);
      for (long i = 1; i <= rows; i++) {
        int slot = (int) (i % RECENT);
        if (i > RECENT && rnd.nextDouble() < DUPLICATE_SHARE) {
          int from = (int) ((i - 1 - rnd.nextInt(RECENT)) % RECENT);
          delays[slot] = delays[from];
          distances[slot] = distances[from];
          taxis[slot] = taxis[from];
          carriers[slot] = carriers[from];
        } else {
          int carrier = pick(carrierCumulative, rnd.nextDouble());
          // One Box-Muller pair on StrictMath (nextGaussian() is JDK-specific): delay, then taxi.
          double radius = StrictMath.sqrt(-2 * StrictMath.log(1 - rnd.nextDouble()));
          double angle = 2 * Math.PI * rnd.nextDouble();
          double delay = StrictMath.exp(2.5 + CARRIER_DELAY[carrier] + 0.95 * radius * StrictMath.cos(angle)) - 12;
          long taxi = Math.round(StrictMath.exp(2.65 + 0.4 * radius * StrictMath.sin(angle)));
          double u = rnd.nextDouble();
          delays[slot] = Math.round(delay * 100);
          distances[slot] = 100 + (int) (2901 * u * (0.75 + 0.25 * u)); // density 4/3 at 100, 4/5 at 3,000
          taxis[slot] = (int) Math.max(1, Math.min(180, taxi));
          carriers[slot] = carrier;
        }
        out.ascii(idLetter).number(i).ascii(',');
        out.hundredths(delays[slot]).ascii(',');
        out.number(distances[slot]).ascii(',');
        out.number(taxis[slot]).ascii(',');
        out.text(CARRIERS[carriers[slot]]).ascii('\n');
      }
      out.flush();
    }
  }

  private static double[] cumulative(double[] shares) {
    double total = 0;
    for (double s : shares) total += s;
    double[] cumulative = new double[shares.length];
    double sum = 0;
    for (int i = 0; i < shares.length; i++) {
      sum += shares[i];
      cumulative[i] = sum / total;
    }
    return cumulative;
  }

  private static int pick(double[] cumulative, double u) {
    int i = 0;
    while (i < cumulative.length - 1 && u >= cumulative[i]) i++;
    return i;
  }

  /** ASCII straight into a byte buffer: a Writer's char encoding per cell would dominate the run. */
  private static final class AsciiOut {
    private final OutputStream os;
    private final byte[] buf = new byte[BUFFER];
    private final byte[] digits = new byte[20];
    private int pos;

    AsciiOut(OutputStream os) {
      this.os = os;
    }

    AsciiOut ascii(char c) throws IOException {
      if (pos == buf.length) flush();
      buf[pos++] = (byte) c;
      return this;
    }

    AsciiOut text(String s) throws IOException {
      byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
      if (buf.length - pos < bytes.length) flush();
      System.arraycopy(bytes, 0, buf, pos, bytes.length);
      pos += bytes.length;
      return this;
    }

    /** A long in decimal. */
    AsciiOut number(long n) throws IOException {
      if (buf.length - pos < 21) flush();
      if (n < 0) {
        buf[pos++] = '-';
        n = -n;
      }
      int d = 0;
      do {
        digits[d++] = (byte) ('0' + n % 10);
        n /= 10;
      } while (n > 0);
      while (d > 0) buf[pos++] = digits[--d];
      return this;
    }

    /** cents/100 with two decimals, trailing zeros trimmed: 1234 → 12.34, -50 → -0.5, 700 → 7. */
    AsciiOut hundredths(long cents) throws IOException {
      if (cents < 0) {
        ascii('-');
        cents = -cents;
      }
      number(cents / 100);
      long fraction = cents % 100;
      if (fraction != 0) {
        ascii('.').ascii((char) ('0' + fraction / 10));
        if (fraction % 10 != 0) ascii((char) ('0' + fraction % 10));
      }
      return this;
    }

    void flush() throws IOException {
      os.write(buf, 0, pos);
      pos = 0;
    }
  }
}
