package org.skewcheck.pipeline.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Deterministic generator of "Joot-shaped" data: Instagram posts as rows and a few thousand mostly
 * sparse feature columns, as one training CSV plus one prediction CSV per post. The prediction side
 * reproduces the skew Joot had in production: account and date columns pinned by the
 * "universalizer", and lagged engagement that is not yet known when a post is scored.
 */
public final class JootData {

  private static final int ACCOUNTS = 7;
  private static final int PINNED_ACCOUNT = 3;
  private static final int[] YEARS = {2014, 2015, 2016};
  private static final String[] IQ_NAMES = {
    "Sharpness", "HSV_Value", "HSV_Saturation", "Brightness", "Contrast", "Colorfulness",
    "Noise", "Entropy", "Exposure", "Blur", "EdgeDensity"
  };
  private static final String[] LAG_KINDS = {"likes", "comments"};
  private static final double[] LAG_LOG_MEAN = {4, 2};
  private static final int LAGS = 7;
  private static final String[] COLOUR_FAMILIES = {"BG", "FG", "SAL"};
  private static final int FIXED_FEATURES =
      ACCOUNTS + YEARS.length + 12 + 7 + 24 + 1 + IQ_NAMES.length + LAG_KINDS.length * LAGS;
  private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  private JootData() {}

  /** Shape and seed of a generated data set. */
  public record Shape(int trainRows, int predictRows, int features, long seed, boolean predictLagsEmpty) {
    /** Rejects shapes too small to hold the fixed column families. */
    public Shape {
      if (trainRows < 1 || predictRows < 0 || features < FIXED_FEATURES) {
        throw new IllegalArgumentException(
            "need trainRows >= 1, predictRows >= 0, features >= " + FIXED_FEATURES);
      }
    }
  }

  /** A small data set that the demo pipeline processes in seconds. */
  public static Shape demo() {
    return new Shape(300, 60, 400, 7, true);
  }

  /** The size of the real Joot data: 5,026 training posts, 100 scored posts, 3,923 features. */
  public static Shape benchmark() {
    return new Shape(5026, 100, 3923, 42, true);
  }

  /** Writes dir/train.csv (one file) and dir/predict/ (one CSV file per prediction row). Creates dirs. */
  public static void write(Shape shape, Path dir) throws IOException {
    Path predictDir = dir.resolve("predict");
    Files.createDirectories(predictDir);
    // A smaller shape written over a larger one would otherwise leave stale posts in the data set.
    try (DirectoryStream<Path> stale = Files.newDirectoryStream(predictDir, "*.csv")) {
      for (Path file : stale) {
        Files.delete(file);
      }
    }
    SplittableRandom params = new SplittableRandom(shape.seed());
    Layout layout = new Layout(shape, params);
    // Separate streams, so the predict rows do not depend on how many train rows were drawn.
    SplittableRandom trainRnd = params.split();
    SplittableRandom predictRnd = params.split();
    StringBuilder row = new StringBuilder(1 << 14);
    try (BufferedWriter out =
        Files.newBufferedWriter(dir.resolve("train.csv"), StandardCharsets.UTF_8)) {
      out.write(layout.header("target"));
      for (int i = 1; i <= shape.trainRows(); i++) {
        row.setLength(0);
        pad(row.append('t'), i, 6);
        double signal = layout.appendFeatures(row, trainRnd, false, false);
        appendDecimal(row.append(','), signal + 0.5 * gaussian(trainRnd), 6, true);
        out.append(row.append('\n'));
      }
    }
    String predictHeader = layout.header("score");
    for (int i = 1; i <= shape.predictRows(); i++) {
      row.setLength(0);
      pad(row.append('p'), i, 4);
      double signal = layout.appendFeatures(row, predictRnd, true, shape.predictLagsEmpty());
      double score = 1 / (1 + StrictMath.exp(4 - signal - gaussian(predictRnd)));
      appendDecimal(row.append(','), Math.min(0.999999, Math.max(0.000001, score)), 6, true);
      // Spaces, '#' and '@' as in Joot's real export, to exercise file-name handling downstream.
      String name = pad(new StringBuilder("post #"), i, 4) + " @acct" + PINNED_ACCOUNT + ".csv";
      Files.writeString(predictDir.resolve(name), predictHeader + row.append('\n'), StandardCharsets.UTF_8);
    }
  }

  /** CLI: JootData OUTPUT_DIR [demo|benchmark|same-distribution]  (default demo) */
  public static void main(String[] args) throws Exception {
    String mode = args.length == 2 ? args[1] : "demo";
    Shape shape = args.length < 1 || args.length > 2 ? null : switch (mode) {
      case "demo" -> demo();
      case "benchmark" -> benchmark();
      case "same-distribution" -> {
        Shape b = benchmark();
        yield new Shape(b.trainRows(), b.predictRows(), b.features(), b.seed(), false);
      }
      default -> null;
    };
    if (shape == null) {
      System.err.println("usage: JootData OUTPUT_DIR [demo|benchmark|same-distribution]");
      System.exit(2);
    }
    long start = System.nanoTime();
    write(shape, Path.of(args[0]));
    System.out.printf(Locale.ROOT, "wrote %s to %s in %d ms%n",
        shape, args[0], (System.nanoTime() - start) / 1_000_000);
  }

  /** Column layout plus the per-column parameters that train and predict must share. */
  private static final class Layout {
    final int colours;
    final double[] iqMean = new double[IQ_NAMES.length];
    final double[] iqSd = new double[IQ_NAMES.length];
    final double[] tagRate;

    Layout(Shape shape, SplittableRandom rnd) {
      int remaining = shape.features() - FIXED_FEATURES;
      colours = (int) Math.round(0.05 * remaining);
      tagRate = new double[remaining - COLOUR_FAMILIES.length * colours];
      for (int i = 0; i < iqMean.length; i++) {
        iqMean[i] = rnd.nextDouble(0, 100);
        iqSd[i] = rnd.nextDouble(1, 20);
      }
      for (int i = 0; i < tagRate.length; i++) {
        double u = rnd.nextDouble();
        tagRate[i] = 0.4 * u * u * u; // cubed: like Joot's tag vocabulary, most tags are rare
      }
    }

    String header(String label) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < ACCOUNTS; i++) sb.append(",U_acct").append(i);
      for (int year : YEARS) sb.append(",_Dy_").append(year);
      for (int m = 1; m <= 12; m++) sb.append(",_Dm_").append(m);
      for (int d = 0; d < 7; d++) sb.append(",_Ddow_").append(d);
      for (int h = 0; h < 24; h++) sb.append(",_Dh_").append(h);
      sb.append(",_dateR");
      for (String name : IQ_NAMES) sb.append(",IQ_IQ_").append(name);
      for (String kind : LAG_KINDS) {
        for (int lag = 1; lag <= LAGS; lag++) sb.append(",LG_").append(kind).append('_').append(lag);
      }
      for (String family : COLOUR_FAMILIES) {
        for (int c = 1; c <= colours; c++) pad(sb.append(',').append(family).append("_c"), c, 3);
      }
      for (int t = 1; t <= tagRate.length; t++) pad(sb.append(",WI_tag"), t, 4);
      return sb.append(',').append(label).append('\n').toString();
    }

    /** Appends the feature cells of one row; returns the latent engagement its label is built on. */
    double appendFeatures(StringBuilder sb, SplittableRandom rnd, boolean predict, boolean lagsEmpty) {
      int account = predict ? PINNED_ACCOUNT : rnd.nextInt(ACCOUNTS);
      oneHot(sb, ACCOUNTS, account);
      oneHot(sb, YEARS.length, predict ? YEARS.length - 1 : rnd.nextInt(YEARS.length));
      oneHot(sb, 12, predict ? 5 : rnd.nextInt(12));
      oneHot(sb, 7, predict ? 2 : rnd.nextInt(7));
      oneHot(sb, 24, predict ? 12 : rnd.nextInt(24));
      sb.append(',').append(predict ? 1001 : rnd.nextInt(1001));
      double signal = 0.15 * account;
      for (int i = 0; i < IQ_NAMES.length; i++) {
        double z = gaussian(rnd);
        appendDecimal(sb.append(','), iqMean[i] + iqSd[i] * z, 6, true);
        if (i == 0) signal += 0.4 * z;
      }
      for (int k = 0; k < LAG_KINDS.length; k++) {
        for (int lag = 1; lag <= LAGS; lag++) {
          long count = (predict && lagsEmpty) || rnd.nextDouble() < 0.05
              ? 0 : Math.round(StrictMath.exp(LAG_LOG_MEAN[k] + gaussian(rnd)));
          sb.append(',').append(count);
          if (lag == 1) signal += (k == 0 ? 0.6 : 0.3) * StrictMath.log1p(count);
        }
      }
      for (int c = 0; c < COLOUR_FAMILIES.length * colours; c++) {
        if (rnd.nextDouble() < 0.7) sb.append(",0");
        else appendDecimal(sb.append(','), rnd.nextDouble(), 4, false);
      }
      for (double rate : tagRate) sb.append(rnd.nextDouble() < rate ? ",1" : ",0");
      return signal;
    }
  }

  private static void oneHot(StringBuilder sb, int size, int hot) {
    for (int i = 0; i < size; i++) sb.append(i == hot ? ",1" : ",0");
  }

  /** Box-Muller on StrictMath: nextGaussian()'s algorithm is JDK-specific, and files must not drift. */
  private static double gaussian(SplittableRandom rnd) {
    return StrictMath.sqrt(-2 * StrictMath.log(1 - rnd.nextDouble()))
        * StrictMath.cos(2 * Math.PI * rnd.nextDouble());
  }

  /** Fixed-point by hand: String.format per cell would dominate the run time. */
  private static void appendDecimal(StringBuilder sb, double value, int decimals, boolean trimZeros) {
    long scale = POW10[decimals];
    long scaled = Math.round(Math.abs(value) * scale);
    if (value < 0 && scaled != 0) sb.append('-');
    sb.append(scaled / scale);
    long fraction = scaled % scale;
    while (trimZeros && decimals > 0 && fraction % 10 == 0) {
      fraction /= 10;
      decimals--;
    }
    if (decimals == 0) return;
    sb.append('.');
    for (long p = POW10[decimals - 1]; p > 1 && fraction < p; p /= 10) sb.append('0');
    sb.append(fraction);
  }

  private static StringBuilder pad(StringBuilder sb, int n, int width) {
    for (int digits = Integer.toString(n).length(); digits < width; digits++) sb.append('0');
    return sb.append(n);
  }
}
