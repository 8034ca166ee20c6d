/**
 * Mergeable per-column and per-prefix statistics: the accumulators every engine combines; and what
 * else reading a dataset counts, its duplicates and its damaged files.
 *
 * <p>The accumulators are plain Java with a compact binary form ({@code writeTo}/{@code readFrom}), so a
 * Beam coder, a saved profile or a test can carry them without Java serialization.
 */
package org.skewcheck.validation.stats;
