package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rejected/} holds the rejected rows, and no file at all when no row was rejected. */
class RejectedRowsTest {
  private static final String HEADER = ",IQ_a,IQ_b\n";

  private static Path csv(Path dir, String name, String rows) throws IOException {
    return Files.writeString(dir.resolve(name), HEADER + rows);
  }

  private static List<Path> files(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void aCleanRunWritesNoRejectedFile(@TempDir Path dir) throws IOException {
    Path train = csv(dir, "train.csv", "t1,1,2\nt2,3,4\nt3,5,6\n");
    Path predict = csv(dir, "predict.csv", "p1,1,2\np2,3,4\n");
    Path out = dir.resolve("out");

    SkewCheckRunner run = SkewCheckRunner.run(out, "--train=" + train, "--predict=" + predict, "--failOn=never");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.report().path("datasets").path("predict").path("rejectedRows").asLong()).isZero();
    assertThat(files(out.resolve("rejected"))).isEmpty();
  }

  @Test
  void aDirtyRunWritesItsRejectedRowsAndAFollowingCleanRunLeavesNone(@TempDir Path dir) throws IOException {
    Path train = csv(dir, "train.csv", "t1,1,2\nt2,3,4\nt3,5,6\n");
    Path dirty = csv(dir, "dirty.csv", "p1,1,2\np2,3,4,5\np3,5,6\n");
    Path clean = csv(dir, "clean.csv", "p1,1,2\np3,5,6\n");
    Path out = dir.resolve("out");

    SkewCheckRunner first = SkewCheckRunner.run(out, "--train=" + train, "--predict=" + dirty, "--failOn=never");

    assertThat(first.exitCode()).as(first.err()).isZero();
    List<Path> written = files(out.resolve("rejected"));
    assertThat(written).hasSize(1).allSatisfy(f -> assertThat(f.getFileName().toString()).endsWith(".jsonl"));
    List<String> lines = new ArrayList<>(Files.readAllLines(written.get(0)));
    assertThat(lines).singleElement().satisfies(line -> assertThat(line).contains("\"dataset\":\"predict\"")
        .contains("\"line\":3").contains("p2,3,4,5"));

    SkewCheckRunner second = SkewCheckRunner.run(out, "--train=" + train, "--predict=" + clean, "--failOn=never");

    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(files(out.resolve("rejected"))).isEmpty();
  }
}
