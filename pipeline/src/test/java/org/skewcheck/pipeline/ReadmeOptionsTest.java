package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/**
 * The README's "Command line" section and {@link SkewCheckOptions} say the same: its table has a
 * row per option, with the option's own description (Markdown's {@code \*} read as {@code *}),
 * default and required mark, and its synopsis names every option and no option that does not exist.
 */
class ReadmeOptionsTest {
  private static final Pattern ROW = Pattern.compile(
      "^\\| `--(\\w+)`( \\(required\\))?( \\(default `([^`]*)`\\))? \\| (.*) \\|$");
  private static final Pattern NAME = Pattern.compile("--(\\w+)");

  private static String section() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("\n## Command line");
    assertThat(start).as("README has a Command line section").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end);
  }

  @Test
  void theOptionTableIsTheOptionsInterface() throws IOException {
    Map<String, CommandHelp.Option> rows = new LinkedHashMap<>();
    for (String line : section().lines().toList()) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        String description = m.group(5).replace("\\*", "*");
        rows.put(m.group(1), new CommandHelp.Option(m.group(1), description, m.group(4), m.group(2) != null));
      }
    }
    Map<String, CommandHelp.Option> options = CommandHelp.options().stream()
        .collect(Collectors.toMap(CommandHelp.Option::name, o -> o));

    assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(options.keySet());
    rows.forEach((name, row) -> assertThat(row).as(name).isEqualTo(options.get(name)));
  }

  @Test
  void theSynopsisNamesEveryOptionAndOnlyRealOnes() throws IOException {
    String section = section();
    String synopsis = section.substring(section.indexOf("```\n") + 4, section.indexOf("\n```", section.indexOf("```\n")));
    Set<String> named = new TreeSet<>();
    Matcher m = NAME.matcher(synopsis);
    while (m.find()) {
      named.add(m.group(1));
    }
    Set<String> own = CommandHelp.options().stream().map(CommandHelp.Option::name).collect(Collectors.toSet());
    PipelineOptionsFactory.register(SkewCheckOptions.class);
    Set<String> beam = PipelineOptionsFactory.describe(PipelineOptionsFactory.getRegisteredOptions()).stream()
        .map(d -> d.getName()).collect(Collectors.toSet());

    assertThat(named).containsAll(own);
    assertThat(named).allSatisfy(n -> assertThat(own.contains(n) || beam.contains(n) || List.of("help", "version")
        .contains(n)).as("--" + n + " is an option").isTrue());
  }
}
