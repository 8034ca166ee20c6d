package org.skewcheck.validation.config;

import java.io.Serializable;
import java.util.List;

/**
 * Maps a column name to its prefix: the config's ordered rules first, then the default rule users
 * apply by hand — split on {@code _}; a name that starts with {@code _} takes {@code _} plus its
 * first token ({@code _Dy_2014 → _Dy}, {@code _dateR → _dateR}), any other its first token
 * ({@code WI_floral → WI}, {@code target → target}).
 *
 * <pre>{@code
 * PrefixRules.defaults().prefixOf("IQ_IQ_HSV_Value"); // "IQ"
 * }</pre>
 */
public final class PrefixRules implements Serializable {
  private final List<PrefixRule> rules;

  private PrefixRules(List<PrefixRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The default rule alone. */
  public static PrefixRules defaults() {
    return new PrefixRules(List.of());
  }

  /** The given rules, tried in order, then the default rule. */
  public static PrefixRules of(List<PrefixRule> rules) {
    return new PrefixRules(rules);
  }

  public List<PrefixRule> rules() {
    return rules;
  }

  /** The prefix of {@code column}. */
  public String prefixOf(String column) {
    for (PrefixRule rule : rules) {
      String prefix = rule.apply(column);
      if (prefix != null) {
        return prefix;
      }
    }
    return defaultPrefix(column);
  }

  static String defaultPrefix(String column) {
    if (column.startsWith("_")) {
      int end = column.indexOf('_', 1);
      return end < 0 ? column : column.substring(0, end);
    }
    int end = column.indexOf('_');
    return end <= 0 ? column : column.substring(0, end);
  }
}
