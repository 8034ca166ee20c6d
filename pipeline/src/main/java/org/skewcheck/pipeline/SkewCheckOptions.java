package org.skewcheck.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** The command-line contract of {@code skewcheck.jar} (README.md, "Command line"); any Beam option may follow. */
public interface SkewCheckOptions extends PipelineOptions {
  @Description("Training data: a CSV file, a glob, or a folder (every *.csv and *.csv.gz in it); "
      + "or give --trainProfile instead")
  String getTrain();

  void setTrain(String value);

  @Description("A training profile saved by --saveProfile, used in place of --train (same config, same model)")
  String getTrainProfile();

  void setTrainProfile(String value);

  @Description("Also write the train side's complete profile to this file, for later runs' --trainProfile")
  String getSaveProfile();

  void setSaveProfile(String value);

  @Description("Run history folder (any Beam path): earlier runs' summaries are compared with this run's, "
      + "and this run's summary is added after a successful run")
  String getHistory();

  void setHistory(String value);

  @Description("Prediction data: a CSV file, a glob, or a folder (every *.csv and *.csv.gz in it)")
  @Validation.Required
  String getPredict();

  void setPredict(String value);

  @Description("Output folder: report.json, report.html, scores.csv with --model, and rejected/ when rows "
      + "were rejected")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description("YAML config (configs/default.yaml documents every key); without one, every default applies")
  String getConfig();

  void setConfig(String value);

  @Description("XGBoost model (JSON or UBJ) to score both datasets with; adds scores.csv and the report's scores")
  String getModel();

  void setModel(String value);

  @Description("gs:// paths: how many times to try to get Google Cloud credentials before anything is read or "
      + "written; when no try succeeds the run is exit 2")
  @Default.Integer(3)
  int getGcsConnectAttempts();

  void setGcsConnectAttempts(int value);

  @Description("gs:// paths: the most seconds those tries may take together")
  @Default.Integer(20)
  int getGcsConnectTimeoutSeconds();

  void setGcsConnectTimeoutSeconds(int value);

  @Description("Exit 1 when a finding at or above this severity exists: error, warning or never")
  @Default.String("error")
  String getFailOn();

  void setFailOn(String value);
}
