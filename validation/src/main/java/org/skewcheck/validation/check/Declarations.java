package org.skewcheck.validation.check;

import java.util.List;
import org.skewcheck.validation.config.SkewConfig;
import org.skewcheck.validation.stats.Dataset;

/**
 * The config's {@code expected} declarations as the checks read them: which declaration, if any,
 * explains a change of a prefix, e.g. {@code expected.predict.constant}. Each check says which
 * declarations explain its kind of change; the order they are looked up in and how they are named
 * are shared, so every finding names a declaration the same way.
 */
final class Declarations {
  /** What a check accepts as an explanation: a declaration kind ("constant" or "sparse") in a dataset. */
  @FunctionalInterface
  interface Explains {
    boolean test(Dataset dataset, String kind);
  }

  private final SkewConfig.Expected expected;

  Declarations(SkewConfig config) {
    this.expected = config.expected();
  }

  /**
   * The first declaration of {@code prefix} that {@code explains} accepts, looking in {@code
   * firstDataset} then in the other one, and within a dataset at "sparse" before "constant"; null
   * when none does.
   */
  String explaining(String prefix, Dataset firstDataset, Explains explains) {
    for (Dataset dataset : List.of(firstDataset, firstDataset.other())) {
      SkewConfig.Declared declared = expected.of(dataset);
      if (declared.sparse().contains(prefix) && explains.test(dataset, "sparse")) {
        return name(dataset, "sparse");
      }
      if (declared.constant().contains(prefix) && explains.test(dataset, "constant")) {
        return name(dataset, "constant");
      }
    }
    return null;
  }

  private static String name(Dataset dataset, String kind) {
    return "expected." + dataset.label() + "." + kind;
  }
}
