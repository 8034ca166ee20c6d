package org.skewcheck.validation.report;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Where a report comes from: the run, the tool, the runner, the config and the inputs, so a nightly
 * report can be traced and compared with the nights before it.
 *
 * @param runId a random UUID per run
 * @param startedAt when the command started (UTC, ISO-8601)
 * @param finishedAt when the report was written (UTC, ISO-8601)
 * @param configFingerprint SHA-256 of the parsed config (comments and key order do not change it)
 * @param inputs per dataset, every file read with its size and modification time
 */
public record Provenance(String runId, String startedAt, String finishedAt, String version, String runner,
    String config, String configFingerprint, String model, Map<String, List<InputFile>> inputs)
    implements Serializable {

  /** One input file. */
  public record InputFile(String path, long sizeBytes, long lastModifiedMillis) implements Serializable {}

  /** The same provenance, finished at {@code time}. */
  public Provenance finishedAt(String time) {
    return new Provenance(runId, startedAt, time, version, runner, config, configFingerprint, model, inputs);
  }
}
