package org.skewcheck.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.skewcheck.transforms.DatasetFiles;
import org.skewcheck.validation.check.Severity;
import org.skewcheck.validation.config.ConfigException;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.history.RunRecord;
import org.skewcheck.validation.stats.Dataset;

/**
 * The skewcheck command: runs the pipeline on any Beam runner, then reads the report it wrote and
 * turns it into an exit code — 0 no finding at or above {@code --failOn}, 1 such findings, 2 the
 * run could not be done (one line on stderr; an unexpected failure's stack trace goes to
 * {@code skewcheck-error.log} in the output folder). {@code --help} prints the options and
 * {@code --version} the version, both with exit 0.
 *
 * <pre>
 * java -jar skewcheck.jar --train=train.csv --predict=predict/ --output=out --config=configs/joot.yaml
 * java -jar skewcheck.jar --trainProfile=train.profile --predict=tonight/ --output=out --history=history/
 * </pre>
 */
public final class SkewCheck {
  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int FAILED = 2;
  private static final int TOP_FINDINGS = 5;
  private static final int CONSOLE_CHARS = 300;
  private static final int NAMES_SHOWN = 5;
  private static final Duration EXIT_GRACE = Duration.ofSeconds(10);

  private SkewCheck() {}

  /**
   * Runs the command and ends the process with its exit code, whatever was thrown and whatever
   * threads are still running.
   */
  public static void main(String[] args) {
    int code = FAILED;
    try {
      code = execute(args, System.out, System.err);
    } finally {
      exit(code);
    }
  }

  /**
   * Ends the process with {@code code}. {@code System.exit} runs the shutdown hooks first (Beam's and
   * Flink's among them), and one that hangs would keep a failed run alive forever: after a grace
   * period a daemon watchdog halts the process with the same code.
   */
  private static void exit(int code) {
    try {
      Thread watchdog = new Thread(() -> {
        try {
          Thread.sleep(EXIT_GRACE.toMillis());
        } catch (InterruptedException e) {
          // halt at once
        }
        Runtime.getRuntime().halt(code);
      }, "skewcheck-exit-watchdog");
      watchdog.setDaemon(true);
      watchdog.start();
    } finally {
      System.exit(code);
    }
  }

  /** Runs the command and returns its exit code; what main does, minus the exit. */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    return execute(args, out, err, SkewCheck::run);
  }

  /** What runs the job once the options are parsed: {@link #run}, or in a test one that fails as no input can. */
  interface Job {
    JsonNode run(SkewCheckOptions options, PrintStream err) throws RunFailure;
  }

  /**
   * {@link #execute(String[], PrintStream, PrintStream)} with {@code job} in place of {@link #run}.
   * Every failure is exit 2 with one line on {@code err}: a {@link RunFailure} says why, and anything
   * else thrown, an {@link Error} included, also leaves its stack trace in {@code --output}.
   */
  static int execute(String[] args, PrintStream out, PrintStream err, Job job) {
    if (given(args, "--version")) {
      out.println("skewcheck " + RunProvenance.version());
      return OK;
    }
    if (given(args, "--help")) {
      return CommandHelp.print(optionValue(args, "--help"), out, err);
    }
    String output = absoluteIfLocal(optionValue(args, "--output"));
    boolean started = false;
    try {
      SkewCheckOptions options = parse(args);
      FailOn failOn = FailOn.parse(options.getFailOn());
      started = true;
      JsonNode report = job.run(options, err);
      printSummary(report, options.getOutput(), out);
      return failing(report, failOn) ? FINDINGS : OK;
    } catch (RunFailure e) {
      // a run clears the output folder as it starts; with bad options it never does, and the
      // previous run's report would look current
      err.println("skewcheck: " + escaped(e.getMessage() + (started ? "" : discardReport(output))));
      return FAILED;
    } catch (Throwable e) {
      err.println("skewcheck: the run could not be done: " + escaped(rootMessage(e) + logged(e, output)));
      return FAILED;
    }
  }

  /**
   * Removes the report from {@code output} ({@link ReportFiles#removeReport}), so that none is left
   * to look current after a failure; returns a note for the stderr line when it cannot.
   */
  private static String discardReport(String output) {
    if (output == null) {
      return "";
    }
    try {
      ReportFiles.removeReport(output);
      return "";
    } catch (Throwable t) {
      // after an OutOfMemoryError, or on a broken output folder, this fails too: the line still goes out
      return " (the report in " + output + " could not be removed: " + rootMessage(t) + ")";
    }
  }

  /**
   * Removes whatever report the failed run left in {@code output}, writes {@code e}'s stack trace
   * there, and returns the note that names that file for the stderr line.
   */
  private static String logged(Throwable e, String output) {
    String discarded = discardReport(output);
    if (output == null || !discarded.isEmpty()) {
      return discarded;
    }
    try {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      BeamFiles.writeAtomically(output, ReportFiles.ERROR_LOG, trace.toString().getBytes(StandardCharsets.UTF_8));
      return " (stack trace in " + BeamFiles.resolve(output, ReportFiles.ERROR_LOG) + ")";
    } catch (Throwable t) {
      return " (no stack trace written to " + output + ": " + rootMessage(t) + ")";
    }
  }

  /** The value of {@code --name=value} on the command line, null when it is not given. */
  private static String optionValue(String[] args, String option) {
    return Arrays.stream(args).filter(a -> a.startsWith(option + "=")).map(a -> a.substring(option.length() + 1))
        .findFirst().orElse(null);
  }

  static SkewCheckOptions parse(String[] args) throws RunFailure {
    try {
      PipelineOptionsFactory.register(SkewCheckOptions.class);
      SkewCheckOptions options = PipelineOptionsFactory.fromArgs(args).withValidation().as(SkewCheckOptions.class);
      directRunnerDefaults(options, args);
      absoluteLocalPaths(options);
      if (options.getGcsConnectAttempts() < 1 || options.getGcsConnectTimeoutSeconds() < 1) {
        throw new RunFailure("--gcsConnectAttempts and --gcsConnectTimeoutSeconds must be at least 1");
      }
      return options;
    } catch (IllegalArgumentException e) {
      throw new RunFailure(firstLine(e.getMessage()));
    }
  }

  /**
   * DirectRunner defaults for a user run, each unless the command line sets it. The runner
   * re-encodes every element to catch DoFns that mutate their input or emit unencodable values: a
   * development aid that triples a run's time on wide blocks (the tests keep it on). And it runs
   * max(cores, 3) worker threads: one per core is enough, as file ranges keep every core reading
   * (on 2 cores, 3M rows of long data take 6.1 s with 2 workers, 6.3 s with 3, 7.1 s with 1).
   */
  private static void directRunnerDefaults(SkewCheckOptions options, String[] args) {
    DirectOptions direct = options.as(DirectOptions.class);
    if (!given(args, "--enforceImmutability")) {
      direct.setEnforceImmutability(false);
    }
    if (!given(args, "--enforceEncodability")) {
      direct.setEnforceEncodability(false);
    }
    if (!given(args, "--targetParallelism")) {
      direct.setTargetParallelism(Runtime.getRuntime().availableProcessors());
    }
  }

  /**
   * Makes the paths that workers open themselves (model, output folder, saved profile) absolute
   * when they are local: a Flink TaskManager or another worker JVM runs in its own working folder,
   * where {@code demo/model.json} is not the file the user meant. Paths with a scheme are left as given.
   */
  private static void absoluteLocalPaths(SkewCheckOptions options) {
    options.setModel(absoluteIfLocal(options.getModel()));
    options.setOutput(absoluteIfLocal(options.getOutput()));
    options.setSaveProfile(absoluteIfLocal(options.getSaveProfile()));
  }

  static String absoluteIfLocal(String path) {
    return path == null || path.contains("://") ? path : localPath(path).toString();
  }

  private static boolean given(String[] args, String option) {
    return Arrays.stream(args).anyMatch(a -> a.equals(option) || a.startsWith(option + "="));
  }

  /**
   * Builds and runs the pipeline, and returns the verdict, datasets and findings of the report it
   * wrote; a long run reports its progress to {@code err}.
   */
  static JsonNode run(SkewCheckOptions options, PrintStream err) throws RunFailure {
    FileSystems.setDefaultPipelineOptions(options);
    StoragePaths.check(options);
    Path output = localPath(options.getOutput());
    if (output != null && Files.isRegularFile(output)) {
      throw new RunFailure("--output=" + options.getOutput() + " is a file, not a folder");
    }
    // checked before anything is removed or written: clearing the output folder may delete an input too
    List<InputPaths> inputPaths = localInputs(options);
    refuseOverlap("--output", options.getOutput(), inputPaths);
    refuseOverlap("--saveProfile", options.getSaveProfile(), inputPaths);
    refuseOverlap("--history", options.getHistory(), inputPaths);
    try (OutputLock lock = OutputLock.take(output, options.getOutput())) {
      return runHolding(options, err);
    }
  }

  /**
   * Removes the sorted runs the pipeline wrote (score runs merged into scores.csv, and hash runs a
   * failed run did not count); the next run retries what this one could not.
   */
  private static void removeSortedRuns(String output) {
    try {
      ReportFiles.removeSortedRuns(output);
    } catch (IOException e) {
      StageLog.sortedRunsLeft(output, e.getMessage());
    }
  }

  /** {@link #run}, with the output folder to itself. */
  private static JsonNode runHolding(SkewCheckOptions options, PrintStream err) throws RunFailure {
    Instant startedAt = Instant.now();
    try {
      ReportFiles.clear(options.getOutput());
    } catch (IOException e) {
      throw new RunFailure("cannot clear the output folder " + options.getOutput() + ": " + e.getMessage());
    }
    SkewConfig config = loadConfig(options);
    StageLog.config(options.getConfig(), config);
    if ((options.getTrain() == null) == (options.getTrainProfile() == null)) {
      throw new RunFailure("give either --train or --trainProfile (exactly one of them)");
    }
    String modelFingerprint = modelFingerprint(options);
    TrainProfile saved = options.getTrainProfile() == null ? null
        : TrainProfile.read(options.getTrainProfile(), config, modelFingerprint);
    List<RunRecord> history = options.getHistory() == null ? null
        : RunHistory.read(options.getHistory(), config.history().runs());
    SkewCheckPipeline.Inputs inputs = new SkewCheckPipeline.Inputs(
        saved == null ? resolve("--train", options.getTrain()) : saved.files(),
        resolve("--predict", options.getPredict()), saved);
    StageLog.inputs(Dataset.TRAIN, inputs.trainFiles());
    StageLog.inputs(Dataset.PREDICT, inputs.predictFiles());
    StageLog.nightly(options.getTrainProfile(), history);
    SkewCheckPipeline.Model model = options.getModel() == null ? null
        : new SkewCheckPipeline.Model(options.getModel(),
            ModelCheck.featureOrder(options.getModel(), config, inputs));
    StageLog.model(model);
    Pipeline pipeline = Pipeline.create(options);
    SkewCheckPipeline.build(pipeline, inputs, config, options.getOutput(), model,
        RunProvenance.start(startedAt, options, config, inputs),
        new SkewCheckPipeline.Nightly(options.getSaveProfile(), modelFingerprint, history));
    StageLog.running(options.getRunner().getSimpleName());
    // a failing pipeline throws; execute reports that as an unexpected failure, with its stack trace
    PipelineResult result;
    PipelineResult.State state;
    Progress progress = Progress.start(inputs, err);
    try {
      result = pipeline.run();
      state = result.waitUntilFinish();
    } finally {
      progress.stop();
      removeSortedRuns(options.getOutput());
    }
    StageLog.finished(result, state);
    if (state != PipelineResult.State.DONE) {
      throw new RunFailure("the pipeline ended in state " + state);
    }
    JsonNode report;
    try {
      report = ReportFiles.readVerdict(options.getOutput());
    } catch (IOException e) {
      throw new RunFailure("the pipeline finished but its report cannot be read: " + e.getMessage());
    }
    requireRows(report, Dataset.TRAIN, inputs.trainFiles(), options.getOutput());
    requireRows(report, Dataset.PREDICT, inputs.predictFiles(), options.getOutput());
    if (options.getHistory() != null) {
      try {
        RunHistory.append(options.getHistory(), BeamFiles.read(options.getOutput(), ReportFiles.HISTORY_RECORD));
      } catch (IOException e) {
        throw new RunFailure("the run could not be added to --history=" + options.getHistory() + ": "
            + e.getMessage());
      }
    }
    try {
      ReportFiles.publish(options.getOutput(), options.getSaveProfile());
    } catch (IOException e) {
      throw new RunFailure("the report and profile could not be put in place"
          + (options.getSaveProfile() == null ? "" : " (--saveProfile=" + options.getSaveProfile() + ")") + ": "
          + rootMessage(e));
    }
    return report;
  }

  /**
   * A dataset without a readable row (empty or header-only files, or every row rejected) leaves
   * nothing to compare: the run could not be done, so its report is removed and nothing goes to the
   * history. Rows are only counted as they are profiled, so this is known once the pipeline has run.
   */
  private static void requireRows(JsonNode report, Dataset dataset, List<DatasetFiles.File> files, String output)
      throws RunFailure {
    JsonNode summary = report.path("datasets").path(dataset.label());
    if (summary.path("rows").asLong() > 0) {
      return;
    }
    try {
      ReportFiles.removeReport(output);
    } catch (IOException e) {
      throw new RunFailure(dataset + " has no readable rows, and the report in " + output + " could not be removed: "
          + e.getMessage());
    }
    long rejected = summary.path("rejectedRows").asLong();
    String names = files.stream().limit(NAMES_SHOWN).map(DatasetFiles.File::path).collect(Collectors.joining(", "))
        + (files.size() > NAMES_SHOWN ? " and " + (files.size() - NAMES_SHOWN) + " more" : "");
    throw new RunFailure(dataset + " has no readable rows in " + names + (rejected == 0
        ? ": empty or only a header"
        : ": all " + rejected + " rows were rejected, see " + BeamFiles.resolve(output, "rejected")));
  }

  /** The local paths an input option names: its file or folder, and a folder's or glob's files. */
  private record InputPaths(String option, String value, List<Path> paths) {}

  private static List<InputPaths> localInputs(SkewCheckOptions options) {
    return List.of(dataset("--train", options.getTrain()), dataset("--predict", options.getPredict()),
        file("--model", options.getModel()), file("--config", options.getConfig()),
        file("--trainProfile", options.getTrainProfile()));
  }

  private static InputPaths file(String option, String value) {
    return new InputPaths(option, value, Stream.ofNullable(localPath(value)).toList());
  }

  private static InputPaths dataset(String option, String spec) {
    List<Path> paths = new ArrayList<>();
    if (localPath(spec) != null) {
      // a folder or file that exists is an input by its own name, glob characters or not (DatasetFiles.resolve)
      if (Files.exists(localPath(spec))) {
        paths.add(localPath(spec));
      }
      try {
        DatasetFiles.resolve(spec).forEach(f -> paths.add(localPath(f.path())));
      } catch (RuntimeException e) {
        // a spec that names no file is reported with its own message where the run resolves its inputs
      }
    }
    return new InputPaths(option, spec, paths);
  }

  /**
   * Refuses an output path that is an input or a folder holding one: {@code --saveProfile=train.csv
   * --train=train.csv} would replace the training data with the profile. Only local paths are
   * compared; a path with a scheme (gs://) is the user's to keep apart.
   */
  private static void refuseOverlap(String option, String value, List<InputPaths> inputs) throws RunFailure {
    Path output = localPath(value);
    if (output == null) {
      return;
    }
    for (InputPaths input : inputs) {
      for (Path path : input.paths()) {
        if (path.startsWith(output)) {
          throw new RunFailure(option + "=" + value + (path.equals(output) ? " is" : " contains") + " the input "
              + input.option() + "=" + input.value() + (path.equals(localPath(input.value())) ? "" : " (" + path + ")")
              + ": write outputs apart from the inputs");
        }
      }
    }
  }

  /** {@code path} made absolute, or null when there is none or it has a scheme (gs://, hdfs://). */
  private static Path localPath(String path) {
    return path == null || path.contains("://") ? null : Path.of(path).toAbsolutePath().normalize();
  }

  /**
   * SHA-256 of the model file when a training profile is saved or used (it ties the profile's train
   * scores to the model that made them); null otherwise.
   */
  private static String modelFingerprint(SkewCheckOptions options) throws RunFailure {
    if (options.getModel() == null || (options.getSaveProfile() == null && options.getTrainProfile() == null)) {
      return null;
    }
    try {
      return BeamFiles.sha256(options.getModel());
    } catch (IOException e) {
      throw new RunFailure("cannot read model " + options.getModel() + ": " + e.getMessage());
    }
  }

  private static SkewConfig loadConfig(SkewCheckOptions options) throws RunFailure {
    String path = options.getConfig();
    if (path == null) {
      return SkewConfig.defaults();
    }
    String yaml;
    try {
      yaml = new String(BeamFiles.read(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RunFailure("cannot read config " + path + ": " + e.getMessage());
    }
    SkewConfig config;
    try {
      config = SkewConfig.parse(yaml, path);
    } catch (ConfigException e) {
      throw new RunFailure("bad config " + e.getMessage());
    }
    if (config.expectedColumnsFrom() == null) {
      return config;
    }
    String record = ModelRecord.resolve(path, config.expectedColumnsFrom());
    StoragePaths.check(options, Map.of("expectedColumnsFrom in --config", record));
    ModelRecord.Columns columns = ModelRecord.read(record);
    SkewConfig expected = config.withExpectedColumns(columns.columns());
    return columns.targetY() == null ? expected : expected.withDefaultLabel(columns.targetY());
  }

  private static List<DatasetFiles.File> resolve(String option, String spec) throws RunFailure {
    try {
      return DatasetFiles.resolve(spec);
    } catch (IllegalArgumentException e) {
      throw new RunFailure(option + "=" + spec + ": " + e.getMessage());
    } catch (RuntimeException e) {
      throw new RunFailure(option + "=" + spec + ": cannot list files: " + rootMessage(e));
    }
  }

  private static boolean failing(JsonNode report, FailOn failOn) {
    for (JsonNode f : report.path("findings")) {
      if (failOn.fails(Severity.parse(f.path("severity").asText()))) {
        return true;
      }
    }
    return false;
  }

  private static void printSummary(JsonNode report, String outputDir, PrintStream out) {
    JsonNode train = report.path("datasets").path(Dataset.TRAIN.label());
    JsonNode predict = report.path("datasets").path(Dataset.PREDICT.label());
    JsonNode findings = report.path("findings");
    out.printf("skewcheck: verdict %s — train %d rows (%d files, %d rejected), predict %d rows (%d files, %d rejected), "
            + "%d findings%n",
        report.path("verdict").asText(), train.path("rows").asLong(), train.path("files").asLong(),
        train.path("rejectedRows").asLong(), predict.path("rows").asLong(), predict.path("files").asLong(),
        predict.path("rejectedRows").asLong(), findings.size());
    // one line per cause: a finding folded under its prefix's is counted on that line
    int shown = 0;
    for (JsonNode f : findings) {
      if (shown == TOP_FINDINGS) {
        break;
      }
      if (f.has("explainedBy")) {
        continue;
      }
      int explains = f.path("explains").asInt();
      out.printf("  %-7s %-7s %s%s%n", f.path("severity").asText(), f.path("scope").asText(),
          shortened(f.path("message").asText()), explains == 0 ? "" : " [+" + explains + " column findings]");
      shown++;
    }
    out.println("  report: " + escaped(BeamFiles.resolve(outputDir, ReportFiles.REPORT_JSON).toString()));
    out.println("  page:   " + escaped(BeamFiles.resolve(outputDir, ReportFiles.REPORT_HTML).toString()));
  }

  /**
   * {@code text} cut to {@value #CONSOLE_CHARS} characters, its full length stated, then
   * {@link #escaped}: a finding's message can quote a column name or a value of any length.
   */
  static String shortened(String text) {
    if (text.length() <= CONSOLE_CHARS) {
      return escaped(text);
    }
    int end = Character.isHighSurrogate(text.charAt(CONSOLE_CHARS - 1)) ? CONSOLE_CHARS - 1 : CONSOLE_CHARS;
    return escaped(text.substring(0, end)) + "… (" + text.length() + " chars)";
  }

  /**
   * {@code text} with each control character (C0, DEL, C1) written as a visible escape ({@code \n},
   * <code>&#92;u001b</code>). Data can hold them (a quoted CSV header cell can), and printed raw they would
   * move the cursor, recolour or clear the terminal, or break a one-line message into several.
   */
  static String escaped(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.toString();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return firstLine(t.getClass().getSimpleName() + ": " + t.getMessage());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
