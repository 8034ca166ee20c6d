package org.skewcheck.pipeline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.skewcheck.transforms.DatasetFiles;
import org.skewcheck.transforms.FileSummary;
import org.skewcheck.validation.config.PrefixRule;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.score.ScoreSummary;
import org.skewcheck.validation.stats.Duplicates;
import org.skewcheck.validation.stats.PrefixStats;

/**
 * The train side of a run, saved by {@code --saveProfile} and used by {@code --trainProfile} in
 * place of {@code --train}: every per-prefix accumulator (sketches included), what was read
 * (files, rows, rejected rows, duplicates) and, when a model scored the train rows, its score
 * summary and attribution baseline. The report from a profile equals the report from the raw
 * training data, since the accumulators are the very ones the full run built.
 *
 * <p>Format version 6, one binary file, big-endian ({@link DataOutputStream}), strings as
 * modified UTF-8 ({@code writeUTF}):
 * <pre>
 * 8 bytes    magic "SKEWPROF"
 * int32      format version (6)
 * UTF        skewcheck version that wrote it (informational)
 * UTF        config fingerprint (SHA-256 of the parsed config, as in the report's provenance)
 * bool [UTF] model fingerprint (SHA-256 of the model file), when a model scored the train rows
 * int32 n    prefix rules, n × (UTF match, UTF prefix), in order
 * int32 n    train input files, n × (UTF path, int64 size, int64 modification time in ms)
 * int32 n    file summaries, n × FileSummary.Coder
 * int32 n    prefixes, n × (UTF prefix, PrefixStats.writeTo: row counts, columns, row aggregates)
 * bool [int64 rows, bool [int64 keys]]   duplicates counted in train
 * bool [ScoreSummary.writeTo]            the train score summary
 * 32 bytes   SHA-256 of every byte before it
 * </pre>
 * Version policy: the version changes whenever this layout or the binary form of an accumulator
 * changes; a skewcheck refuses every version but its own (profiles are cheap to rebuild with one
 * full run, and a misread sketch would give wrong figures silently). A golden file per version
 * ({@code ProfileFormatTest}) fails the build when the bytes change and the version does not.
 *
 * <pre>{@code
 * TrainProfile saved = TrainProfile.read("gs://bucket/joot/train.profile", config, modelFingerprint);
 * }</pre>
 */
record TrainProfile(String writtenBy, String configFingerprint, String modelFingerprint, List<PrefixRule> prefixRules,
    List<DatasetFiles.File> files, List<FileSummary> fileSummaries, Map<String, PrefixStats> prefixes,
    Duplicates duplicates, ScoreSummary scores) {

  static final int FORMAT_VERSION = 6;
  private static final byte[] MAGIC = "SKEWPROF".getBytes(StandardCharsets.US_ASCII);
  private static final int HASH_BYTES = 32;

  /** The file's bytes: the layout in the class comment, hash included. */
  byte[] toBytes() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(MAGIC);
    out.writeInt(FORMAT_VERSION);
    out.writeUTF(writtenBy);
    out.writeUTF(configFingerprint);
    writeOptionalUtf(out, modelFingerprint);
    out.writeInt(prefixRules.size());
    for (PrefixRule rule : prefixRules) {
      out.writeUTF(rule.match());
      out.writeUTF(rule.prefix());
    }
    out.writeInt(files.size());
    for (DatasetFiles.File f : files) {
      out.writeUTF(f.path());
      out.writeLong(f.sizeBytes());
      out.writeLong(f.lastModifiedMillis());
    }
    out.writeInt(fileSummaries.size());
    for (FileSummary s : fileSummaries) {
      FileSummary.Coder.of().encode(s, out);
    }
    out.writeInt(prefixes.size());
    for (Map.Entry<String, PrefixStats> e : new TreeMap<>(prefixes).entrySet()) {
      out.writeUTF(e.getKey());
      e.getValue().writeTo(out);
    }
    out.writeBoolean(duplicates != null);
    if (duplicates != null) {
      out.writeLong(duplicates.rows());
      out.writeBoolean(duplicates.keys() != null);
      if (duplicates.keys() != null) {
        out.writeLong(duplicates.keys());
      }
    }
    out.writeBoolean(scores != null);
    if (scores != null) {
      scores.writeTo(out);
    }
    out.flush();
    out.write(sha256(bytes.toByteArray(), bytes.size()));
    out.flush();
    return bytes.toByteArray();
  }

  /**
   * Reads the profile at {@code path} and checks that it can stand in for {@code --train} in this
   * run: a known format, intact bytes, the same config, and the same model when one is given.
   *
   * @param modelFingerprint SHA-256 of this run's model file, or null when the run has no model
   * @throws RunFailure naming the file and the reason
   */
  static TrainProfile read(String path, SkewConfig config, String modelFingerprint) throws RunFailure {
    byte[] bytes;
    try {
      bytes = BeamFiles.read(path);
    } catch (IOException e) {
      throw new RunFailure("--trainProfile=" + path + ": cannot be read: " + e.getMessage());
    }
    TrainProfile profile;
    try {
      profile = parse(bytes);
    } catch (IOException | RuntimeException e) {
      throw new RunFailure("--trainProfile=" + path + ": " + e.getMessage());
    }
    String fingerprint = config.fingerprint();
    if (!profile.configFingerprint.equals(fingerprint)) {
      String rules = spelled(profile.prefixRules).equals(spelled(config.prefixes())) ? ""
          : " (its prefix rules differ too: " + spelled(profile.prefixRules) + ")";
      throw new RunFailure("--trainProfile=" + path + " was made with another config" + rules + ": fingerprint "
          + abbreviate(profile.configFingerprint) + ", this run's " + abbreviate(fingerprint)
          + "; save the profile again with this config");
    }
    if (modelFingerprint != null && profile.scores == null) {
      throw new RunFailure("--trainProfile=" + path + " was made without a model, so it has no train scores; "
          + "save it again with --model");
    }
    if (modelFingerprint != null && !modelFingerprint.equals(profile.modelFingerprint)) {
      throw new RunFailure("--trainProfile=" + path + " was made with another model: fingerprint "
          + abbreviate(profile.modelFingerprint) + ", --model's " + abbreviate(modelFingerprint));
    }
    return profile;
  }

  /** Parses the bytes of a profile, checking magic, version and hash before anything else. */
  static TrainProfile parse(byte[] bytes) throws IOException {
    if (bytes.length < MAGIC.length + Integer.BYTES + HASH_BYTES
        || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new IOException("not a skewcheck training profile (no SKEWPROF header)");
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - HASH_BYTES));
    in.skipNBytes(MAGIC.length);
    int version = in.readInt();
    if (version != FORMAT_VERSION) {
      throw new IOException("unknown profile format version " + version + "; this skewcheck reads version "
          + FORMAT_VERSION + ": save the profile again with this skewcheck");
    }
    byte[] expected = sha256(bytes, bytes.length - HASH_BYTES);
    if (!Arrays.equals(bytes, bytes.length - HASH_BYTES, bytes.length, expected, 0, HASH_BYTES)) {
      throw new IOException("the profile is damaged or was modified (its SHA-256 does not match its contents)");
    }
    String writtenBy = in.readUTF();
    String configFingerprint = in.readUTF();
    String modelFingerprint = in.readBoolean() ? in.readUTF() : null;
    List<PrefixRule> rules = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      rules.add(PrefixRule.of(in.readUTF(), in.readUTF()));
    }
    List<DatasetFiles.File> files = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      files.add(new DatasetFiles.File(in.readUTF(), in.readLong(), in.readLong()));
    }
    List<FileSummary> summaries = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      summaries.add(FileSummary.Coder.of().decode(in));
    }
    Map<String, PrefixStats> prefixes = new TreeMap<>();
    for (int i = in.readInt(); i > 0; i--) {
      prefixes.put(in.readUTF(), PrefixStats.readFrom(in));
    }
    Duplicates duplicates = null;
    if (in.readBoolean()) {
      long rows = in.readLong();
      duplicates = new Duplicates(rows, in.readBoolean() ? in.readLong() : null);
    }
    ScoreSummary scores = in.readBoolean() ? ScoreSummary.readFrom(in) : null;
    if (in.available() != 0) {
      throw new IOException("the profile has " + in.available() + " unexpected bytes after its contents");
    }
    return new TrainProfile(writtenBy, configFingerprint, modelFingerprint, rules, files, summaries, prefixes,
        duplicates, scores);
  }

  /** Every train column the profile holds. */
  Set<String> columns() {
    Set<String> all = new TreeSet<>();
    prefixes.values().forEach(p -> all.addAll(p.columns().keySet()));
    return all;
  }

  private static byte[] sha256(byte[] bytes, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(bytes, 0, length < 0 ? bytes.length : length);
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writeOptionalUtf(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  /** Rules as "match -> prefix" (a rule's compiled Pattern has no equals). */
  private static List<String> spelled(List<PrefixRule> rules) {
    return rules.stream().map(r -> r.match() + " -> " + r.prefix()).toList();
  }

  private static String abbreviate(String fingerprint) {
    return fingerprint == null ? "none" : fingerprint.substring(0, Math.min(12, fingerprint.length()));
  }
}
