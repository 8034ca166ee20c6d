package org.skewcheck.validation.config;

/** A configuration that cannot be used; the message names the key and, when known, the line. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
