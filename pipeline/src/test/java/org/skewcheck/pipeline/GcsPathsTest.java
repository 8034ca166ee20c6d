package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code gs://} path that cannot be used fails fast, with exit 2 and one line, after at most the
 * configured tries: when no Google Cloud credentials can be had, or when they get no access token.
 * Every build has Beam's GCS filesystem (the Flink runner depends on Beam's Google Cloud core).
 * The runs are child JVMs whose environment has no credentials: no GOOGLE_APPLICATION_CREDENTIALS
 * (or a key for an account Google does not know), an empty home and gcloud folder, and a metadata
 * server that refuses connections.
 */
class GcsPathsTest {
  private static final int ATTEMPTS = 2;
  private static final int TIMEOUT_SECONDS = 10;
  /** The child's JVM start and Beam's options parsing come on top of the bounded tries. */
  private static final Duration EXITS_WITHIN = Duration.ofSeconds(120);
  private static final Pattern TRIES = Pattern.compile("; (\\d+) (?:try|tries) in (\\d+) s");

  @TempDir
  Path dir;

  private Path predict() throws IOException {
    return Files.writeString(dir.resolve("predict.csv"), ",IQ_a\np1,0.5\np2,0.6\n");
  }

  @Test
  void aSchemeWithoutAFilesystemInThisBuildIsExitTwoAtOnce() throws IOException {
    SkewCheckRunner run = SkewCheckRunner.run(dir.resolve("out"), "--train=" + predict(), "--predict=" + predict(),
        "--saveProfile=hdfs://namenode/joot/train.profile");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1).isEqualTo(
        "skewcheck: --saveProfile=hdfs://namenode/joot/train.profile: No filesystem found for scheme hdfs\n");
  }

  @Test
  void theTriesAndTheirTimeMustBePositive() throws IOException {
    for (String bad : List.of("--gcsConnectAttempts=0", "--gcsConnectTimeoutSeconds=-1")) {
      SkewCheckRunner run = SkewCheckRunner.run(dir.resolve("out"), "--train=gs://skewcheck-test/train.csv",
          "--predict=" + predict(), bad);
      assertThat(run.exitCode()).as(bad).isEqualTo(2);
      assertThat(run.err()).as(bad).hasLineCount(1)
          .contains("--gcsConnectAttempts and --gcsConnectTimeoutSeconds must be at least 1");
    }
  }

  @Test
  void withoutCredentialsAGsPathIsExitTwoAfterTheConfiguredTries() throws Exception {
    String line = runWithoutCredentials(environment -> environment.remove("GOOGLE_APPLICATION_CREDENTIALS"));

    assertThat(line).startsWith("skewcheck: cannot reach gs://skewcheck-test/train.csv (--train): "
        + "no Google Cloud credentials found (");
    assertWithinTheTries(line);
  }

  @Test
  void credentialsThatGetNoAccessTokenAreExitTwoWithinTheConfiguredTime() throws Exception {
    Path key = serviceAccountKey();
    String line = runWithoutCredentials(environment -> environment.put("GOOGLE_APPLICATION_CREDENTIALS",
        key.toString()));

    assertThat(line).startsWith("skewcheck: cannot reach gs://skewcheck-test/train.csv (--train): ")
        .containsAnyOf("Google Cloud credentials found, but no access token with them", "no answer within");
    assertWithinTheTries(line);
  }

  /** Runs the command on a gs:// input in a child JVM without credentials; returns its one stderr line. */
  private String runWithoutCredentials(Consumer<Map<String, String>> credentials)
      throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Path out = dir.resolve("out");
    try (ChildJvm jvm = ChildJvm.start(dir, dir.resolve("run.log"), List.of("-Duser.home=" + home,
        "-cp", System.getProperty("java.class.path"), SkewCheck.class.getName(),
        "--train=gs://skewcheck-test/train.csv", "--predict=" + predict(), "--output=" + out,
        "--gcsConnectAttempts=" + ATTEMPTS, "--gcsConnectTimeoutSeconds=" + TIMEOUT_SECONDS), environment -> {
          environment.put("HOME", home.toString());
          environment.put("CLOUDSDK_CONFIG", home.resolve("gcloud").toString());
          environment.put("GCE_METADATA_HOST", "127.0.0.1:1");
          credentials.accept(environment);
        })) {
      assertThat(jvm.waitFor(EXITS_WITHIN)).as(jvm.tail(20)).isEqualTo(2);
    }
    assertThat(out.resolve("report.json")).doesNotExist();
    List<String> lines = Files.readAllLines(dir.resolve("run.log")).stream()
        .filter(l -> l.startsWith("skewcheck: ")).toList();
    assertThat(lines).hasSize(1);
    return lines.get(0);
  }

  private static void assertWithinTheTries(String line) {
    Matcher tries = TRIES.matcher(line);
    assertThat(tries.find()).as(line).isTrue();
    assertThat(Integer.parseInt(tries.group(1))).as(line).isBetween(1, ATTEMPTS);
    assertThat(Integer.parseInt(tries.group(2))).as(line).isLessThanOrEqualTo(TIMEOUT_SECONDS);
  }

  /** A well-formed service-account key, new for this test: an account that does not exist. */
  private Path serviceAccountKey() throws IOException, NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String pem = "-----BEGIN PRIVATE KEY-----\\n"
        + Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
        + "\\n-----END PRIVATE KEY-----\\n";
    return Files.writeString(dir.resolve("key.json"), "{\"type\": \"service_account\", \"project_id\": \"skewcheck-test\", "
        + "\"private_key_id\": \"1\", \"private_key\": \"" + pem + "\", "
        + "\"client_email\": \"nobody@skewcheck-test.iam.gserviceaccount.com\", \"client_id\": \"1\", "
        + "\"token_uri\": \"https://oauth2.googleapis.com/token\"}", StandardCharsets.UTF_8);
  }
}
