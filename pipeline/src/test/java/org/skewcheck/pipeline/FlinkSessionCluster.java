package org.skewcheck.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A Flink 1.19 standalone session cluster on 127.0.0.1: a JobManager and a number of TaskManagers,
 * each its own JVM, run from the Flink jars Maven resolved for the Flink runner, with a generated
 * {@code flink-conf.yaml} on free ports. What Flink's {@code start-cluster.sh} does, minus the
 * distribution: the shell scripts would also derive a TaskManager's JVM flags from its memory
 * settings, so here every memory part is set explicitly and the flags are computed from them. The
 * TaskManagers share that config; each gets its own id ({@code taskmanager-1}, ...), RPC and data
 * ports and temporary folder as dynamic properties ({@code -Dkey=value}) on its command line.
 *
 * <pre>
 * try (FlinkSessionCluster flink = FlinkSessionCluster.start(dir, 2, 1)) {
 *   run("--runner=FlinkRunner", "--flinkMaster=" + flink.restAddress(), "--parallelism=" + flink.slots(), ...);
 * }
 * </pre>
 */
final class FlinkSessionCluster implements AutoCloseable {
  private static final String HOST = "127.0.0.1";
  private static final Duration STARTUP = Duration.ofMinutes(2);
  /**
   * Flink 1.19's own runtime dependencies that are not Flink artifacts, as {@code flink-dist}
   * bundles them; slf4j-simple gives the cluster's JVMs a logger, so their logs say what they did.
   */
  private static final Set<String> FLINK_THIRD_PARTY = Set.of("kryo", "minlog", "objenesis", "chill-java",
      "commons-lang3", "commons-text", "commons-collections", "commons-compress", "commons-io", "commons-math3",
      "commons-cli", "snakeyaml-engine", "javassist", "lz4-java", "snappy-java", "slf4j-api", "slf4j-simple");
  private static final String FLINK_GROUP = String.join(File.separator, "org", "apache", "flink");

  // Memory of each TaskManager in MiB: modest, so a 2-core CI machine holds the cluster and the runs.
  private static final int FRAMEWORK_HEAP = 128;
  private static final int TASK_HEAP = 384;
  private static final int MANAGED = 128;
  private static final int FRAMEWORK_OFF_HEAP = 128;
  private static final int TASK_OFF_HEAP = 64;
  private static final int NETWORK = 64;
  private static final int METASPACE = 256;
  private static final int OVERHEAD = 128;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<ChildJvm> jvms = new ArrayList<>();
  private final int restPort;
  private final int slots;

  private FlinkSessionCluster(int restPort, int slots) {
    this.restPort = restPort;
    this.slots = slots;
  }

  /**
   * Starts the JobManager, waits for its REST endpoint, starts {@code taskManagers} TaskManagers
   * and waits until all have registered, with {@code slotsPerTaskManager} slots each, all free.
   * Config, logs and temporary files go to {@code dir}.
   */
  static FlinkSessionCluster start(Path dir, int taskManagers, int slotsPerTaskManager)
      throws IOException, InterruptedException {
    int[] ports = freePorts(3 + 2 * taskManagers);
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Files.writeString(conf.resolve("flink-conf.yaml"), yaml(config(ports, slotsPerTaskManager, tmp)));
    FlinkSessionCluster cluster = new FlinkSessionCluster(ports[0], taskManagers * slotsPerTaskManager);
    // Stopping the test JVM (Ctrl-C, a fork timeout) stops the cluster too; closing twice is harmless.
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "stop-flink-session-cluster"));
    try {
      cluster.jvms.add(flinkJvm(dir, "jobmanager", tmp, List.of("-Xmx384m", "-XX:MaxMetaspaceSize=256m"),
          "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", List.of()));
      cluster.awaitOverview(o -> true, "the JobManager's REST endpoint");
      for (int i = 1; i <= taskManagers; i++) {
        String id = "taskmanager-" + i;
        Path tmTmp = Files.createDirectories(tmp.resolve(id));
        // The JVM flags Flink's scripts derive from the TaskManager's memory parts.
        cluster.jvms.add(flinkJvm(dir, id, tmTmp, List.of("-Xmx" + (FRAMEWORK_HEAP + TASK_HEAP) + "m",
            "-XX:MaxDirectMemorySize=" + (FRAMEWORK_OFF_HEAP + TASK_OFF_HEAP + NETWORK) + "m",
            "-XX:MaxMetaspaceSize=" + METASPACE + "m"), "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
            List.of("-Dtaskmanager.resource-id=" + id, "-Dtaskmanager.rpc.port=" + ports[1 + 2 * i],
                "-Dtaskmanager.data.port=" + ports[2 + 2 * i], "-Dio.tmp.dirs=" + tmTmp)));
      }
      cluster.awaitOverview(o -> o.path("taskmanagers").asInt() == taskManagers
          && o.path("slots-available").asInt() == cluster.slots,
          taskManagers + " TaskManagers with " + cluster.slots + " free slots");
      return cluster;
    } catch (Throwable e) {
      cluster.close();
      throw e;
    }
  }

  /**
   * {@code java FLAGS -cp FLINK MAIN --configDir DIR/conf ARGS} in {@code dir}, its temporary files
   * in {@code tmp}, logging with timestamps to DIR/NAME.log.
   */
  private static ChildJvm flinkJvm(Path dir, String name, Path tmp, List<String> memoryFlags, String mainClass,
      List<String> programArgs) throws IOException {
    List<String> args = new ArrayList<>(memoryFlags);
    args.addAll(List.of("-Djava.io.tmpdir=" + tmp, "-Dorg.slf4j.simpleLogger.showDateTime=true",
        "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS", "-cp", flinkClasspath(), mainClass,
        "--configDir", dir.resolve("conf").toString()));
    args.addAll(programArgs);
    return ChildJvm.start(dir, dir.resolve(name + ".log"), args);
  }

  /** The config all the cluster's JVMs share; each TaskManager's own ports and folder are set on its command line. */
  private static Map<String, Object> config(int[] ports, int slots, Path tmp) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("rest.address", HOST);
    c.put("rest.bind-address", HOST);
    c.put("rest.port", ports[0]);
    c.put("jobmanager.rpc.address", HOST);
    c.put("jobmanager.bind-host", HOST);
    c.put("jobmanager.rpc.port", ports[1]);
    c.put("blob.server.port", ports[2]);
    c.put("taskmanager.host", HOST);
    c.put("taskmanager.bind-host", HOST);
    c.put("taskmanager.numberOfTaskSlots", slots);
    c.put("taskmanager.cpu.cores", slots);
    c.put("taskmanager.memory.framework.heap.size", FRAMEWORK_HEAP + "m");
    c.put("taskmanager.memory.task.heap.size", TASK_HEAP + "m");
    c.put("taskmanager.memory.managed.size", MANAGED + "m");
    c.put("taskmanager.memory.framework.off-heap.size", FRAMEWORK_OFF_HEAP + "m");
    c.put("taskmanager.memory.task.off-heap.size", TASK_OFF_HEAP + "m");
    c.put("taskmanager.memory.network.min", NETWORK + "m");
    c.put("taskmanager.memory.network.max", NETWORK + "m");
    c.put("taskmanager.memory.jvm-metaspace.size", METASPACE + "m");
    c.put("taskmanager.memory.jvm-overhead.min", OVERHEAD + "m");
    c.put("taskmanager.memory.jvm-overhead.max", OVERHEAD + "m");
    // Beam's batch translation has about a dozen blocking exchanges, and Flink 1.19 reserves 512
    // network buffers (16 MiB) for each by default: far more than the 64 MiB here.
    c.put("taskmanager.network.sort-shuffle.min-buffers", 64);
    c.put("io.tmp.dirs", tmp.toString());
    c.put("web.tmpdir", tmp.toString());
    return c;
  }

  private static String yaml(Map<String, Object> config) {
    return config.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
        .collect(Collectors.joining("\n", "", "\n"));
  }

  /**
   * The Flink jars and their dependencies from this test JVM's classpath (what Maven resolved for
   * the Flink runner), and nothing of Beam or skewcheck: those must come from the submitted jar,
   * as on a real cluster.
   */
  private static String flinkClasspath() {
    List<String> jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> entry.endsWith(".jar"))
        .filter(entry -> {
          Path artifactDir = Path.of(entry).getParent().getParent();
          return artifactDir.getParent().endsWith(FLINK_GROUP)
              || FLINK_THIRD_PARTY.contains(artifactDir.getFileName().toString());
        })
        .toList();
    if (jars.stream().noneMatch(j -> j.contains("flink-runtime"))) {
      throw new IllegalStateException("flink-runtime is not on the test classpath; run this test with Maven");
    }
    return String.join(File.pathSeparator, jars);
  }

  /** Ports free on 127.0.0.1 now, all different: each socket stays open until all are chosen. */
  private static int[] freePorts(int n) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getByName(HOST)));
      }
      return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
    } finally {
      for (ServerSocket s : sockets) {
        s.close();
      }
    }
  }

  /** The slots of all TaskManagers: the parallelism that uses the whole cluster. */
  int slots() {
    return slots;
  }

  /** {@code 127.0.0.1:PORT}, the value of {@code --flinkMaster}. */
  String restAddress() {
    return HOST + ":" + restPort;
  }

  /** GET a REST path (such as {@code /jobs/overview}) as JSON. */
  JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create("http://" + restAddress() + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return JsonMapper.builder().build().readTree(response.body());
  }

  private void awaitOverview(Predicate<JsonNode> ready, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      for (ChildJvm jvm : jvms) {
        if (!jvm.isAlive()) {
          throw new AssertionError("a Flink JVM exited while waiting for " + what + "\n" + logTails());
        }
      }
      try {
        JsonNode overview = get("/overview");
        if (ready.test(overview)) {
          return;
        }
        last = overview.toString();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no " + what + " after " + STARTUP + " (last /overview: " + last + ")\n" + logTails());
  }

  /** The tails of the JobManager's and TaskManagers' logs, for a failure message. */
  String logTails() {
    return jvms.stream().map(j -> j.tail(40)).collect(Collectors.joining("\n"));
  }

  /** The ids of the cluster's processes that still run: none, once closed. */
  List<Long> survivors() {
    return jvms.stream().flatMap(j -> j.survivors().stream()).toList();
  }

  /** Stops the TaskManagers, then the JobManager, by their process ids. */
  @Override
  public void close() {
    for (int i = jvms.size() - 1; i >= 0; i--) {
      jvms.get(i).close();
    }
  }
}
