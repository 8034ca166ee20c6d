package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar submitted to a real Flink 1.19 session cluster (a JobManager and two
 * TaskManagers, three JVMs on 127.0.0.1):
 *
 * <ul>
 *   <li>writes the same report and scores as the DirectRunner on the demo data, and the JobManager
 *       lists the job as finished;
 *   <li>reads one big train file on both TaskManagers: the file is cut into ranges of chunks, and the
 *       JobManager's figures for the reading operator show each TaskManager received some of them.
 * </ul>
 *
 * Every cluster JVM is stopped by process id at the end, also when something fails, and none may
 * be left running.
 *
 * <p>Runs in {@code mvn verify} after the shade. Config, logs, data and outputs stay in
 * {@code target/flink-session-cluster/}; the job ids, the wall times and the per-TaskManager
 * figures are printed.
 */
class FlinkSessionClusterIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path JAR = ROOT.resolve("pipeline/target/skewcheck.jar");
  private static final Path WORK = ROOT.resolve("pipeline/target/flink-session-cluster");
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
  private static final int TASK_MANAGERS = 2;
  private static final int SLOTS_PER_TASK_MANAGER = 1;
  /** Train rows of the big file: about 35 MiB, over the 32 MiB above which the reader splits a file. */
  private static final int BIG_TRAIN_ROWS = 1_500_000;
  /** Submissions of the big-file job until its ranges reach both TaskManagers: all fail one time in 4,096. */
  private static final int SPLIT_ATTEMPTS = 6;
  private static long startedNanos;
  private static FlinkSessionCluster cluster;

  @BeforeAll
  static void startCluster() throws IOException, InterruptedException {
    startedNanos = System.nanoTime();
    assertThat(JAR).as("the shaded jar, built in package").isRegularFile();
    deleteRecursively(WORK);
    cluster = FlinkSessionCluster.start(WORK.resolve("cluster"), TASK_MANAGERS, SLOTS_PER_TASK_MANAGER);
    System.out.printf("Flink session cluster (%d TaskManagers, %d slots) up at %s in %.1f s%n", TASK_MANAGERS,
        cluster.slots(), cluster.restAddress(), seconds(startedNanos));
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
      assertThat(cluster.survivors()).as("cluster processes still running after close").isEmpty();
    }
    System.out.printf("FlinkSessionClusterIT wall time %.1f s (cluster start, the runs, cluster stop)%n",
        seconds(startedNanos));
  }

  @Test
  void theDemoJobOnTheClusterWritesWhatTheDirectRunnerWrites() throws Exception {
    Run direct = submit("direct", demoJob(), List.of("--runner=DirectRunner"));
    Set<String> before = jobIds();
    Run flink = submit("flink", demoJob(), onTheCluster());
    JsonNode job = finishedJob(before);
    System.out.printf("Flink job %s %s on the cluster in %.1f s; the submitting JVM ran %.1f s, "
        + "the DirectRunner's %.1f s%n", job.path("jid").asText(), job.path("state").asText(),
        job.path("duration").asLong() / 1000.0, flink.seconds(), direct.seconds());

    JsonNode expected = direct.report();
    JsonNode actual = flink.report();
    assertThat(expected.path("provenance").path("runner").asText()).isEqualTo("DirectRunner");
    assertThat(actual.path("provenance").path("runner").asText()).isEqualTo("FlinkRunner");
    assertThat(actual.path("datasets").path("train").path("rows").asLong()).isEqualTo(300);
    assertThat(actual.path("datasets").path("predict").path("rows").asLong()).isEqualTo(60);
    assertThat(ReportDiff.between(expected, actual, 1e-9)).as("report.json, DirectRunner vs Flink").isEmpty();

    assertThat(Files.readAllLines(direct.output().resolve("scores.csv"))).hasSize(61).first().isEqualTo("id,score");
    assertThat(flink.output().resolve("scores.csv")).as("scores.csv, DirectRunner vs Flink")
        .hasSameBinaryContentAs(direct.output().resolve("scores.csv"));
  }

  /**
   * One train file of {@link #BIG_TRAIN_ROWS} rows is cut into 8 MiB chunks, two to a range, and
   * the ranges are spread over the subtasks, one subtask per TaskManager. The JobManager keeps each
   * subtask's figures after the job: for the vertex that runs {@code ReadRanges}, Flink's
   * {@code read-records} (the ranges it got) and the reader's Beam counters {@code rowsRead} and
   * {@code bytesRead}. Each TaskManager read some of the file's rows, and together they read all,
   * as the report says.
   *
   * <p>Which subtask gets a range is random (Beam keys the ranges at random to spread them), so a
   * run may give all three ranges to one TaskManager (one run in four). Such a run is correct but
   * shows nothing, and the job is submitted again, up to {@link #SPLIT_ATTEMPTS} times.
   */
  @Test
  void bothTaskManagersReadPartsOfOneBigFile() throws Exception {
    Path data = WORK.resolve("long-data");
    long started = System.nanoTime();
    try (ChildJvm jvm = ChildJvm.start(WORK, WORK.resolve("long-data.log"), List.of("-cp", JAR.toString(),
        "org.skewcheck.pipeline.demo.LongData", data.toString(), Integer.toString(BIG_TRAIN_ROWS)))) {
      assertThat(jvm.waitFor(RUN_TIMEOUT)).as("LongData exit code\n" + jvm.tail(20)).isZero();
    }
    Path train = data.resolve("train.csv");
    System.out.printf("LongData wrote %,d train rows (%,d bytes) in %.1f s%n", BIG_TRAIN_ROWS, Files.size(train),
        seconds(started));

    Map<String, Reads> reads = Map.of();
    for (int attempt = 1; attempt <= SPLIT_ATTEMPTS && reads.size() < TASK_MANAGERS; attempt++) {
      Set<String> before = jobIds();
      Run run = submit("long-" + attempt, List.of("--train=" + train, "--predict=" + data.resolve("predict.csv"),
          "--failOn=never"), onTheCluster());
      JsonNode job = finishedJob(before);
      assertThat(run.report().path("datasets").path("train").path("rows").asLong()).isEqualTo(BIG_TRAIN_ROWS);
      reads = readsPerTaskManager(job.path("jid").asText());
      System.out.printf("Flink job %s (attempt %d) read the train file in %.1f s on the cluster; the submitting "
          + "JVM ran %.1f s%n", job.path("jid").asText(), attempt, job.path("duration").asLong() / 1000.0,
          run.seconds());
      reads.forEach((tm, r) -> System.out.printf("  %s: ReadRanges got %d ranges, read %,d rows, %,d bytes%n", tm,
          r.ranges(), r.rows(), r.bytes()));
      assertThat(reads.values().stream().mapToLong(Reads::rows).sum()).as("rowsRead over all TaskManagers")
          .isEqualTo(BIG_TRAIN_ROWS);
    }
    assertThat(reads).as("TaskManagers that read part of the train file").hasSize(TASK_MANAGERS)
        .allSatisfy((tm, r) -> assertThat(r.ranges()).isPositive());
  }

  /** What one TaskManager's {@code ReadRanges} subtasks read: ranges (Flink's figure), rows and bytes (Beam's counters). */
  private record Reads(long ranges, long rows, long bytes) {
    Reads plus(Reads o) {
      return new Reads(ranges + o.ranges, rows + o.rows, bytes + o.bytes);
    }
  }

  /**
   * The TaskManagers whose subtasks of the vertex running {@code ReadRanges} read rows, and what
   * they read. {@code /jobs/JID/vertices/VID} gives each subtask's TaskManager and {@code
   * read-records}; {@code .../subtasks/accumulators} gives each subtask's Beam counters, which the
   * Flink runner keeps in the accumulator {@code __metricscontainers} (a sum's payload is a varint).
   */
  private static Map<String, Reads> readsPerTaskManager(String jid) throws IOException, InterruptedException {
    List<String> readers = new ArrayList<>();
    cluster.get("/jobs/" + jid).path("vertices").forEach(v -> {
      // Flink chains operators into one vertex; this one runs the splittable DoFn's element processing.
      if (v.path("name").asText().contains("ReadRanges/ProcessKeyedElements/NaiveProcess")) {
        readers.add(v.path("id").asText());
      }
    });
    assertThat(readers).as("vertices running ReadRanges").hasSize(1);
    String vertex = "/jobs/" + jid + "/vertices/" + readers.get(0);
    Map<Integer, String> taskManagerOf = new HashMap<>();
    Map<Integer, Long> ranges = new HashMap<>();
    cluster.get(vertex).path("subtasks").forEach(st -> {
      taskManagerOf.put(st.path("subtask").asInt(), st.path("taskmanager-id").asText());
      ranges.put(st.path("subtask").asInt(), st.path("metrics").path("read-records").asLong());
    });
    Map<String, Reads> reads = new TreeMap<>();
    for (JsonNode st : cluster.get(vertex + "/subtasks/accumulators").path("subtasks")) {
      int subtask = st.path("subtask").asInt();
      Map<String, Long> counters = new HashMap<>();
      for (JsonNode acc : st.path("user-accumulators")) {
        if (acc.path("name").asText().equals("__metricscontainers")) {
          JsonMapper.builder().build().readTree(acc.path("value").asText()).path("metrics").path("attempted")
              .forEach(m -> counters.merge(m.path("labels").path("NAME").asText(),
                  varint(Base64.getDecoder().decode(m.path("payload").asText())), Long::sum));
        }
      }
      Reads r = new Reads(ranges.get(subtask), counters.getOrDefault("rowsRead", 0L),
          counters.getOrDefault("bytesRead", 0L));
      if (r.rows() > 0) {
        reads.merge(taskManagerOf.get(subtask), r, Reads::plus);
      }
    }
    return reads;
  }

  /** Beam's encoding of a counter's sum: an unsigned LEB128 varint. */
  private static long varint(byte[] bytes) {
    long value = 0;
    for (int i = 0; ; i++) {
      value |= (long) (bytes[i] & 0x7f) << (7 * i);
      if ((bytes[i] & 0x80) == 0) {
        return value;
      }
    }
  }

  /** One run of the job by the real jar in its own JVM, as a user types it. */
  private record Run(Path output, double seconds) {
    JsonNode report() throws IOException {
      return JsonMapper.builder().build().readTree(output.resolve("report.json").toFile());
    }
  }

  /** The demo job's data, config and model. */
  private static List<String> demoJob() {
    return List.of("--train=" + ROOT.resolve("demo/train.csv"), "--predict=" + ROOT.resolve("demo/predict"),
        "--config=" + ROOT.resolve("configs/joot.yaml"), "--model=" + ROOT.resolve("demo/model.json"),
        "--failOn=never");
  }

  /** Runner options that submit the jar to the cluster, one subtask per slot. */
  private static List<String> onTheCluster() {
    return List.of("--runner=FlinkRunner", "--flinkMaster=" + cluster.restAddress(), "--filesToStage=" + JAR,
        "--parallelism=" + cluster.slots());
  }

  /**
   * Runs the job with these options, writing to {@code WORK/NAME-output}, and asserts it exited 0.
   * Paths are absolute: the workers resolve every path on their own machine, in their own working folder.
   */
  private static Run submit(String name, List<String> jobOptions, List<String> runnerOptions)
      throws IOException, InterruptedException {
    Path output = WORK.resolve(name + "-output");
    List<String> args = new ArrayList<>(List.of("-jar", JAR.toString(), "--output=" + output));
    args.addAll(jobOptions);
    args.addAll(runnerOptions);
    long started = System.nanoTime();
    try (ChildJvm jvm = ChildJvm.start(WORK, WORK.resolve(name + ".log"), args)) {
      int code = jvm.waitFor(RUN_TIMEOUT);
      assertThat(code).as(name + " run exit code\n" + jvm.tail(40) + "\n" + cluster.logTails()).isZero();
    }
    return new Run(output, seconds(started));
  }

  /** The ids of the jobs the JobManager lists. */
  private static Set<String> jobIds() throws IOException, InterruptedException {
    Set<String> ids = new HashSet<>();
    cluster.get("/jobs/overview").path("jobs").forEach(j -> ids.add(j.path("jid").asText()));
    return ids;
  }

  /** The one job listed now but not in {@code before}, asserted {@code FINISHED}: its {@code /jobs/overview} entry. */
  private static JsonNode finishedJob(Set<String> before) throws IOException, InterruptedException {
    List<JsonNode> added = new ArrayList<>();
    cluster.get("/jobs/overview").path("jobs").forEach(j -> {
      if (!before.contains(j.path("jid").asText())) {
        added.add(j);
      }
    });
    assertThat(added).as("jobs the JobManager ran for one submission").hasSize(1);
    assertThat(added.get(0).path("state").asText()).as(cluster.logTails()).isEqualTo("FINISHED");
    return added.get(0);
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
