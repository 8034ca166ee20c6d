package org.skewcheck.validation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class SvgChartsTest {

  private static Element svg(String markup) {
    return Jsoup.parse(markup).selectFirst("svg");
  }

  @Test
  void aHistogramHasATrainAndAPredictBarPerBinOnOneScale() {
    Element svg = svg(SvgCharts.histogram(new double[] {0, 1}, new double[] {0.5, 0.25, 0.25},
        new double[] {0.0, 0.0, 1.0}));
    Elements train = svg.select("rect.t");
    Elements predict = svg.select("rect.q");
    assertThat(train).hasSize(3);
    assertThat(predict).hasSize(3);
    double full = Double.parseDouble(predict.get(2).attr("height"));
    assertThat(Double.parseDouble(train.get(0).attr("height"))).isEqualTo(full / 2);
    assertThat(Double.parseDouble(predict.get(0).attr("height"))).isZero();
    assertThat(svg.select("title").eachText())
        .containsExactly("≤ 0: train 50.0%, predict 0.0%", "(0, 1]: train 25.0%, predict 0.0%",
            "> 1: train 25.0%, predict 100.0%");
    assertThat(svg.select("text").eachText()).containsExactly("0", "1");
  }

  @Test
  void aHistogramNeedsOneShareMoreThanEdges() {
    assertThatThrownBy(() -> SvgCharts.histogram(new double[] {0}, new double[] {1}, new double[] {0.5, 0.5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a histogram over 1 edges needs 2 shares per side, got 1 and 2");
  }

  @Test
  void topValuesHaveOneLabelledPairOfBarsPerValueAndShortenLongValues() {
    Element svg = svg(SvgCharts.topValues(List.of("Oslo", "a very long city name indeed"), new double[] {0.6, 0.4},
        new double[] {0.1, 0.9}));
    assertThat(svg.select("text").eachText()).containsExactly("Oslo", "a very long city …");
    assertThat(svg.select("title").get(1).text()).startsWith("a very long city name indeed: train 40.0%");
    assertThat(svg.select("rect.t")).hasSize(2);
  }

  @Test
  void aDeltaBarGoesLeftWhenNegativeAndRightWhenPositive() {
    Element down = svg(SvgCharts.delta(-0.4, 0.4)).selectFirst("rect");
    Element up = svg(SvgCharts.delta(0.1, 0.4)).selectFirst("rect");
    assertThat(down.className()).isEqualTo("neg");
    assertThat(Double.parseDouble(down.attr("x")) + Double.parseDouble(down.attr("width"))).isEqualTo(70.0);
    assertThat(up.className()).isEqualTo("pos");
    assertThat(Double.parseDouble(up.attr("x"))).isEqualTo(70.0);
    assertThat(Double.parseDouble(up.attr("width"))).isCloseTo(Double.parseDouble(down.attr("width")) / 4, within(0.1));
  }

  @Test
  void aSparklineRunsOldestToNewestAndSkipsMissingValues() {
    Element svg = svg(SvgCharts.sparkline("zeroFraction", new double[] {0.1, Double.NaN, 0.1, 0.9}));
    String[] points = svg.selectFirst("polyline").attr("points").split(" ");
    assertThat(points).hasSize(3);
    assertThat(points[0]).isEqualTo("3.0,19.0");
    assertThat(points[2]).isEqualTo("87.0,3.0");
    assertThat(svg.selectFirst("circle").attr("cx")).isEqualTo("87.0");
  }

  @Test
  void aFlatOrEmptySparklineDrawsWithoutDividingByZero() {
    assertThat(svg(SvgCharts.sparkline("psiMax", new double[] {0.2, 0.2})).selectFirst("polyline").attr("points"))
        .isEqualTo("3.0,19.0 87.0,19.0");
    assertThat(svg(SvgCharts.sparkline("psiMax", new double[] {Double.NaN})).select("polyline")).isEmpty();
  }

  @Test
  void textIsEscapedAndFiguresHaveThreeSignificantDigits() {
    assertThat(Html.escape("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    assertThat(Html.escape(null)).isEmpty();
    assertThat(Html.figure(0.0144609)).isEqualTo("0.0145");
    assertThat(Html.figure(2.0)).isEqualTo("2");
    assertThat(Html.figure(1234.5)).isEqualTo("1230");
    assertThat(Html.figure(5.0e-132)).isEqualTo("5.00e-132");
    assertThat(Html.figure(Double.NaN)).isEqualTo("–");
    assertThat(Html.percent(0.049)).isEqualTo("4.9%");
    assertThat(Html.count(5026)).isEqualTo("5,026");
  }
}
