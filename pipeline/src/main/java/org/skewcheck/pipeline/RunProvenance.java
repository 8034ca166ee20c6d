package org.skewcheck.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.skewcheck.transforms.DatasetFiles;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.report.Provenance;
import org.skewcheck.validation.stats.Dataset;

/** Builds a run's {@link Provenance} when it starts; the report sets the end time when it is written. */
final class RunProvenance {
  private RunProvenance() {}

  static Provenance start(Instant startedAt, SkewCheckOptions options, SkewConfig config,
      SkewCheckPipeline.Inputs inputs) {
    Map<String, List<Provenance.InputFile>> files = new LinkedHashMap<>();
    files.put(Dataset.TRAIN.label(), files(inputs.trainFiles()));
    files.put(Dataset.PREDICT.label(), files(inputs.predictFiles()));
    return new Provenance(UUID.randomUUID().toString(), startedAt.toString(), null, version(),
        options.getRunner().getSimpleName(), options.getConfig(), config.fingerprint(), options.getModel(), files);
  }

  private static List<Provenance.InputFile> files(List<DatasetFiles.File> files) {
    return files.stream().map(f -> new Provenance.InputFile(f.path(), f.sizeBytes(), f.lastModifiedMillis())).toList();
  }

  /** skewcheck's version, from the build; "unknown" when run from unbuilt classes. */
  static String version() {
    try (InputStream in = RunProvenance.class.getResourceAsStream("/skewcheck-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
