package org.skewcheck.validation.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
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
public record PrefixRule(String match, String prefix, @JsonIgnore Pattern pattern) implements Serializable {
  /** Named groups declared in a regex, {@code (?<name>...)}. */
  private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

  @JsonCreator
  public static PrefixRule of(@JsonProperty("match") String match, @JsonProperty("prefix") String prefix) {
    if (match == null || match.isEmpty()) {
      throw new ConfigException("match is required", "match");
    }
    if (prefix == null || prefix.isEmpty()) {
      throw new ConfigException("prefix is required (for match '" + match + "')", "prefix");
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(match);
    } catch (PatternSyntaxException e) {
      throw new ConfigException("match '" + match + "' is not a valid regex: " + e.getDescription(), "match");
    }
    checkTemplate(match, prefix, pattern);
    return new PrefixRule(match, prefix, pattern);
  }

  /**
   * Rejects a template that {@link Matcher#appendReplacement} would refuse, so the mistake fails
   * while the config is read rather than on a worker at the first matching column: a reference to
   * a group the regex does not have, a {@code $} not followed by a group, a trailing {@code \}.
   */
  private static void checkTemplate(String match, String prefix, Pattern pattern) {
    int groups = pattern.matcher("").groupCount();
    String bad = "prefix '" + prefix + "' (for match '" + match + "') ";
    for (int i = 0; i < prefix.length(); i++) {
      char c = prefix.charAt(i);
      if (c == '\\') {
        if (++i == prefix.length()) {
          throw new ConfigException(bad + "ends with an unescaped '\\'", "prefix");
        }
      } else if (c == '$') {
        char next = i + 1 < prefix.length() ? prefix.charAt(i + 1) : ' ';
        if (next >= '0' && next <= '9') {
          if (next - '0' > groups) {
            throw new ConfigException(bad + "refers to group " + next + ", but the regex has " + groups
                + " groups (write \\$ for a literal $)", "prefix");
          }
        } else if (next == '{') {
          int end = prefix.indexOf('}', i + 2);
          String name = end < 0 ? "" : prefix.substring(i + 2, end);
          if (!NAMED_GROUP.matcher(match).results().anyMatch(r -> r.group(1).equals(name))) {
            throw new ConfigException(bad + "refers to group '" + name + "', which the regex does not name",
                "prefix");
          }
        } else {
          throw new ConfigException(bad + "has a '$' not followed by a group number or {name} (write \\$ for a"
              + " literal $)", "prefix");
        }
      }
    }
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
