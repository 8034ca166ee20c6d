package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Paths that workers open themselves become absolute at launch when local, and stay as given otherwise. */
class AbsolutePathsTest {
  @Test
  void localPathsBecomeAbsoluteAndNormalized() {
    assertThat(SkewCheck.absoluteIfLocal("demo/../demo/model.json"))
        .isEqualTo(Path.of("demo/model.json").toAbsolutePath().toString());
  }

  @Test
  void pathsWithASchemeAndAbsentOptionsStayAsGiven() {
    assertThat(SkewCheck.absoluteIfLocal("gs://bucket/model.json")).isEqualTo("gs://bucket/model.json");
    assertThat(SkewCheck.absoluteIfLocal(null)).isNull();
  }

  @Test
  void theParsedOptionsCarryAbsoluteModelOutputAndProfilePaths() throws Exception {
    SkewCheckOptions options = SkewCheck.parse(new String[] {"--predict=p", "--output=out", "--model=m.json",
        "--saveProfile=train.profile"});
    assertThat(Path.of(options.getModel())).isAbsolute().endsWithRaw(Path.of("m.json"));
    assertThat(Path.of(options.getOutput())).isAbsolute().endsWithRaw(Path.of("out"));
    assertThat(Path.of(options.getSaveProfile())).isAbsolute().endsWithRaw(Path.of("train.profile"));
  }
}
