package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real command on CSV files with a categorical column whose mix shifts and gains a value
 * train never had (and that a rule's allowed values leave out), a session-id column, a date column
 * read with a configured format, and a stable categorical column; reads the real report.
 */
class CategoricalColumnsTest {
  private static final String[] COLOURS = {"red", "green", "blue"};

  @TempDir
  static Path data;
  @TempDir
  static Path out;
  static SkewCheckRunner run;

  private static String row(int r, SplittableRandom random, boolean predict) {
    double u = random.nextDouble();
    String colour = predict ? (u < 0.15 ? "purple" : u < 0.35 ? "red" : u < 0.65 ? "green" : "blue")
        : (u < 0.5 ? "red" : u < 0.8 ? "green" : "blue");
    String size = COLOURS[random.nextInt(3)].equals("red") ? "S" : random.nextBoolean() ? "M" : "L";
    LocalDate day = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(60));
    return "r" + r + "," + colour + "," + size + ",session-" + (predict ? "p" : "t") + r + "," + day + ","
        + String.format(java.util.Locale.ROOT, "%.3f", random.nextDouble()) + "\n";
  }

  @BeforeAll
  static void runOnCategoricalData() throws IOException {
    SplittableRandom random = new SplittableRandom(77);
    String header = ",CAT_colour,CAT_size,session,signup,IQ_x\n";
    StringBuilder train = new StringBuilder(header);
    for (int r = 0; r < 2_000; r++) {
      train.append(row(r, random, false));
    }
    Files.writeString(data.resolve("train.csv"), train);
    Path predict = Files.createDirectory(data.resolve("predict"));
    for (int file = 0; file < 4; file++) {
      StringBuilder part = new StringBuilder(header);
      for (int r = 0; r < 100; r++) {
        part.append(row(10_000 + 100 * file + r, random, true));
      }
      Files.writeString(predict.resolve("part" + file + ".csv"), part);
    }
    Path config = data.resolve("config.yaml");
    Files.writeString(config, "dateColumns:\n  - column: signup\n    format: yyyy-MM-dd\nrules:\n"
        + "  - column: CAT_colour\n    allowedValues: [red, green, blue]\n  - column: CAT_size\n"
        + "    allowedValues: [S, M, L]\n");
    run = SkewCheckRunner.run(out, "--train=" + data.resolve("train.csv"), "--predict=" + predict,
        "--config=" + config, "--failOn=error");
  }

  private static JsonNode column(String name) throws IOException {
    for (JsonNode c : run.report().path("columns")) {
      if (c.path("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no column " + name);
  }

  @Test
  void theShiftedColumnIsCategoricalWithTopValuesDriftAndItsNewValue() throws IOException {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode colour = column("CAT_colour");
    assertThat(colour.path("type").asText()).isEqualTo("categorical");
    JsonNode train = colour.path("train");
    assertThat(train.path("nonNumeric").asLong()).isEqualTo(2_000);
    assertThat(train.path("distinct").asLong()).isEqualTo(3);
    assertThat(train.path("topValues").get(0).path("value").asText()).isEqualTo("red");
    long sum = 0;
    for (JsonNode v : train.path("topValues")) {
      sum += v.path("count").asLong();
    }
    assertThat(sum).isEqualTo(2_000);
    assertThat(colour.path("predict").path("distinct").asLong()).isEqualTo(4);

    JsonNode drift = colour.path("drift");
    assertThat(drift.path("linf").asDouble()).as("red: half of train, a fifth of predict").isCloseTo(0.3, within(0.06));
    assertThat(drift.path("psi").asDouble()).isGreaterThan(0.25);
    assertThat(drift.path("ks").isNull()).isTrue();
    assertThat(drift.path("categories").toString()).isEqualTo("[\"red\",\"green\",\"blue\",\"(other)\"]");

    assertThat(colour.path("findings").findValuesAsText("check"))
        .containsExactlyInAnyOrder("drift", "unseenCategories", "rule");
    long purple = -1;
    for (JsonNode f : colour.path("findings")) {
      assertThat(f.path("severity").asText()).isEqualTo("error");
      if (f.path("check").asText().equals("unseenCategories")) {
        assertThat(f.path("figures").path("values").asText()).isEqualTo("purple");
        assertThat(f.path("figures").path("predictFraction").asDouble()).isCloseTo(0.15, within(0.05));
        purple = f.path("figures").path("predictCount").asLong();
      }
    }
    assertThat(purple).isPositive();
    for (JsonNode f : colour.path("findings")) {
      if (f.path("check").asText().equals("rule")) {
        JsonNode figures = f.path("figures");
        assertThat(figures.path("dataset").asText()).isEqualTo("predict");
        assertThat(figures.path("outside").asLong()).isEqualTo(purple);
        assertThat(figures.path("exact").asBoolean()).isTrue();
        assertThat(figures.path("values").asText()).isEqualTo("'purple' (" + purple + ")");
        assertThat(f.path("message").asText()).isEqualTo("CAT_colour: " + purple
            + " values outside [red, green, blue] in predict: 'purple' (" + purple + ")");
      }
    }
  }

  @Test
  void idLikeDatesAndStableColumns() throws IOException {
    JsonNode session = column("session");
    assertThat(session.path("type").asText()).isEqualTo("categorical");
    assertThat(session.path("drift").path("untestedReason").asText()).startsWith("id-like: ");
    assertThat(session.path("findings")).isEmpty();

    JsonNode signup = column("signup");
    assertThat(signup.path("type").asText()).isEqualTo("numeric");
    long first = LocalDate.of(2024, 1, 1).toEpochDay();
    assertThat(signup.path("train").path("min").asLong()).isEqualTo(first);
    assertThat(signup.path("train").path("max").asLong()).isEqualTo(first + 59);
    assertThat(signup.path("train").path("nonNumeric").asLong()).isZero();
    assertThat(signup.path("drift").path("ks").isNumber()).isTrue();

    JsonNode size = column("CAT_size");
    assertThat(size.path("drift").path("linf").asDouble()).isLessThan(0.1);
    assertThat(size.path("findings")).isEmpty();
    assertThat(run.report().path("measures").has("linf")).isTrue();
  }
}
