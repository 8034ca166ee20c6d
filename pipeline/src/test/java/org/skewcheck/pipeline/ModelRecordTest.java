package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Where a config's {@code expectedColumnsFrom} points. */
class ModelRecordTest {
  @BeforeAll
  static void fileSystems() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
  }

  @Test
  void aRelativeRecordIsInTheConfigsFolder() {
    Path config = Path.of("/etc/skewcheck/configs/joot.yaml");
    assertThat(ModelRecord.resolve(config.toString(), "model_record.csv"))
        .isEqualTo(config.resolveSibling("model_record.csv").toString());
    assertThat(ModelRecord.resolve(config.toString(), "../records/m.csv"))
        .isEqualTo(Path.of("/etc/skewcheck/records/m.csv").toString());
  }

  @Test
  void aRelativeConfigIsTakenFromTheWorkingDirectory() {
    assertThat(ModelRecord.resolve("configs/c.yaml", "m.csv"))
        .isEqualTo(Path.of("configs", "m.csv").toAbsolutePath().toString());
  }

  @Test
  void anAbsoluteRecordOrOneWithASchemeIsKept() {
    assertThat(ModelRecord.resolve("/etc/c.yaml", "/data/m.csv")).isEqualTo("/data/m.csv");
    assertThat(ModelRecord.resolve("/etc/c.yaml", "gs://bucket/m.csv")).isEqualTo("gs://bucket/m.csv");
  }
}
