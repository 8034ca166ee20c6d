package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/skewcheck}, the launcher the README runs: it finds the built jar, runs it with its
 * JVM flags (or the user's), records and then maps a class-data archive, passes arguments and the
 * exit status through, and says what to do when there is no jar. Runs in {@code mvn verify}, after
 * the shade.
 */
class LauncherIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path LAUNCHER = ROOT.resolve("bin/skewcheck");
  private static final String[] DEMO_JOB = {"--train=demo/train.csv", "--predict=demo/predict",
      "--config=configs/joot.yaml", "--failOn=never"};

  /** The launcher's output and exit status. */
  private record Run(int exit, String output) {}

  private static Run launch(Map<String, String> environment, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
    // the launcher runs the java on PATH: make it this test's own
    Path javaBin = Path.of(System.getProperty("java.home"), "bin");
    builder.environment().put("PATH", javaBin + ":" + builder.environment().getOrDefault("PATH", ""));
    builder.environment().remove("SKEWCHECK_JAVA_OPTS");
    // no archive unless a test asks for one: the user's cache stays as it was
    builder.environment().put("SKEWCHECK_CDS_DIR", "off");
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("launcher finished").isTrue();
    return new Run(process.exitValue(), output);
  }

  @Test
  void runsTheReadmeDemoJobWithTheBuiltJar(@TempDir Path output) throws Exception {
    List<String> args = new ArrayList<>(List.of(job(output)));
    args.add("--model=demo/model.json");
    Run run = launch(Map.of(), args.toArray(String[]::new));

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("skewcheck: verdict error");
    assertThat(output.resolve("report.json")).isRegularFile();
    assertThat(output.resolve("scores.csv")).isRegularFile();
  }

  @Test
  void compilesWithC1OnlyAndCollectsInParallelUnlessTheUserSetsTheFlags() throws Exception {
    // the java launcher reads JDK_JAVA_OPTIONS too: it prints the flags the JVM runs with
    Map<String, String> printFlags = Map.of("JDK_JAVA_OPTIONS", "-XX:+PrintCommandLineFlags");

    Run defaults = launch(printFlags, "--version");
    Run own = launch(Map.of("JDK_JAVA_OPTIONS", "-XX:+PrintCommandLineFlags", "SKEWCHECK_JAVA_OPTS", "-Xmx300m"),
        "--version");

    assertThat(defaults.exit()).isZero();
    assertThat(defaults.output()).contains("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "skewcheck 0.1.0");
    assertThat(own.exit()).isZero();
    assertThat(own.output()).doesNotContain("TieredStopAtLevel", "UseParallelGC").contains("-XX:MaxHeapSize=314572800");
  }

  @Test
  void theFirstJobOfEachRunnerRecordsAClassArchiveAndTheNextOnesMapIt(@TempDir Path cache, @TempDir Path output) throws Exception {
    Map<String, String> archived = Map.of("SKEWCHECK_CDS_DIR", cache.toString());
    Map<String, String> archivedAndLogged = Map.of("SKEWCHECK_CDS_DIR", cache.toString(),
        "JDK_JAVA_OPTIONS", "-Xlog:class+load");

    // what killed runs left half-written: one old enough to remove, one that may still be written
    Path stale = Files.createFile(cache.resolve(".skewcheck-1-2.101.jsa"));
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    Path fresh = Files.createFile(cache.resolve(".skewcheck-1-2.102.jsa"));

    Run version = launch(archived, "--version");
    List<Path> afterVersion = archives(cache);
    Run first = launch(archived, job(output.resolve("first")));
    List<Path> afterFirst = archives(cache);
    Run second = launch(archivedAndLogged, job(output.resolve("second")));
    Run flink = launch(archived, flinkJob(output.resolve("flink")));

    assertThat(version.exit()).isZero();
    assertThat(afterVersion).as("a look at the version records nothing").isEmpty();
    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(first.output()).doesNotContain("[warning]");
    assertThat(afterFirst).singleElement().satisfies(archive -> assertThat(archive.getFileName().toString())
        .endsWith(".jsa"));
    assertThat(stale).doesNotExist();
    assertThat(fresh).exists();
    assertThat(second.exit()).as(second.output()).isZero();
    assertThat(second.output()).contains("org.skewcheck.pipeline.SkewCheck source: shared objects file (top)");
    assertThat(flink.exit()).as(flink.output()).isZero();
    assertThat(archives(cache)).as("the Flink runner's own archive next to the DirectRunner's").hasSize(2)
        .containsAll(afterFirst);
  }

  @Test
  void aFailedJobRecordsNoArchive(@TempDir Path cache, @TempDir Path output) throws Exception {
    Run run = launch(Map.of("SKEWCHECK_CDS_DIR", cache.toString()), "--predict=demo/predict", "--output=" + output);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(cache).isEmptyDirectory();
  }

  private static String[] job(Path output) {
    List<String> args = new ArrayList<>(List.of(DEMO_JOB));
    args.add("--output=" + output);
    return args.toArray(String[]::new);
  }

  private static String[] flinkJob(Path output) {
    List<String> args = new ArrayList<>(List.of(job(output)));
    args.addAll(List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"));
    return args.toArray(String[]::new);
  }

  /** The finished archives in {@code cache}, not the recordings under way (hidden names). */
  private static List<Path> archives(Path cache) throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files.filter(f -> f.getFileName().toString().startsWith("skewcheck-")).sorted().toList();
    }
  }

  @Test
  void exitStatusOfTheJobPassesThrough(@TempDir Path output) throws Exception {
    Run run = launch(Map.of(), "--predict=demo/predict", "--output=" + output);

    assertThat(run.exit()).as(run.output()).isEqualTo(2);
    assertThat(run.output()).contains("--train");
  }

  @Test
  void withoutAJarItSaysHowToBuildOne(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("skewcheck.jar");

    Run run = launch(Map.of("SKEWCHECK_JAR", missing.toString()), "--version");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.output()).contains("no jar at '" + missing + "'").contains("mvn -B -q -DskipTests package");
    assertThat(Files.exists(missing)).isFalse();
  }
}
