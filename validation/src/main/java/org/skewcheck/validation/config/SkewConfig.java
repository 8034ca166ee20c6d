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
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.skewcheck.validation.stats.Dataset;

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
    List<String> requiredColumns, List<String> uniqueKey, Boolean rowsUnique, Duplicates duplicates, History history,
    List<DateColumn> dateColumns, UnseenCategories unseenCategories)
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
      @JsonProperty("rowsUnique") Boolean rowsUnique,
      @JsonProperty("duplicates") Duplicates duplicates,
      @JsonProperty("history") History history,
      @JsonProperty("dateColumns") List<DateColumn> dateColumns,
      @JsonProperty("unseenCategories") UnseenCategories unseenCategories) {
    this.columns = columns == null ? Columns.NONE : columns;
    this.prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
    this.expected = expected == null ? Expected.NONE : expected;
    this.sparsity = sparsity == null ? Sparsity.DEFAULTS : sparsity;
    this.expectedColumns = expectedColumns == null ? List.of() : List.copyOf(expectedColumns);
    this.expectedColumnsFrom = expectedColumnsFrom == null || expectedColumnsFrom.isBlank() ? null : expectedColumnsFrom;
    if (!this.expectedColumns.isEmpty() && this.expectedColumnsFrom != null) {
      throw new ConfigException("give expectedColumns or expectedColumnsFrom, not both", "expectedColumns",
          "expectedColumnsFrom");
    }
    this.scoring = scoring == null ? Scoring.DEFAULTS : scoring;
    this.drift = drift == null ? Drift.DEFAULTS : drift;
    this.rules = rules == null ? List.of() : List.copyOf(rules);
    this.requiredColumns = requiredColumns == null ? List.of() : List.copyOf(requiredColumns);
    this.uniqueKey = uniqueKey == null ? List.of() : List.copyOf(uniqueKey);
    this.rowsUnique = rowsUnique != null && rowsUnique;
    this.duplicates = duplicates == null ? Duplicates.DEFAULTS : duplicates;
    this.history = history == null ? History.DEFAULTS : history;
    this.dateColumns = dateColumns == null ? List.of() : List.copyOf(dateColumns);
    this.unseenCategories = unseenCategories == null ? UnseenCategories.DEFAULTS : unseenCategories;
  }

  /** The configuration with every default. */
  public static SkewConfig defaults() {
    return new SkewConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null);
  }

  /** This config with {@code columns} as the expected feature order (read from {@link #expectedColumnsFrom}). */
  public SkewConfig withExpectedColumns(List<String> columns) {
    return new SkewConfig(this.columns, prefixes, expected, sparsity, columns, null, scoring, drift, rules,
        requiredColumns, uniqueKey, rowsUnique, duplicates, history, dateColumns, unseenCategories);
  }

  /** This config with {@code label} as the label column when it names none (a model record's {@code targetY}). */
  public SkewConfig withDefaultLabel(String label) {
    Columns roles = this.columns.label() == null ? new Columns(this.columns.id(), label, this.columns.recordedScore())
        : this.columns;
    return new SkewConfig(roles, prefixes, expected, sparsity, expectedColumns, expectedColumnsFrom, scoring, drift,
        rules, requiredColumns, uniqueKey, rowsUnique, duplicates, history, dateColumns, unseenCategories);
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
   * @throws ConfigException naming the offending key by its full path ({@code drift.fdr}, {@code
   *     rules[2].range}) and the line and column it is written at
   */
  public static SkewConfig parse(String yaml, String source) {
    ObjectMapper mapper = YAMLMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .build();
    // A document with nothing but comments (every line of default.yaml commented out) has no
    // token at all; readValue(String) would call that a mapping error.
    try (JsonParser parser = mapper.createParser(yaml)) {
      SkewConfig config = parser.nextToken() == null ? null : mapper.readValue(parser, SkewConfig.class);
      return config == null ? defaults() : config;
    } catch (UnrecognizedPropertyException e) {
      String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
          .map(Object::toString).sorted().collect(Collectors.joining(", ", " (known keys: ", ")"));
      JsonLocation at = follow(mapper, yaml, e.getPath()).location();
      throw new ConfigException(source + ": unknown key '" + path(e.getPath()) + "'"
          + where(at == null ? e.getLocation() : at) + known);
    } catch (JsonMappingException e) {
      throw badValue(mapper, yaml, source, e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(source + ": not valid YAML" + where(e.getLocation()) + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException(source + ": cannot be read: " + e.getMessage());
    }
  }

  /** Document order of locations. */
  private static final Comparator<JsonLocation> LATER =
      Comparator.comparingInt(JsonLocation::getLineNr).thenComparingInt(JsonLocation::getColumnNr);

  /**
   * The error for a value that could not be bound, or that a config record refused. It names every
   * key at fault by its full path: the exception's own path, plus the keys a record's {@link
   * ConfigException} names within the mapping it was building. It points at the last of those keys
   * the document writes (of two that exclude each other, the second); when it writes none of them
   * (a required key left out), at the mapping that lacks them.
   */
  private static ConfigException badValue(ObjectMapper mapper, String yaml, String source, JsonMappingException e) {
    ConfigException refused = e.getCause() instanceof ConfigException c ? c : null;
    List<List<JsonMappingException.Reference>> paths = new ArrayList<>();
    for (String key : refused == null ? List.<String>of() : refused.keys()) {
      List<JsonMappingException.Reference> path = new ArrayList<>(e.getPath());
      path.add(new JsonMappingException.Reference(null, key));
      paths.add(path);
    }
    JsonLocation at = null;
    for (List<JsonMappingException.Reference> path : paths) {
      Found found = follow(mapper, yaml, path);
      if (found.steps() == path.size() && (at == null || LATER.compare(found.location(), at) > 0)) {
        at = found.location();
      }
    }
    if (at == null) {
      at = follow(mapper, yaml, e.getPath()).location();
    }
    if (paths.isEmpty()) {
      paths.add(e.getPath());
    }
    String keys = paths.stream().map(p -> "'" + path(p) + "'").collect(Collectors.joining(" and "));
    String reason = refused == null ? unbound(e) : refused.getMessage();
    return new ConfigException(
        source + ": bad value for " + keys + where(at == null ? e.getLocation() : at) + ": " + reason);
  }

  /**
   * Why Jackson could not bind a value, in the config's terms rather than Java's: what the key
   * takes, and the value it got when Jackson says; our own readers' reasons as they give them.
   */
  private static String unbound(JsonMappingException e) {
    if (!(e instanceof MismatchedInputException m) || m.getTargetType() == null) {
      return e.getOriginalMessage();
    }
    Class<?> type = m.getTargetType();
    String expected = type == Double.class || type == double.class ? "a number"
        : type == Long.class || type == Integer.class || type == long.class || type == int.class ? "a whole number"
        : type == String.class ? "text"
        : Collection.class.isAssignableFrom(type) ? "a list"
        : type.isRecord() ? "a mapping of keys to values"
        : null;
    if (expected == null) {
      return e.getOriginalMessage();
    }
    return "expected " + expected + (m instanceof InvalidFormatException f ? ", got '" + f.getValue() + "'" : "");
  }

  /** A key path written the way the config nests it: {@code rules[2].range}. */
  private static String path(List<JsonMappingException.Reference> path) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  /** Where the deepest step of a path the document has is written (null for none), and how deep that is. */
  private record Found(JsonLocation location, int steps) {}

  /**
   * Follows {@code path} through the document, key by key and index by index, to where it is
   * written. An exception's own location will not do: it is the parser's position when it was
   * raised, which for our creator-built records is the end of the enclosing mapping (Jackson buffers
   * a creator's properties, unknown ones included, until the mapping ends), lines past the key.
   */
  private static Found follow(ObjectMapper mapper, String yaml, List<JsonMappingException.Reference> path) {
    JsonLocation found = null;
    int steps = 0;
    try (JsonParser p = mapper.createParser(yaml)) {
      JsonToken token = p.nextToken();
      for (JsonMappingException.Reference ref : path) {
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
        steps++;
        token = p.currentToken();
      }
    } catch (IOException | RuntimeException ignored) {
      // a document Jackson could not read to the end: the steps followed so far stand
    }
    return new Found(found, steps);
  }

  /** Refuses a {@code value} of {@code section.key} outside (0, 1]. */
  private static void requireOpenUnit(String section, String key, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new ConfigException(section + "." + key + " must be in (0, 1], got " + value, key);
    }
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    int column = location.getColumnNr();
    return " at line " + location.getLineNr() + (column < 0 ? "" : ", column " + column);
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

    /** The declarations for {@code dataset}. */
    public Declared of(Dataset dataset) {
      return dataset == Dataset.TRAIN ? train : predict;
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
      requireOpenUnit("sparsity", "alpha", alpha);
      requireOpenUnit("sparsity", "minChange", minChange);
      requireOpenUnit("sparsity", "prefixColumnShare", prefixColumnShare);
    }
  }

  /**
   * Thresholds of the paired duplicate check, which runs unless the config declares rows unique
   * ({@code rowsUnique} or a {@code uniqueKey}): the smaller dataset's rows repeating each other more
   * than the larger's is a warning when Fisher's exact test puts it below {@code alpha} and the
   * share of repeated rows is at least {@code minChange} higher.
   */
  public record Duplicates(double alpha, double minChange) implements Serializable {
    static final Duplicates DEFAULTS = new Duplicates(null, null);

    @JsonCreator
    public Duplicates(@JsonProperty("alpha") Double alpha, @JsonProperty("minChange") Double minChange) {
      this(alpha == null ? 0.001 : alpha, minChange == null ? 0.05 : minChange);
    }

    public Duplicates {
      requireOpenUnit("duplicates", "alpha", alpha);
      requireOpenUnit("duplicates", "minChange", minChange);
    }
  }

  /**
   * Thresholds of the drift check: a column drifted when an effect size reaches its threshold and
   * its test is significant after a Benjamini-Hochberg correction at {@code fdr} over the columns
   * tested (KS p-values for {@code ks}; the chi-square test of the binned or category counts for
   * PSI, JS and L∞). PSI from {@code psiWarning} is a warning and from {@code psiError} an error;
   * {@code js} and {@code ks} alone make warnings; a categorical column's L∞ from {@code
   * linfWarning} is a warning and from {@code linfError} an error. A column whose train distinct
   * count is at least {@code idLikeShare} of its present values (at least {@code idLikeMinValues} of
   * them; numbers only when all are integers) is id-like: profiled, not tested.
   */
  public record Drift(double psiWarning, double psiError, double js, double ks, double fdr, double linfWarning,
      double linfError, double idLikeShare, long idLikeMinValues) implements Serializable {
    static final Drift DEFAULTS = new Drift(null, null, null, null, null, null, null, null, null);

    @JsonCreator
    public Drift(
        @JsonProperty("psiWarning") Double psiWarning,
        @JsonProperty("psiError") Double psiError,
        @JsonProperty("js") Double js,
        @JsonProperty("ks") Double ks,
        @JsonProperty("fdr") Double fdr,
        @JsonProperty("linfWarning") Double linfWarning,
        @JsonProperty("linfError") Double linfError,
        @JsonProperty("idLikeShare") Double idLikeShare,
        @JsonProperty("idLikeMinValues") Long idLikeMinValues) {
      this(psiWarning == null ? 0.1 : psiWarning, psiError == null ? 0.25 : psiError, js == null ? 0.1 : js,
          ks == null ? 0.1 : ks, fdr == null ? 0.05 : fdr, linfWarning == null ? 0.1 : linfWarning,
          linfError == null ? 0.2 : linfError, idLikeShare == null ? 0.95 : idLikeShare,
          idLikeMinValues == null ? 50 : idLikeMinValues);
    }

    public Drift {
      if (!(psiWarning > 0 && psiError >= psiWarning && Double.isFinite(psiError))) {
        throw new ConfigException("drift.psiWarning must be > 0 and drift.psiError >= it, got "
            + psiWarning + " and " + psiError, "psiWarning", "psiError");
      }
      requireOpenUnit("drift", "js", js);
      requireOpenUnit("drift", "ks", ks);
      requireOpenUnit("drift", "fdr", fdr);
      requireOpenUnit("drift", "linfWarning", linfWarning);
      requireOpenUnit("drift", "linfError", linfError);
      if (linfError < linfWarning) {
        throw new ConfigException("drift.linfError must be >= drift.linfWarning, got " + linfError + " and "
            + linfWarning, "linfWarning", "linfError");
      }
      requireOpenUnit("drift", "idLikeShare", idLikeShare);
      if (idLikeMinValues < 2) {
        throw new ConfigException("drift.idLikeMinValues must be at least 2, got " + idLikeMinValues,
            "idLikeMinValues");
      }
    }
  }

  /**
   * Values of a categorical column that predict has and train never had: always an info finding;
   * a warning when that many rows with new values are unlikely under train (a binomial tail at
   * train's Good-Turing rate of new values, Benjamini-Hochberg-adjusted below {@code alpha}); an
   * error when, in addition, they are at least {@code errorShare} of predict's present values.
   */
  public record UnseenCategories(double alpha, double errorShare) implements Serializable {
    static final UnseenCategories DEFAULTS = new UnseenCategories(null, null);

    @JsonCreator
    public UnseenCategories(@JsonProperty("alpha") Double alpha, @JsonProperty("errorShare") Double errorShare) {
      this(alpha == null ? 0.001 : alpha, errorShare == null ? 0.05 : errorShare);
    }

    public UnseenCategories {
      requireOpenUnit("unseenCategories", "alpha", alpha);
      if (!(errorShare >= 0 && errorShare <= 1)) {
        throw new ConfigException("unseenCategories.errorShare must be in [0, 1], got " + errorShare, "errorShare");
      }
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
            + warningEffect + " and " + errorEffect, "warningEffect", "errorEffect");
      }
      requireOpenUnit("scoring", "alpha", alpha);
      requireOpenUnit("scoring", "attributionShare", attributionShare);
      if (!(recordedTolerance >= 0)) {
        throw new ConfigException("scoring.recordedTolerance must be >= 0, got " + recordedTolerance,
            "recordedTolerance");
      }
      requireOpenUnit("scoring", "trainAttributionSample", trainAttributionSample);
    }
  }

  /**
   * Comparison of tonight's per-prefix metrics with the earlier runs in {@code --history}: once at
   * least {@code minRuns} earlier runs exist, a metric outside its prediction interval from the last
   * {@code runs} of them (Student t, Bonferroni over all the metrics tested in the run, so that a run
   * raises a false alarm with probability at most {@code alpha}) is anomalous, provided it also moved
   * by at least {@code minChange} from their mean (so a metric that was constant over the history
   * does not flag a tiny wiggle).
   */
  public record History(double alpha, int runs, int minRuns, double minChange) implements Serializable {
    static final History DEFAULTS = new History(null, null, null, null);

    @JsonCreator
    public History(
        @JsonProperty("alpha") Double alpha,
        @JsonProperty("runs") Integer runs,
        @JsonProperty("minRuns") Integer minRuns,
        @JsonProperty("minChange") Double minChange) {
      this(alpha == null ? 0.01 : alpha, runs == null ? 30 : runs, minRuns == null ? 5 : minRuns,
          minChange == null ? 0.05 : minChange);
    }

    public History {
      requireOpenUnit("history", "alpha", alpha);
      if (minRuns < 2 || runs < minRuns) {
        throw new ConfigException("history.minRuns must be >= 2 and history.runs >= it, got " + minRuns
            + " and " + runs, "minRuns", "runs");
      }
      if (!(minChange >= 0 && Double.isFinite(minChange))) {
        throw new ConfigException("history.minChange must be >= 0, got " + minChange, "minChange");
      }
    }
  }
}
