package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar submitted to a real Flink 1.19 session cluster (a JobManager and a TaskManager,
 * two JVMs on 127.0.0.1) writes the same report and scores as the DirectRunner on the demo data,
 * and the JobManager lists the job as finished. Both cluster JVMs are stopped by process id at the
 * end, also when something fails, and none may be left running.
 *
 * <p>Runs in {@code mvn verify} after the shade. Config, logs and outputs stay in
 * {@code target/flink-session-cluster/}; the job id and the wall times are printed.
 */
class FlinkSessionClusterIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path JAR = ROOT.resolve("pipeline/target/skewcheck.jar");
  private static final Path WORK = ROOT.resolve("pipeline/target/flink-session-cluster");
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
  private static final int SLOTS = 2;
  private static long startedNanos;
  private static FlinkSessionCluster cluster;

  @BeforeAll
  static void startCluster() throws IOException, InterruptedException {
    startedNanos = System.nanoTime();
    assertThat(JAR).as("the shaded jar, built in package").isRegularFile();
    deleteRecursively(WORK);
    cluster = FlinkSessionCluster.start(WORK.resolve("cluster"), SLOTS);
    System.out.printf("Flink session cluster up at %s in %.1f s%n", cluster.restAddress(), seconds(startedNanos));
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
      assertThat(cluster.survivors()).as("cluster processes still running after close").isEmpty();
    }
    System.out.printf("FlinkSessionClusterIT wall time %.1f s (cluster start, two runs, cluster stop)%n",
        seconds(startedNanos));
  }

  @Test
  void theDemoJobOnTheClusterWritesWhatTheDirectRunnerWrites() throws Exception {
    Run direct = submit("direct", "--runner=DirectRunner");
    Run flink = submit("flink", "--runner=FlinkRunner", "--flinkMaster=" + cluster.restAddress(),
        "--filesToStage=" + JAR, "--parallelism=" + SLOTS);

    JsonNode jobs = cluster.get("/jobs/overview").path("jobs");
    assertThat(jobs).as("jobs the JobManager ran").hasSize(1);
    JsonNode job = jobs.get(0);
    assertThat(job.path("state").asText()).as(cluster.logTails()).isEqualTo("FINISHED");
    System.out.printf("Flink job %s %s on the cluster in %.1f s; the submitting JVM ran %.1f s, "
        + "the DirectRunner's %.1f s%n", job.path("jid").asText(), job.path("state").asText(),
        job.path("duration").asLong() / 1000.0, flink.seconds(), direct.seconds());

    JsonNode expected = direct.report();
    JsonNode actual = flink.report();
    assertThat(expected.path("provenance").path("runner").asText()).isEqualTo("DirectRunner");
    assertThat(actual.path("provenance").path("runner").asText()).isEqualTo("FlinkRunner");
    assertThat(actual.path("datasets").path("train").path("rows").asLong()).isEqualTo(300);
    assertThat(actual.path("datasets").path("predict").path("rows").asLong()).isEqualTo(60);
    assertThat(ReportParity.differences(expected, actual)).as("report.json, DirectRunner vs Flink").isEmpty();

    List<String> directScores = direct.sortedScores();
    assertThat(directScores).hasSize(61).contains("id,score");
    assertThat(flink.sortedScores()).as("scores.csv lines, DirectRunner vs Flink").isEqualTo(directScores);
  }

  /** One run of the demo job by the real jar in its own JVM, as a user types it. */
  private record Run(Path output, double seconds) {
    JsonNode report() throws IOException {
      return JsonMapper.builder().build().readTree(output.resolve("report.json").toFile());
    }

    List<String> sortedScores() throws IOException {
      List<String> lines = new ArrayList<>(Files.readAllLines(output.resolve("scores.csv")));
      lines.sort(Comparator.naturalOrder());
      return lines;
    }
  }

  /**
   * Runs the demo job with these runner options and asserts it exited 0. Paths are absolute: the
   * workers resolve every path on their own machine, in their own working folder.
   */
  private static Run submit(String name, String... runnerOptions) throws IOException, InterruptedException {
    Path output = WORK.resolve(name + "-output");
    List<String> args = new ArrayList<>(List.of("-jar", JAR.toString(),
        "--train=" + ROOT.resolve("demo/train.csv"), "--predict=" + ROOT.resolve("demo/predict"),
        "--config=" + ROOT.resolve("configs/joot.yaml"), "--model=" + ROOT.resolve("demo/model.json"),
        "--output=" + output, "--failOn=never"));
    args.addAll(List.of(runnerOptions));
    long started = System.nanoTime();
    try (ChildJvm jvm = ChildJvm.start(WORK, WORK.resolve(name + ".log"), args)) {
      int code = jvm.waitFor(RUN_TIMEOUT);
      assertThat(code).as(name + " run exit code\n" + jvm.tail(40) + "\n" + cluster.logTails()).isZero();
    }
    return new Run(output, seconds(started));
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
