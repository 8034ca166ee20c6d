package org.skewcheck.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;

/**
 * Checks the paths a run is given before it reads or writes anything. A path's scheme must have a
 * filesystem in this build ({@code hdfs://} and {@code s3://} have none), and {@code gs://} paths
 * need Google Cloud credentials, got within {@code --gcsConnectAttempts} tries and
 * {@code --gcsConnectTimeoutSeconds} ({@link GcsCredentials}). Either failing is exit 2 with one
 * line naming the path. Without this, Beam's GCS filesystem goes on without credentials and
 * retries each request for about five minutes: a run took 12 minutes to fail.
 *
 * <pre>
 * StoragePaths.check(options);  // --train, --predict, --output and the other path options
 * StoragePaths.check(options, Map.of("expectedColumnsFrom in --config", path));
 * </pre>
 */
final class StoragePaths {
  private StoragePaths() {}

  /** Checks every path option of {@code options}, and {@code --tempLocation}. */
  static void check(SkewCheckOptions options) throws RunFailure {
    Map<String, String> paths = new LinkedHashMap<>();
    paths.put("--train", options.getTrain());
    paths.put("--trainProfile", options.getTrainProfile());
    paths.put("--predict", options.getPredict());
    paths.put("--model", options.getModel());
    paths.put("--config", options.getConfig());
    paths.put("--output", options.getOutput());
    paths.put("--saveProfile", options.getSaveProfile());
    paths.put("--history", options.getHistory());
    paths.put("--tempLocation", options.getTempLocation());
    check(options, paths);
  }

  /** Checks {@code paths}, each named by what gave it (an option); null paths are skipped. */
  static void check(SkewCheckOptions options, Map<String, String> paths) throws RunFailure {
    boolean connected = false;
    for (Map.Entry<String, String> named : paths.entrySet()) {
      String path = named.getValue();
      String scheme = scheme(path);
      if (scheme == null || scheme.equals("file")) {
        continue;
      }
      try {
        FileSystems.matchNewResource(path, true);
      } catch (IllegalArgumentException e) {
        throw new RunFailure(named.getKey() + "=" + path + ": " + e.getMessage());
      }
      if (scheme.equals("gs") && !connected) {
        connect(named.getKey(), path, options);
        connected = true;
      }
    }
  }

  private static void connect(String option, String path, SkewCheckOptions options) throws RunFailure {
    try {
      BoundedAttempts.run(options.getGcsConnectAttempts(), Duration.ofSeconds(options.getGcsConnectTimeoutSeconds()),
          () -> GcsCredentials.connect(options));
    } catch (BoundedAttempts.Exhausted e) {
      Throwable why = e.getCause();
      throw new RunFailure("cannot reach " + path + " (" + option + "): "
          + (why.getMessage() == null ? why.getClass().getSimpleName() : why.getMessage()) + "; "
          + e.tries() + (e.tries() == 1 ? " try" : " tries") + " in " + e.took().toSeconds() + " s"
          + (e.cutOff() && e.tries() > 1 ? ", the last cut off" : "")
          + " (--gcsConnectAttempts=" + options.getGcsConnectAttempts()
          + ", --gcsConnectTimeoutSeconds=" + options.getGcsConnectTimeoutSeconds() + ")");
    }
  }

  /** The scheme of {@code path} ({@code gs} of {@code gs://b/x}), lower case; null for a local path or none. */
  private static String scheme(String path) {
    int end = path == null ? -1 : path.indexOf("://");
    return end <= 0 ? null : path.substring(0, end).toLowerCase(Locale.ROOT);
  }
}
