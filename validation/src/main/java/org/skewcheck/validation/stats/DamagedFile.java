package org.skewcheck.validation.stats;

import java.io.Serializable;

/**
 * A file that could be read only up to a point: a truncated or corrupt compressed file.
 *
 * @param dataset the dataset the file belongs to
 * @param file its path
 * @param line the 1-based line from which it could not be read
 * @param reason what the decompressor reported
 */
public record DamagedFile(Dataset dataset, String file, long line, String reason) implements Serializable {}
