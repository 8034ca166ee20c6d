package org.skewcheck.validation.config;

import java.util.List;

/**
 * A configuration that cannot be used; the message says why. A config record that refuses a value
 * while it is built also names the {@link #keys()} at fault, relative to its own mapping ({@code fdr}
 * in {@code drift}, {@code range} in a rule), so {@link SkewConfig#parse} can name their full path
 * ({@code drift.fdr}, {@code rules[2].range}) and the line each is written on.
 *
 * <pre>{@code
 * throw new ConfigException("drift.fdr must be in (0, 1], got 2.0", "fdr");
 * }</pre>
 */
public final class ConfigException extends RuntimeException {
  private final List<String> keys;

  public ConfigException(String message, String... keys) {
    super(message);
    this.keys = List.of(keys);
  }

  /** The keys at fault, relative to the mapping being built; empty when the mapping as a whole is. */
  public List<String> keys() {
    return keys;
  }
}
