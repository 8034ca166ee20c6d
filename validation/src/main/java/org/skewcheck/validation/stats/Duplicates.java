package org.skewcheck.validation.stats;

import java.io.Serializable;

/**
 * Duplicates counted in one dataset while it was read.
 *
 * @param rows rows repeating an earlier row in every column (the row id aside)
 * @param keys rows repeating an earlier row's key columns; null when the config names no key
 */
public record Duplicates(long rows, Long keys) implements Serializable {}
