package org.skewcheck.validation.check;

import java.util.List;

/**
 * One check of train against predict: it reads a {@link Comparison} (the profiles, the config and
 * what the comparison derived from them once) and returns what it found, in a stable order. A check
 * holds no state and measures nothing another check or the report needs: that belongs in the
 * comparison. Where it builds on another check's measures, it reads them from the comparison too
 * ({@link UnseenCategoryCheck} checks the columns whose drift the comparison measured). {@link
 * CheckRunner} lists every check.
 *
 * <pre>{@code
 * List<Finding> found = new SparsityCheck().check(Comparison.of(config, train, predict));
 * }</pre>
 */
@FunctionalInterface
public interface ProfileCheck {
  /** What this check finds in {@code comparison}; empty when nothing. */
  List<Finding> check(Comparison comparison);
}
