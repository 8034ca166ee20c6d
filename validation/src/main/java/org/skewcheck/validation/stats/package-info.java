/**
 * Mergeable per-column and per-prefix statistics: the accumulators every engine combines.
 *
 * <p>Everything here is plain Java with a compact binary form ({@code writeTo}/{@code readFrom}), so a
 * Beam coder, a saved profile or a test can carry it without Java serialization.
 */
package org.skewcheck.validation.stats;
