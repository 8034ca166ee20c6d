package org.skewcheck.validation.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One ordered prefix rule: a column whose name {@code match}es (a regex, searched anywhere; anchor
 * it with {@code ^} as needed) belongs to the prefix {@code prefix}, a template that may use the
 * match's groups ({@code $1}).
 */
public record PrefixRule(String match, String prefix, Pattern pattern) implements Serializable {

  @JsonCreator
  public static PrefixRule of(@JsonProperty("match") String match, @JsonProperty("prefix") String prefix) {
    if (match == null || match.isEmpty()) {
      throw new ConfigException("prefixes[].match is required");
    }
    if (prefix == null || prefix.isEmpty()) {
      throw new ConfigException("prefixes[].prefix is required (for match '" + match + "')");
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(match);
    } catch (PatternSyntaxException e) {
      throw new ConfigException("prefixes[].match '" + match + "' is not a valid regex: " + e.getDescription());
    }
    return new PrefixRule(match, prefix, pattern);
  }

  /** The prefix for {@code column}, or null when this rule does not match it. */
  String apply(String column) {
    Matcher m = pattern.matcher(column);
    if (!m.find()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    m.appendReplacement(out, prefix);
    return out.substring(m.start());
  }
}
