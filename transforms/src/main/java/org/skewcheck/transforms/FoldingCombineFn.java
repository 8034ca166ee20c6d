package org.skewcheck.transforms;

import java.util.Iterator;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

/**
 * A CombineFn whose accumulator is also its output and merges in place: {@code mergeAccumulators}
 * folds every accumulator into the first and never merges one into itself (a sketch merged into
 * itself would double its counts).
 */
abstract class FoldingCombineFn<InputT, AccT> extends Combine.CombineFn<InputT, AccT, AccT> {
  private final Coder<AccT> coder;

  FoldingCombineFn(Coder<AccT> coder) {
    this.coder = coder;
  }

  /** Folds {@code from} into {@code into}. */
  abstract void merge(AccT into, AccT from);

  @Override
  public final AccT mergeAccumulators(Iterable<AccT> accumulators) {
    Iterator<AccT> it = accumulators.iterator();
    if (!it.hasNext()) {
      return createAccumulator();
    }
    AccT first = it.next();
    while (it.hasNext()) {
      AccT next = it.next();
      if (next != first) {
        merge(first, next);
      }
    }
    return first;
  }

  @Override
  public final AccT extractOutput(AccT accumulator) {
    return accumulator;
  }

  @Override
  public final Coder<AccT> getAccumulatorCoder(CoderRegistry registry, Coder<InputT> inputCoder) {
    return coder;
  }

  @Override
  public final Coder<AccT> getDefaultOutputCoder(CoderRegistry registry, Coder<InputT> inputCoder) {
    return coder;
  }
}
