package org.skewcheck.pipeline;

import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.skewcheck.transforms.DatasetFiles;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.report.Provenance;
import org.skewcheck.validation.stats.Dataset;

/**
 * With {@code --saveProfile}: runs once, on the trigger that {@link CompareProfilesFn} passes on
 * when the checks are done (they read the same accumulators), with the {@link ReportInputs} as
 * side inputs, and writes the train side as this run saw it ({@link
 * TrainProfile}: the accumulators, what was read, the config and model it was made with) under its
 * {@link ReportFiles#pendingProfile pending name}. {@link SkewCheck} puts it in place with the
 * report once the run has succeeded.
 */
final class SaveTrainProfileFn extends DoFn<String, Void> {
  private final SkewConfig config;
  private final Provenance provenance;
  private final ReportInputs inputs;
  private final String path;
  private final String modelFingerprint;

  /** {@code modelFingerprint} is the SHA-256 of the model file, or null without a model. */
  SaveTrainProfileFn(SkewConfig config, Provenance provenance, ReportInputs inputs, String path,
      String modelFingerprint) {
    this.config = config;
    this.provenance = provenance;
    this.inputs = inputs;
    this.path = path;
    this.modelFingerprint = modelFingerprint;
  }

  @ProcessElement
  public void process(ProcessContext c) throws IOException {
    ReportInputs.Values values = inputs.read(c);
    List<DatasetFiles.File> read = provenance.inputs().get(Dataset.TRAIN.label()).stream()
        .map(f -> new DatasetFiles.File(f.path(), f.sizeBytes(), f.lastModifiedMillis())).toList();
    TrainProfile profile = new TrainProfile(provenance.version(), provenance.configFingerprint(), modelFingerprint,
        config.prefixes(), read,
        values.files().stream().filter(f -> f.dataset().equals(Dataset.TRAIN.label())).toList(),
        values.profile(Dataset.TRAIN).prefixes(), values.duplicates().get(Dataset.TRAIN.label()),
        values.scores().get(Dataset.TRAIN.label()));
    BeamFiles.writeAtomically(ReportFiles.pendingProfile(path), profile.toBytes());
  }
}
