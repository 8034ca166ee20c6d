package org.skewcheck.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the real command in-process, capturing its exit code, stdout, stderr and report. */
record SkewCheckRunner(int exitCode, String out, String err, Path output) {

  static SkewCheckRunner run(Path output, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] all = new String[args.length + 1];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--output=" + output;
    int code = SkewCheck.execute(all, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new SkewCheckRunner(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), output);
  }

  JsonNode report() throws IOException {
    return JsonMapper.builder().build().readTree(output.resolve("report.json").toFile());
  }

  static String config(String name) {
    return Path.of("..", "configs", name).toAbsolutePath().toString();
  }

  static boolean exists(Path p) {
    return Files.exists(p);
  }
}
