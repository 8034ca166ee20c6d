package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skewcheck.transforms.DatasetFiles;
import org.skewcheck.transforms.FileSummary;
import org.skewcheck.validation.config.PrefixRule;
import org.skewcheck.validation.score.ScoreSummary;
import org.skewcheck.validation.stats.Duplicates;
import org.skewcheck.validation.stats.PrefixBlock;
import org.skewcheck.validation.stats.PrefixStats;

/**
 * The saved profile's binary form is pinned by a golden file, {@code
 * golden/train-profile-vN.bin} for the current {@link TrainProfile#FORMAT_VERSION} N: the same
 * profile, built here from fixed data, must write those bytes, and the file must read back to the
 * same figures. A change to the binary form of any accumulator fails here until the format version
 * is bumped and the new version's golden file is written, by running this class's {@code main}
 * with the test resources folder (for example {@code pipeline/src/test/resources}).
 */
class ProfileFormatTest {
  private static final int ROWS = 40;

  /** A profile touching every part of the format: rules, files, a damaged file, numbers, text, aggregates, scores. */
  static TrainProfile golden() {
    double[] iq = new double[2 * ROWS];
    String[] cat = new String[ROWS];
    int[] catCells = new int[ROWS];
    double[] catValues = new double[ROWS];
    for (int r = 0; r < ROWS; r++) {
      iq[r] = r % 3 == 0 ? 0 : r * 0.25;
      iq[ROWS + r] = r % 7 == 0 ? Double.NaN : 100 - r;
      cat[r] = r % 4 == 0 ? "red" : r % 4 == 1 ? "blue" : "c" + r;
      catCells[r] = r;
      catValues[r] = Double.NaN;
    }
    PrefixStats iqStats = new PrefixStats();
    iqStats.add(new PrefixBlock(new String[] {"IQ_a", "IQ_b"}, ROWS, iq, new int[0], new String[0]));
    PrefixStats catStats = new PrefixStats();
    catStats.add(new PrefixBlock(new String[] {"CAT_colour"}, ROWS, catValues, catCells, cat));
    Map<String, PrefixStats> prefixes = new LinkedHashMap<>();
    prefixes.put("CAT", catStats);
    prefixes.put("IQ", iqStats);
    ScoreSummary scores = new ScoreSummary();
    for (int r = 0; r < ROWS; r++) {
      scores.addScore(r / 10.0);
    }
    scores.addAttribution(ROWS, 12.5, Map.of("IQ", 3.0, "CAT", -1.0), 10.5);
    scores.addRecorded(0.5, 0.25);
    scores.addBeyondFloat("IQ_a", 2);
    return new TrainProfile("golden", "c".repeat(64), "m".repeat(64), List.of(PrefixRule.of("^(IQ)_", "$1")),
        List.of(new DatasetFiles.File("train.csv.gz", 1234, 1_700_000_000_000L)),
        List.of(new FileSummary("train", "train.csv.gz", ROWS + 1, ROWS, 1,
            new FileSummary.Damage(ROWS + 2, "EOFException: Unexpected end of ZLIB input stream"))),
        prefixes, new Duplicates(3, 1L), scores);
  }

  private static String resource() {
    return "golden/train-profile-v" + TrainProfile.FORMAT_VERSION + ".bin";
  }

  private static byte[] goldenBytes() throws IOException {
    try (InputStream in = ProfileFormatTest.class.getClassLoader().getResourceAsStream(resource())) {
      assertThat(in).as("%s: a new format version needs its golden file (see the class comment)", resource())
          .isNotNull();
      return in.readAllBytes();
    }
  }

  @Test
  void theBinaryFormIsTheGoldenFilesOfThisFormatVersion() throws IOException {
    assertThat(golden().toBytes())
        .as("the saved profile's bytes changed: bump TrainProfile.FORMAT_VERSION and write its golden file")
        .isEqualTo(goldenBytes());
  }

  @Test
  void theGoldenFileReadsBackToItsFigures() throws IOException {
    TrainProfile read = TrainProfile.parse(goldenBytes());

    assertThat(read.writtenBy()).isEqualTo("golden");
    assertThat(read.fileSummaries()).singleElement().satisfies(f -> {
      assertThat(f.rowsProfiled()).isEqualTo(ROWS);
      assertThat(f.damage().line()).isEqualTo(ROWS + 2);
    });
    PrefixStats iq = read.prefixes().get("IQ");
    assertThat(iq.rows()).isEqualTo(ROWS);
    List<Double> a = new ArrayList<>();
    for (int r = 0; r < ROWS; r++) {
      a.add(r % 3 == 0 ? 0 : r * 0.25);
    }
    assertThat(iq.columns().get("IQ_a").mean())
        .isCloseTo(a.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), within(1e-12));
    assertThat(iq.columns().get("IQ_a").zeros()).isEqualTo(14);
    assertThat(iq.columns().get("IQ_b").count()).isEqualTo(ROWS - 6);
    assertThat(iq.aggregates()).as("a two-column family's row aggregates").isNotNull();
    // IQ_b is non-zero wherever present; rows 0 and 21 have IQ_a = 0 and IQ_b missing.
    assertThat(iq.aggregates().nonZeroLogMean().count()).isEqualTo(ROWS - 2);
    assertThat(read.prefixes().get("CAT").columns().get("CAT_colour").nonNumeric()).isEqualTo(ROWS);
    assertThat(read.duplicates()).isEqualTo(new Duplicates(3, 1L));
    assertThat(read.scores().scores().count()).isEqualTo(ROWS);
    assertThat(read.scores().beyondFloat()).isEqualTo(Map.of("IQ_a", 2L));
  }

  /** Writes the golden file of the current format version into the test resources folder {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]).resolve(resource());
    Files.createDirectories(file.getParent());
    Files.write(file, golden().toBytes());
  }
}
