package org.skewcheck.pipeline;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.Validation;

/**
 * What {@code --help} prints: skewcheck's own options first, each with its {@link Description},
 * its default and whether it is required, then where the runner's options are described. {@code
 * --help=NAME} prints one registered options interface, as Beam's own help does, without ending
 * the process.
 *
 * <pre>{@code
 * java -jar skewcheck.jar --help
 * java -jar skewcheck.jar --help=FlinkPipelineOptions
 * }</pre>
 */
final class CommandHelp {
  private static final int WIDTH = 100;
  private static final String INDENT = "      ";

  private CommandHelp() {}

  /** One skewcheck option as the help shows it. */
  record Option(String name, String description, String defaultValue, boolean required) {}

  /** skewcheck's own options ({@link SkewCheckOptions}' getters), required ones first, then by name. */
  static List<Option> options() {
    return Arrays.stream(SkewCheckOptions.class.getDeclaredMethods())
        .filter(m -> m.getName().startsWith("get") && m.isAnnotationPresent(Description.class))
        .map(CommandHelp::option)
        .sorted(Comparator.comparing((Option o) -> !o.required()).thenComparing(Option::name))
        .toList();
  }

  private static Option option(Method getter) {
    String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
    Default.String text = getter.getAnnotation(Default.String.class);
    Default.Integer number = getter.getAnnotation(Default.Integer.class);
    String value = text != null ? text.value() : number != null ? Integer.toString(number.value()) : null;
    return new Option(name, getter.getAnnotation(Description.class).value(), value,
        getter.isAnnotationPresent(Validation.Required.class));
  }

  /**
   * Prints the help that {@code --help} (when {@code name} is null) or {@code --help=name} asks for
   * and returns the exit code: 0, or 2 when no registered options interface has that name.
   */
  static int print(String name, PrintStream out, PrintStream err) {
    PipelineOptionsFactory.register(SkewCheckOptions.class);
    if (name == null || name.isEmpty()) {
      printOwn(out);
      return SkewCheck.OK;
    }
    Optional<Class<? extends PipelineOptions>> named = PipelineOptionsFactory.getRegisteredOptions().stream()
        .filter(c -> c.getSimpleName().equals(name) || c.getName().equals(name)).findFirst();
    if (named.isEmpty()) {
      err.println("skewcheck: --help=" + SkewCheck.escaped(name) + ": no such options; --help lists them");
      return SkewCheck.FAILED;
    }
    PipelineOptionsFactory.printHelp(out, named.get());
    return SkewCheck.OK;
  }

  private static void printOwn(PrintStream out) {
    out.println("skewcheck " + RunProvenance.version()
        + ": train-vs-predict skew and drift validation, on Apache Beam");
    out.println();
    out.println("Usage: java -jar skewcheck.jar (--train=GLOB_OR_DIR | --trainProfile=FILE) --predict=GLOB_OR_DIR");
    out.println("         --output=DIR [--OPTION=VALUE ...] [--BEAM_OPTION=VALUE ...]");
    out.println("       java -jar skewcheck.jar --help | --help=BEAM_OPTIONS_NAME | --version");
    out.println();
    out.println("skewcheck options:");
    for (Option o : options()) {
      out.println("  --" + o.name() + "=VALUE" + (o.required() ? " (required)" : "")
          + (o.defaultValue() == null ? "" : " (default: " + o.defaultValue() + ")"));
      wrap(o.description()).forEach(line -> out.println(INDENT + line));
    }
    out.println();
    out.println("Exit codes: 0 no finding at or above --failOn; 1 such findings; 2 the run could not be done.");
    out.println("--version prints skewcheck's version.");
    out.println();
    out.println("Runner options: any Beam pipeline option may follow, e.g. --runner=DirectRunner (the default) or");
    out.println("--runner=FlinkRunner. --help=NAME describes one set of them, e.g. --help=DirectOptions,");
    out.println("--help=FlinkPipelineOptions, --help=PipelineOptions. Registered:");
    PipelineOptionsFactory.getRegisteredOptions().stream().map(Class::getSimpleName).sorted()
        .forEach(n -> out.println("  " + n));
  }

  /** {@code text} in lines of at most {@link #WIDTH} characters less the indent, broken at spaces. */
  private static List<String> wrap(String text) {
    int width = WIDTH - INDENT.length();
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
