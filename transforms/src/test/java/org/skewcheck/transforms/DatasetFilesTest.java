package org.skewcheck.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A path that exists is the folder or file it names, whatever glob characters ({@code [ ] { } * ?})
 * its name holds; only a path that names nothing is matched as a glob. Each folder here has a
 * sibling that the same name, read as a glob, would match instead.
 */
class DatasetFilesTest {
  @TempDir
  Path dir;

  @BeforeAll
  static void localFileSystem() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
  }

  private static Path csv(Path folder, String name) throws IOException {
    Files.createDirectories(folder);
    return Files.writeString(folder.resolve(name), ",IQ_a\nr1,0.5\n");
  }

  private static List<String> paths(List<DatasetFiles.File> files) {
    return files.stream().map(DatasetFiles.File::path).toList();
  }

  @Test
  void aFolderWhoseNameHoldsGlobCharactersIsThatFolder() throws IOException {
    for (String name : List.of("nights [2026]", "run{1}", "what?*", "a]b}c")) {
      Path folder = dir.resolve(name);
      Path first = csv(folder, "post #0001 @acct3.csv");
      Path second = csv(folder, "x[1] {y}.csv.gz");
      Files.writeString(folder.resolve("notes.txt"), "not data\n");

      assertThat(paths(DatasetFiles.resolve(folder.toString()))).as(name)
          .containsExactly(first.toString(), second.toString());
      assertThat(paths(DatasetFiles.resolve(folder + "/"))).as(name)
          .containsExactly(first.toString(), second.toString());
    }
  }

  @Test
  void theSiblingsAGlobWouldMatchAreLeftOut() throws IOException {
    Path nights = csv(dir.resolve("nights [2026]"), "n.csv");
    csv(dir.resolve("nights 2"), "decoy.csv");
    Path run = csv(dir.resolve("run{1}"), "r.csv");
    csv(dir.resolve("run1"), "decoy.csv");

    assertThat(paths(DatasetFiles.resolve(nights.getParent().toString()))).containsExactly(nights.toString());
    assertThat(paths(DatasetFiles.resolve(run.getParent().toString()))).containsExactly(run.toString());
  }

  @Test
  void aFileWhoseNameHoldsGlobCharactersIsThatFile() throws IOException {
    Path file = csv(dir, "a[1].csv");
    csv(dir, "a1.csv");
    Path inBraces = csv(dir.resolve("run{1}"), "b{2}.csv");

    assertThat(DatasetFiles.resolve(file.toString()))
        .containsExactly(new DatasetFiles.File(file.toString(), Files.size(file),
            Files.getLastModifiedTime(file).toMillis()));
    assertThat(paths(DatasetFiles.resolve(inBraces.toString()))).containsExactly(inBraces.toString());
  }

  @Test
  void aPathThatNamesNothingIsAGlob() throws IOException {
    Path t1 = csv(dir, "t1.csv");
    Path t2 = csv(dir, "t2.csv");
    Path t3 = csv(dir, "t3.csv");
    csv(dir, "u.csv");

    assertThat(paths(DatasetFiles.resolve(dir + "/t*.csv"))).containsExactly(t1.toString(), t2.toString(),
        t3.toString());
    assertThat(paths(DatasetFiles.resolve(dir + "/t[12].csv"))).containsExactly(t1.toString(), t2.toString());
    assertThat(paths(DatasetFiles.resolve(dir + "/t{1,3}.csv"))).containsExactly(t1.toString(), t3.toString());
  }

  @Test
  void anExistingFolderWithoutCsvFilesIsNotMatchedAsAGlob() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("night [x]"));
    csv(dir, "night x");

    assertThatThrownBy(() -> DatasetFiles.resolve(empty.toString()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(empty.toString());
  }

  @Test
  void aListingThatFailsIsThatErrorNotAMissingFile() {
    assertThatThrownBy(() -> DatasetFiles.resolve(UnlistableFileSystem.SCHEME + "://bucket/nights/"))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining(UnlistableFileSystem.ERROR);
  }
}
