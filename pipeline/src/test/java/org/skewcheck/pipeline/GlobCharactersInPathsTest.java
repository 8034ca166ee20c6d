package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs of the command on folders and files whose names hold glob characters: each is read as the
 * folder or file it names, every row of every file in it counted, and a sibling that the name
 * would match as a glob is left out.
 */
class GlobCharactersInPathsTest {
  private static final String HEADER = ",IQ_a,LG_b\n";

  @TempDir
  Path dir;

  private static Path csv(Path folder, String name, int rows) throws IOException {
    Files.createDirectories(folder);
    StringBuilder text = new StringBuilder(HEADER);
    for (int i = 0; i < rows; i++) {
      text.append(name.hashCode()).append('-').append(i).append(',').append(0.1 * i).append(',').append(i % 2)
          .append('\n');
    }
    return Files.writeString(folder.resolve(name), text);
  }

  private static Path gzipCsv(Path folder, String name, int rows) throws IOException {
    Path plain = csv(folder, name + ".plain", rows);
    Path gz = folder.resolve(name);
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(plain));
    }
    Files.delete(plain);
    return gz;
  }

  private static JsonNode datasets(SkewCheckRunner run) throws IOException {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run.report().path("datasets");
  }

  @Test
  void foldersNamedNightsBracket2026AndRunBrace1AreReadWhole() throws IOException {
    Path train = dir.resolve("nights [2026]");
    csv(train, "post #0001 @acct3.csv", 4);
    csv(train, "post #0002 @acct3.csv", 3);
    gzipCsv(train, "a[1] {b}.csv.gz", 5);
    csv(dir.resolve("nights 2"), "decoy.csv", 50);
    Path predict = dir.resolve("run{1}");
    csv(predict, "x {y} [z].csv", 6);
    csv(predict, "p #1 @q.csv", 2);
    csv(dir.resolve("run1"), "decoy.csv", 50);

    JsonNode datasets = datasets(SkewCheckRunner.run(dir.resolve("out"), "--train=" + train,
        "--predict=" + predict, "--failOn=never"));

    assertThat(datasets.path("train").path("files").asLong()).isEqualTo(3);
    assertThat(datasets.path("train").path("rows").asLong()).isEqualTo(12);
    assertThat(datasets.path("predict").path("files").asLong()).isEqualTo(2);
    assertThat(datasets.path("predict").path("rows").asLong()).isEqualTo(8);
  }

  @Test
  void aFileNamedWithBracketsIsThatFileAndAGlobIsStillAGlob() throws IOException {
    Path train = csv(dir, "a[1].csv", 7);
    csv(dir, "a1.csv", 50);
    csv(dir, "p1.csv", 2);
    csv(dir, "p2.csv", 3);
    csv(dir, "q.csv", 50);

    JsonNode datasets = datasets(SkewCheckRunner.run(dir.resolve("out"), "--train=" + train,
        "--predict=" + dir.resolve("p*.csv"), "--failOn=never"));

    assertThat(datasets.path("train").path("files").asLong()).isEqualTo(1);
    assertThat(datasets.path("train").path("rows").asLong()).isEqualTo(7);
    assertThat(datasets.path("predict").path("files").asLong()).isEqualTo(2);
    assertThat(datasets.path("predict").path("rows").asLong()).isEqualTo(5);
  }

  @Test
  void anOutputThatIsSuchAFolderIsRefusedAsThatInput() throws IOException {
    Path train = csv(dir, "train.csv", 3);
    Path predict = dir.resolve("nights [2026]");
    csv(predict, "night.csv", 2);

    SkewCheckRunner run = SkewCheckRunner.run(predict, "--train=" + train, "--predict=" + predict);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1).contains("--output=" + predict + " is the input --predict=" + predict);
  }
}
