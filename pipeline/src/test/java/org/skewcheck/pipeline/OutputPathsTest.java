package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output paths are checked before anything runs: an output that is, or holds, an input is exit 2
 * with one line naming both options, and the input is left as it was.
 */
class OutputPathsTest {
  private static final String TRAIN = ",IQ_a,LG_b\nt1,0.5,1\nt2,0.7,0\nt3,0.1,1\n";

  @TempDir
  Path dir;
  private Path train;
  private Path predict;

  @BeforeEach
  void writeData() throws IOException {
    train = Files.writeString(dir.resolve("train.csv"), TRAIN);
    Files.createDirectories(dir.resolve("predict"));
    predict = Files.writeString(dir.resolve("predict").resolve("night.csv"), ",IQ_a,LG_b\np1,0.5,1\np2,0.6,0\n");
  }

  private void assertRefused(SkewCheckRunner run, String... named) throws IOException {
    assertThat(run.exitCode()).as(run.out()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1).contains(named);
    assertThat(Files.readString(train)).isEqualTo(TRAIN);
    assertThat(Files.readString(predict)).startsWith(",IQ_a");
  }

  @Test
  void aSavedProfileMayNotOverwriteTheTrainingData() throws IOException {
    SkewCheckRunner run = SkewCheckRunner.run(dir.resolve("out"), "--train=" + train, "--predict=" + predict,
        "--saveProfile=" + train);
    assertRefused(run, "--saveProfile=" + train + " is the input --train=" + train);
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aRelativeSavedProfileIsComparedAsTheSameFile() throws IOException {
    Path relative = Path.of("").toAbsolutePath().relativize(train);
    SkewCheckRunner run = SkewCheckRunner.run(dir.resolve("out"), "--train=" + relative, "--predict=" + predict,
        "--saveProfile=" + relative);
    assertRefused(run, "--saveProfile=", "--train=" + relative);
  }

  @Test
  void aSavedProfileMayNotBeAFileOfAnInputFolder() throws IOException {
    SkewCheckRunner run = SkewCheckRunner.run(dir.resolve("out"), "--train=" + train,
        "--predict=" + predict.getParent(), "--saveProfile=" + predict);
    assertRefused(run, "--saveProfile=" + predict, "--predict=" + predict.getParent());
  }

  @Test
  void anOutputFolderMayNotHoldAnInput() throws IOException {
    Files.writeString(dir.resolve("report.json"), "{\"verdict\":\"ok\"}");
    SkewCheckRunner run = SkewCheckRunner.run(dir, "--train=" + train, "--predict=" + predict);
    assertRefused(run, "--output=" + dir + " contains the input --train=" + train);
    assertThat(dir.resolve("report.json")).as("nothing is removed from a refused output folder").exists();
  }

  @Test
  void theHistoryFolderMayNotBeAnInputFolder() throws IOException {
    SkewCheckRunner run = SkewCheckRunner.run(dir.resolve("out"), "--train=" + train,
        "--predict=" + dir.resolve("predict/*.csv"), "--history=" + predict.getParent());
    assertRefused(run, "--history=" + predict.getParent() + " contains the input --predict=", predict.toString());
  }

  @Test
  void anOutputThatIsAnExistingFileIsRefusedAtOnce() throws IOException {
    Path file = Files.writeString(dir.resolve("out"), "not a folder");
    SkewCheckRunner run = SkewCheckRunner.run(file, "--train=" + train, "--predict=" + predict);
    assertRefused(run, "--output=" + file + " is a file, not a folder");
    assertThat(Files.readString(file)).isEqualTo("not a folder");
  }

  @Test
  void aProfileThatCannotBeSavedLeavesNoReport() throws IOException {
    // the profile's place is a folder: the run fails at its very end, and neither report.json nor
    // report.html may be left to look like a finished run
    Path taken = Files.createDirectories(dir.resolve("profile"));
    Path out = dir.resolve("out");
    SkewCheckRunner run = SkewCheckRunner.run(out, "--train=" + train, "--predict=" + predict,
        "--saveProfile=" + taken);
    assertThat(run.exitCode()).as(run.out()).isEqualTo(2);
    // one line says why; a slow machine may also print progress lines
    assertThat(run.err().lines().filter(l -> !l.startsWith("skewcheck progress:")))
        .singleElement().asString().contains("--saveProfile=" + taken);
    assertThat(out.resolve("report.json")).doesNotExist();
    assertThat(out.resolve("report.html")).doesNotExist();
    assertThat(taken).isDirectory();
  }
}
