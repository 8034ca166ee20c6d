package org.skewcheck.transforms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.skewcheck.validation.config.PrefixRules;
import org.skewcheck.validation.stats.PrefixBlock;

/**
 * Splits each {@link RowBlock} into one element per prefix, keyed by (dataset, prefix), each holding
 * that prefix's columns as a column-major slice. A row thus becomes tens of elements, never one per
 * cell.
 *
 * <pre>{@code
 * PCollection<KV<KV<String, String>, PrefixBlock>> byPrefix =
 *     blocks.apply("ExplodeToPrefixes", ExplodeToPrefixes.using(PrefixRules.defaults()));
 * }</pre>
 */
public final class ExplodeToPrefixes
    extends PTransform<PCollection<RowBlock>, PCollection<KV<KV<String, String>, PrefixBlock>>> {
  private final PrefixRules rules;

  private ExplodeToPrefixes(PrefixRules rules) {
    this.rules = rules;
  }

  public static ExplodeToPrefixes using(PrefixRules rules) {
    if (rules == null) {
      throw new IllegalArgumentException("rules must not be null");
    }
    return new ExplodeToPrefixes(rules);
  }

  /** The coder of the keyed output. */
  public static KvCoder<KV<String, String>, PrefixBlock> outputCoder() {
    return KvCoder.of(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()), PrefixBlockCoder.of());
  }

  @Override
  public PCollection<KV<KV<String, String>, PrefixBlock>> expand(PCollection<RowBlock> blocks) {
    return blocks.apply("SliceByPrefix", ParDo.of(new ExplodeFn(rules))).setCoder(outputCoder());
  }

  static final class ExplodeFn extends DoFn<RowBlock, KV<KV<String, String>, PrefixBlock>> {
    private final PrefixRules rules;
    private final Counter prefixBlocks = Metrics.counter(ExplodeToPrefixes.class, "prefixBlocks");
    private transient Map<String, String> prefixCache;

    ExplodeFn(PrefixRules rules) {
      this.rules = rules;
    }

    @Setup
    public void setup() {
      prefixCache = new HashMap<>();
    }

    @ProcessElement
    public void process(@Element RowBlock block, OutputReceiver<KV<KV<String, String>, PrefixBlock>> out) {
      for (PrefixBlock slice : slices(block, this::prefixOf).values()) {
        String prefix = prefixOf(slice.columns()[0]);
        out.output(KV.of(KV.of(block.dataset(), prefix), slice));
        prefixBlocks.inc();
      }
    }

    private String prefixOf(String column) {
      return prefixCache.computeIfAbsent(column, rules::prefixOf);
    }
  }

  /** Slices a block by prefix, in order of each prefix's first column. */
  static Map<String, PrefixBlock> slices(RowBlock block, java.util.function.Function<String, String> prefixOf) {
    String[] columns = block.columns();
    int rows = block.rows();
    Map<String, List<Integer>> byPrefix = new LinkedHashMap<>();
    int[] positionInPrefix = new int[columns.length];
    String[] prefixOfColumn = new String[columns.length];
    for (int c = 0; c < columns.length; c++) {
      String prefix = prefixOf.apply(columns[c]);
      List<Integer> members = byPrefix.computeIfAbsent(prefix, k -> new ArrayList<>());
      positionInPrefix[c] = members.size();
      prefixOfColumn[c] = prefix;
      members.add(c);
    }
    Map<String, List<Integer>> textByPrefix = new HashMap<>();
    int[] textIndex = block.textIndex();
    for (int i = 0; i < textIndex.length; i++) {
      textByPrefix.computeIfAbsent(prefixOfColumn[textIndex[i] / rows], k -> new ArrayList<>()).add(i);
    }
    Map<String, PrefixBlock> out = new LinkedHashMap<>();
    byPrefix.forEach((prefix, members) -> {
      String[] names = new String[members.size()];
      double[] values = new double[members.size() * rows];
      for (int j = 0; j < names.length; j++) {
        int c = members.get(j);
        names[j] = columns[c];
        System.arraycopy(block.values(), c * rows, values, j * rows, rows);
      }
      List<Integer> texts = textByPrefix.getOrDefault(prefix, List.of());
      int[] index = new int[texts.size()];
      String[] text = new String[texts.size()];
      for (int k = 0; k < index.length; k++) {
        int cell = textIndex[texts.get(k)];
        index[k] = positionInPrefix[cell / rows] * rows + cell % rows;
        text[k] = block.text()[texts.get(k)];
      }
      out.put(prefix, new PrefixBlock(names, rows, values, index, text));
    });
    return out;
  }
}
