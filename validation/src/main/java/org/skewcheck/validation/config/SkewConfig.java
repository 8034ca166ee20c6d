package org.skewcheck.validation.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The whole run configuration, immutable, parsed once from YAML by {@link #parse}. Every section is
 * optional; a missing one takes the defaults documented in {@code configs/default.yaml}.
 *
 * <pre>{@code
 * SkewConfig config = SkewConfig.parse(Files.readString(path), path.toString());
 * config.expected().predict().constant(); // [U, _Dy, ...]
 * }</pre>
 */
public record SkewConfig(Columns columns, List<PrefixRule> prefixes, Expected expected, Sparsity sparsity,
    List<String> expectedColumns, String expectedColumnsFrom, Scoring scoring, Drift drift, List<Rule> rules,
    List<String> requiredColumns, List<String> uniqueKey, History history)
    implements Serializable {

  @JsonCreator
  public SkewConfig(
      @JsonProperty("columns") Columns columns,
      @JsonProperty("prefixes") List<PrefixRule> prefixes,
      @JsonProperty("expected") Expected expected,
      @JsonProperty("sparsity") Sparsity sparsity,
      @JsonProperty("expectedColumns") List<String> expectedColumns,
      @JsonProperty("expectedColumnsFrom") String expectedColumnsFrom,
      @JsonProperty("scoring") Scoring scoring,
      @JsonProperty("drift") Drift drift,
      @JsonProperty("rules") List<Rule> rules,
      @JsonProperty("requiredColumns") List<String> requiredColumns,
      @JsonProperty("uniqueKey") List<String> uniqueKey,
      @JsonProperty("history") History history) {
    this.columns = columns == null ? Columns.NONE : columns;
    this.prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
    this.expected = expected == null ? Expected.NONE : expected;
    this.sparsity = sparsity == null ? Sparsity.DEFAULTS : sparsity;
    this.expectedColumns = expectedColumns == null ? List.of() : List.copyOf(expectedColumns);
    this.expectedColumnsFrom = expectedColumnsFrom == null || expectedColumnsFrom.isBlank() ? null : expectedColumnsFrom;
    if (!this.expectedColumns.isEmpty() && this.expectedColumnsFrom != null) {
      throw new ConfigException("give expectedColumns or expectedColumnsFrom, not both");
    }
    this.scoring = scoring == null ? Scoring.DEFAULTS : scoring;
    this.drift = drift == null ? Drift.DEFAULTS : drift;
    this.rules = rules == null ? List.of() : List.copyOf(rules);
    this.requiredColumns = requiredColumns == null ? List.of() : List.copyOf(requiredColumns);
    this.uniqueKey = uniqueKey == null ? List.of() : List.copyOf(uniqueKey);
    this.history = history == null ? History.DEFAULTS : history;
  }

  /** The configuration with every default. */
  public static SkewConfig defaults() {
    return new SkewConfig(null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** This config with {@code columns} as the expected feature order (read from {@link #expectedColumnsFrom}). */
  public SkewConfig withExpectedColumns(List<String> columns) {
    return new SkewConfig(this.columns, prefixes, expected, sparsity, columns, null, scoring, drift, rules,
        requiredColumns, uniqueKey, history);
  }

  /**
   * SHA-256 (hex) of the parsed config as canonical JSON: two configs that mean the same thing
   * (whatever their comments, key order or defaults spelled out) have the same fingerprint.
   */
  public String fingerprint() {
    ObjectMapper canonical = JsonMapper.builder()
        .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .build();
    try {
      byte[] json = canonical.writeValueAsBytes(canonical.valueToTree(this));
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The prefix rules this config defines (its own ordered rules, then the default rule). */
  public PrefixRules prefixRules() {
    return PrefixRules.of(prefixes);
  }

  /**
   * Parses YAML text; {@code source} names it in error messages.
   *
   * @throws ConfigException naming the offending key and its line
   */
  public static SkewConfig parse(String yaml, String source) {
    ObjectMapper mapper = YAMLMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
    // A document with nothing but comments (every line of default.yaml commented out) has no
    // token at all; readValue(String) would call that a mapping error.
    try (JsonParser parser = mapper.createParser(yaml)) {
      SkewConfig config = parser.nextToken() == null ? null : mapper.readValue(parser, SkewConfig.class);
      return config == null ? defaults() : config;
    } catch (UnrecognizedPropertyException e) {
      String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
          .map(Object::toString).sorted().collect(Collectors.joining(", ", " (known keys: ", ")"));
      throw new ConfigException(source + ": unknown key '" + path(e) + "'" + where(locate(mapper, yaml, e)) + known);
    } catch (JsonMappingException e) {
      Throwable cause = e.getCause();
      String reason = cause instanceof ConfigException ? cause.getMessage() : e.getOriginalMessage();
      throw new ConfigException(
          source + ": bad value for '" + path(e) + "'" + where(locate(mapper, yaml, e)) + ": " + reason);
    } catch (JsonProcessingException e) {
      throw new ConfigException(source + ": not valid YAML" + where(e.getLocation()) + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException(source + ": cannot be read: " + e.getMessage());
    }
  }

  private static String path(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  /**
   * Where the key named by {@code e}'s path is written. The exception's own location is the parser's
   * position when it was raised, which for our creator-built records is the end of the enclosing
   * mapping (Jackson buffers a creator's properties, unknown ones included, until the mapping ends),
   * so it can be lines past the key. Falls back to that location when the path cannot be followed.
   */
  private static JsonLocation locate(ObjectMapper mapper, String yaml, JsonMappingException e) {
    try (JsonParser p = mapper.createParser(yaml)) {
      JsonToken token = p.nextToken();
      JsonLocation found = e.getLocation();
      for (JsonMappingException.Reference ref : e.getPath()) {
        boolean hit = false;
        if (ref.getFieldName() != null && token == JsonToken.START_OBJECT) {
          while (!hit && p.nextToken() == JsonToken.FIELD_NAME) {
            hit = ref.getFieldName().equals(p.currentName());
            if (hit) {
              found = p.currentTokenLocation();
            }
            p.nextToken();
            if (!hit) {
              p.skipChildren();
            }
          }
        } else if (ref.getFieldName() == null && token == JsonToken.START_ARRAY) {
          for (int i = 0; !hit && p.nextToken() != JsonToken.END_ARRAY && p.currentToken() != null; i++) {
            hit = i == ref.getIndex();
            if (hit) {
              found = p.currentTokenLocation();
            } else {
              p.skipChildren();
            }
          }
        }
        if (!hit) {
          break;
        }
        token = p.currentToken();
      }
      return found;
    } catch (IOException | RuntimeException ignored) {
      return e.getLocation();
    }
  }

  private static void requireOpenUnit(String key, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new ConfigException(key + " must be in (0, 1], got " + value);
    }
  }

  private static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 0 ? "" : " at line " + location.getLineNr();
  }

  /** Columns with a role other than feature; none of them is compared as a feature. */
  public record Columns(String id, String label, String recordedScore) implements Serializable {
    static final Columns NONE = new Columns(null, null, null);

    @JsonCreator
    public Columns(
        @JsonProperty("id") String id,
        @JsonProperty("label") String label,
        @JsonProperty("recordedScore") String recordedScore) {
      this.id = blankToNull(id);
      this.label = blankToNull(label);
      this.recordedScore = blankToNull(recordedScore);
    }

    /** The role of {@code column}: id, label, recordedScore, or feature. */
    public String roleOf(String column) {
      if (column.equals(id)) {
        return "id";
      }
      if (column.equals(label)) {
        return "label";
      }
      if (column.equals(recordedScore)) {
        return "recordedScore";
      }
      return "feature";
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s;
    }
  }

  /** Prefixes that are sparse or constant in a dataset on purpose, per dataset. */
  public record Expected(Declared train, Declared predict) implements Serializable {
    static final Expected NONE = new Expected(null, null);

    @JsonCreator
    public Expected(@JsonProperty("train") Declared train, @JsonProperty("predict") Declared predict) {
      this.train = train == null ? Declared.NONE : train;
      this.predict = predict == null ? Declared.NONE : predict;
    }

    /** The declarations for {@code dataset} ("train" or "predict"). */
    public Declared of(String dataset) {
      return "train".equals(dataset) ? train : predict;
    }
  }

  /** The prefixes declared expected-constant and expected-sparse in one dataset. */
  public record Declared(Set<String> constant, Set<String> sparse) implements Serializable {
    static final Declared NONE = new Declared(Set.of(), Set.of());

    @JsonCreator
    public Declared(@JsonProperty("constant") List<String> constant, @JsonProperty("sparse") List<String> sparse) {
      this(sorted(constant), sorted(sparse));
    }

    public Declared {
      Objects.requireNonNull(constant);
      Objects.requireNonNull(sparse);
    }

    /** Sorted, so the config's fingerprint does not depend on a hash order. */
    private static Set<String> sorted(List<String> prefixes) {
      return prefixes == null ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(new TreeSet<>(prefixes));
    }
  }

  /**
   * Thresholds of the paired sparsity / constancy check: a change is flagged when its
   * Benjamini-Hochberg-adjusted probability under train's rates is below {@code alpha} and the
   * fraction moved by at least {@code minChange}; a prefix also when at least {@code
   * prefixColumnShare} of its testable columns are flagged.
   */
  public record Sparsity(double alpha, double minChange, double prefixColumnShare) implements Serializable {
    static final Sparsity DEFAULTS = new Sparsity(null, null, null);

    @JsonCreator
    public Sparsity(
        @JsonProperty("alpha") Double alpha,
        @JsonProperty("minChange") Double minChange,
        @JsonProperty("prefixColumnShare") Double prefixColumnShare) {
      this(alpha == null ? 0.001 : alpha, minChange == null ? 0.1 : minChange,
          prefixColumnShare == null ? 0.5 : prefixColumnShare);
    }

    public Sparsity {
      requireOpenUnit("sparsity.alpha", alpha);
      requireOpenUnit("sparsity.minChange", minChange);
      requireOpenUnit("sparsity.prefixColumnShare", prefixColumnShare);
    }
  }

  /**
   * Thresholds of the drift check: a numeric column drifted when an effect size reaches its
   * threshold and its test is significant after a Benjamini-Hochberg correction at {@code fdr} over
   * the columns tested (KS p-values for {@code ks}; the chi-square test of the binned counts for PSI
   * and JS). PSI from {@code psiWarning} is a warning and from {@code psiError} an error; {@code js}
   * and {@code ks} alone make warnings.
   */
  public record Drift(double psiWarning, double psiError, double js, double ks, double fdr) implements Serializable {
    static final Drift DEFAULTS = new Drift(null, null, null, null, null);

    @JsonCreator
    public Drift(
        @JsonProperty("psiWarning") Double psiWarning,
        @JsonProperty("psiError") Double psiError,
        @JsonProperty("js") Double js,
        @JsonProperty("ks") Double ks,
        @JsonProperty("fdr") Double fdr) {
      this(psiWarning == null ? 0.1 : psiWarning, psiError == null ? 0.25 : psiError, js == null ? 0.1 : js,
          ks == null ? 0.1 : ks, fdr == null ? 0.05 : fdr);
    }

    public Drift {
      if (!(psiWarning > 0 && psiError >= psiWarning && Double.isFinite(psiError))) {
        throw new ConfigException("drift.psiWarning must be > 0 and drift.psiError >= it, got "
            + psiWarning + " and " + psiError);
      }
      requireOpenUnit("drift.js", js);
      requireOpenUnit("drift.ks", ks);
      requireOpenUnit("drift.fdr", fdr);
    }
  }

  /**
   * Scoring with a model: a score shift is flagged at {@code warningEffect} (error at {@code
   * errorEffect}) train standard deviations when a Welch z-test puts it below {@code alpha}; a prefix
   * explaining at least {@code attributionShare} of the raw-score shift is named; recorded scores
   * may differ from recomputed ones by {@code recordedTolerance}; train rows are attributed with a
   * seeded sample of about {@code trainAttributionSample} of them (1 = all).
   */
  public record Scoring(double warningEffect, double errorEffect, double alpha, double attributionShare,
      double recordedTolerance, double trainAttributionSample, long sampleSeed) implements Serializable {
    static final Scoring DEFAULTS = new Scoring(null, null, null, null, null, null, null);

    @JsonCreator
    public Scoring(
        @JsonProperty("warningEffect") Double warningEffect,
        @JsonProperty("errorEffect") Double errorEffect,
        @JsonProperty("alpha") Double alpha,
        @JsonProperty("attributionShare") Double attributionShare,
        @JsonProperty("recordedTolerance") Double recordedTolerance,
        @JsonProperty("trainAttributionSample") Double trainAttributionSample,
        @JsonProperty("sampleSeed") Long sampleSeed) {
      this(warningEffect == null ? 0.2 : warningEffect, errorEffect == null ? 0.5 : errorEffect,
          alpha == null ? 0.001 : alpha, attributionShare == null ? 0.5 : attributionShare,
          recordedTolerance == null ? 1e-4 : recordedTolerance,
          trainAttributionSample == null ? 1.0 : trainAttributionSample, sampleSeed == null ? 42L : sampleSeed);
    }

    public Scoring {
      if (!(warningEffect > 0 && errorEffect >= warningEffect)) {
        throw new ConfigException("scoring.warningEffect must be > 0 and scoring.errorEffect >= it, got "
            + warningEffect + " and " + errorEffect);
      }
      if (!(alpha > 0 && alpha <= 1)) {
        throw new ConfigException("scoring.alpha must be in (0, 1], got " + alpha);
      }
      if (!(attributionShare > 0 && attributionShare <= 1)) {
        throw new ConfigException("scoring.attributionShare must be in (0, 1], got " + attributionShare);
      }
      if (!(recordedTolerance >= 0)) {
        throw new ConfigException("scoring.recordedTolerance must be >= 0, got " + recordedTolerance);
      }
      if (!(trainAttributionSample > 0 && trainAttributionSample <= 1)) {
        throw new ConfigException("scoring.trainAttributionSample must be in (0, 1], got " + trainAttributionSample);
      }
    }
  }

  /**
   * Comparison of tonight's per-prefix metrics with the earlier runs in {@code --history}: once at
   * least {@code minRuns} earlier runs exist, a metric outside mean ± {@code k}·σ of the last
   * {@code runs} of them is anomalous, provided it also moved by at least {@code minChange} from
   * that mean (so a metric that was constant over the history does not flag a tiny wiggle).
   */
  public record History(double k, int runs, int minRuns, double minChange) implements Serializable {
    static final History DEFAULTS = new History(null, null, null, null);

    @JsonCreator
    public History(
        @JsonProperty("k") Double k,
        @JsonProperty("runs") Integer runs,
        @JsonProperty("minRuns") Integer minRuns,
        @JsonProperty("minChange") Double minChange) {
      this(k == null ? 3.0 : k, runs == null ? 30 : runs, minRuns == null ? 5 : minRuns,
          minChange == null ? 0.05 : minChange);
    }

    public History {
      if (!(k > 0 && Double.isFinite(k))) {
        throw new ConfigException("history.k must be > 0, got " + k);
      }
      if (minRuns < 2 || runs < minRuns) {
        throw new ConfigException("history.minRuns must be >= 2 and history.runs >= it, got " + minRuns
            + " and " + runs);
      }
      if (!(minChange >= 0 && Double.isFinite(minChange))) {
        throw new ConfigException("history.minChange must be >= 0, got " + minChange);
      }
    }
  }
}
