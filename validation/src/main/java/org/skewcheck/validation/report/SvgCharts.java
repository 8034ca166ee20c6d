package org.skewcheck.validation.report;

import java.util.List;
import java.util.Locale;

/**
 * The small inline-SVG charts of {@code report.html}: a column's train-vs-predict histogram over
 * its drift bins, a categorical column's top values, a signed bar for a score attribution
 * delta, and a sparkline of a prefix metric over the run history. Train is drawn in slate ({@code .t}), predict in orange ({@code .q}); the page's stylesheet
 * colours those classes, so each chart stays a few hundred bytes. Every bar has a {@code <title>}
 * with its exact figures, which a browser shows on hover.
 *
 * <pre>{@code
 * String svg = SvgCharts.histogram(new double[] {0.0}, new double[] {0.7, 0.3}, new double[] {1.0, 0.0});
 * }</pre>
 */
final class SvgCharts {
  static final int WIDTH = 300;
  private static final int PLOT_TOP = 4;
  private static final int PLOT_HEIGHT = 60;
  private static final int LABEL_ROWS = 3;
  private static final int BAR_ROW = 16;
  private static final int LABEL_WIDTH = 110;
  private static final int DELTA_WIDTH = 140;
  private static final int SPARK_WIDTH = 90;
  private static final int SPARK_HEIGHT = 22;

  private SvgCharts() {}

  /**
   * Paired bars per bin: train's share p and predict's share q, bins (−∞, e1], (e1, e2], …, (ek, ∞),
   * on one scale (the largest share is full height). A few edges are labelled under the bins.
   */
  static String histogram(double[] edges, double[] p, double[] q) {
    int bins = edges.length + 1;
    if (p.length != bins || q.length != bins) {
      throw new IllegalArgumentException(
          "a histogram over " + edges.length + " edges needs " + bins + " shares per side, got " + p.length + " and "
              + q.length);
    }
    double top = 0;
    for (int i = 0; i < bins; i++) {
      top = Math.max(top, Math.max(p[i], q[i]));
    }
    double slot = (WIDTH - 8.0) / bins;
    double bar = slot * 0.4;
    int axis = PLOT_TOP + PLOT_HEIGHT;
    StringBuilder svg = open(WIDTH, axis + 14, "train and predict shares over " + bins + " bins");
    for (int i = 0; i < bins; i++) {
      double x = 4 + i * slot + slot * 0.1;
      svg.append("<g><title>").append(Html.escape(binName(edges, i))).append(": train ").append(Html.percent(p[i]))
          .append(", predict ").append(Html.percent(q[i])).append("</title>");
      rect(svg, "t", x, axis, bar, height(p[i], top));
      rect(svg, "q", x + bar, axis, bar, height(q[i], top));
      svg.append("</g>");
    }
    svg.append("<line class=\"ax\" x1=\"4\" x2=\"").append(WIDTH - 4).append("\" y1=\"").append(axis)
        .append("\" y2=\"").append(axis).append("\"/>");
    // Every edge would collide at ten bins in 300 px: label about three of them.
    int step = Math.max(1, (int) Math.ceil(edges.length / (double) LABEL_ROWS));
    for (int i = 0; i < edges.length; i += step) {
      svg.append("<text x=\"").append(coordinate(4 + (i + 1) * slot)).append("\" y=\"").append(axis + 12)
          .append("\" text-anchor=\"middle\">").append(Html.escape(Html.figure(edges[i]))).append("</text>");
    }
    return svg.append("</svg>").toString();
  }

  /**
   * A categorical column's most frequent values, one row each: the value, then its share of train's
   * rows (upper bar) and of predict's (lower bar), on one scale.
   */
  static String topValues(List<String> values, double[] train, double[] predict) {
    if (train.length != values.size() || predict.length != values.size()) {
      throw new IllegalArgumentException("top values need one share per value and side: " + values.size()
          + " values, " + train.length + " and " + predict.length + " shares");
    }
    double top = 0;
    for (int i = 0; i < values.size(); i++) {
      top = Math.max(top, Math.max(train[i], predict[i]));
    }
    double span = WIDTH - LABEL_WIDTH - 4;
    StringBuilder svg = open(WIDTH, values.size() * BAR_ROW + 4, "train and predict shares of the top values");
    for (int i = 0; i < values.size(); i++) {
      int y = 2 + i * BAR_ROW;
      String value = values.get(i);
      String shown = value.length() > 18 ? value.substring(0, 17) + "…" : value;
      svg.append("<g><title>").append(Html.escape(value)).append(": train ").append(Html.percent(train[i]))
          .append(", predict ").append(Html.percent(predict[i])).append("</title><text x=\"0\" y=\"")
          .append(y + 11).append("\">").append(Html.escape(shown)).append("</text>");
      hbar(svg, "t", LABEL_WIDTH, y + 1, scaled(train[i], top, span), 6);
      hbar(svg, "q", LABEL_WIDTH, y + 7, scaled(predict[i], top, span), 6);
      svg.append("</g>");
    }
    return svg.append("</svg>").toString();
  }

  /** A bar from the middle, right for a positive {@code delta}, as long as |delta| / {@code maxAbs} allows. */
  static String delta(double delta, double maxAbs) {
    double half = DELTA_WIDTH / 2.0;
    double length = maxAbs > 0 && Double.isFinite(delta) ? Math.min(1, Math.abs(delta) / maxAbs) * (half - 2) : 0;
    StringBuilder svg = open(DELTA_WIDTH, 12, "delta " + Html.figure(delta));
    hbar(svg, delta < 0 ? "neg" : "pos", delta < 0 ? half - length : half, 2, length, 8);
    svg.append("<line class=\"ax\" x1=\"").append(coordinate(half)).append("\" x2=\"").append(coordinate(half))
        .append("\" y1=\"0\" y2=\"12\"/>");
    return svg.append("</svg>").toString();
  }

  /**
   * A metric over the run history: a line through the earlier runs' values, oldest first, and a
   * dot on the last one, this run's, scaled to the values' own range. Missing values (NaN) break
   * nothing: they are skipped.
   */
  static String sparkline(String metric, double[] values) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    StringBuilder svg = open(SPARK_WIDTH, SPARK_HEIGHT, metric + " over " + values.length + " runs");
    if (lo > hi) {
      return svg.append("</svg>").toString();
    }
    double span = hi > lo ? hi - lo : 1;
    double step = values.length > 1 ? (SPARK_WIDTH - 6.0) / (values.length - 1) : 0;
    StringBuilder points = new StringBuilder();
    double lastX = 3;
    double lastY = SPARK_HEIGHT / 2.0;
    for (int i = 0; i < values.length; i++) {
      if (Double.isFinite(values[i])) {
        lastX = 3 + i * step;
        lastY = SPARK_HEIGHT - 3 - (values[i] - lo) / span * (SPARK_HEIGHT - 6);
        points.append(coordinate(lastX)).append(',').append(coordinate(lastY)).append(' ');
      }
    }
    svg.append("<title>").append(Html.escape(metric)).append(": ").append(Html.escape(Html.figure(lo)))
        .append(" to ").append(Html.escape(Html.figure(hi))).append(", this run ")
        .append(Html.escape(Html.figure(values[values.length - 1]))).append("</title>")
        .append("<polyline class=\"sl\" points=\"").append(points.toString().strip()).append("\"/>")
        .append("<circle class=\"q\" cx=\"").append(coordinate(lastX)).append("\" cy=\"").append(coordinate(lastY))
        .append("\" r=\"2.5\"/>");
    return svg.append("</svg>").toString();
  }

  private static String binName(double[] edges, int i) {
    if (edges.length == 0) {
      return "all values";
    }
    if (i == 0) {
      return "≤ " + Html.figure(edges[0]);
    }
    if (i == edges.length) {
      return "> " + Html.figure(edges[i - 1]);
    }
    return "(" + Html.figure(edges[i - 1]) + ", " + Html.figure(edges[i]) + "]";
  }

  private static StringBuilder open(int width, int height, String label) {
    return new StringBuilder(1024).append("<svg width=\"").append(width).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\" aria-label=\"")
        .append(Html.escape(label)).append("\">");
  }

  private static double height(double share, double top) {
    return scaled(share, top, PLOT_HEIGHT);
  }

  private static double scaled(double share, double top, double span) {
    return top > 0 && Double.isFinite(share) ? share / top * span : 0;
  }

  /** A vertical bar standing on {@code base}. */
  private static void rect(StringBuilder svg, String css, double x, double base, double width, double height) {
    svg.append("<rect class=\"").append(css).append("\" x=\"").append(coordinate(x)).append("\" y=\"")
        .append(coordinate(base - height)).append("\" width=\"").append(coordinate(width)).append("\" height=\"")
        .append(coordinate(height)).append("\"/>");
  }

  private static void hbar(StringBuilder svg, String css, double x, double y, double length, double thickness) {
    svg.append("<rect class=\"").append(css).append("\" x=\"").append(coordinate(x)).append("\" y=\"")
        .append(coordinate(y)).append("\" width=\"").append(coordinate(length)).append("\" height=\"")
        .append(coordinate(thickness)).append("\"/>");
  }

  private static String coordinate(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
