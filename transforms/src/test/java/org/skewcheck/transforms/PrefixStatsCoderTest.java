package org.skewcheck.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.MatcherAssert.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;
import org.skewcheck.validation.stats.ColumnStats;
import org.skewcheck.validation.stats.PrefixBlock;
import org.skewcheck.validation.stats.PrefixStats;

/** PrefixStats has no equals, so round trips compare encoded bytes and the decoded figures. */
class PrefixStatsCoderTest {
  private static final PrefixStatsCoder CODER = PrefixStatsCoder.of();

  /** Generated blocks limited to columns with few distinct values. */
  private static List<PrefixBlock> exactBlocks() {
    List<PrefixBlock> blocks = new ArrayList<>();
    for (PrefixBlock b : PrefixStatsFixtures.generate(3, 30)) {
      List<String> columns = List.of(b.columns());
      if (!columns.contains("WI_amount") && !columns.contains("WI_sparse")) {
        blocks.add(b);
      }
    }
    return blocks;
  }

  private static PrefixStats statsOf(List<PrefixBlock> blocks) {
    PrefixStats stats = new PrefixStats();
    blocks.forEach(stats::add);
    return stats;
  }

  @Test
  void emptyAccumulatorRoundTrips() throws Exception {
    CoderProperties.structuralValueDecodeEncodeEqual(CODER, new PrefixStats());
    assertThat(CoderUtils.clone(CODER, new PrefixStats()).rows()).isZero();
  }

  @Test
  void exactCountsModeRoundTrips() throws Exception {
    List<PrefixBlock> blocks = exactBlocks();
    PrefixStats stats = statsOf(blocks);
    assertThat(stats.columns().values()).extracting(ColumnStats::distinctNumeric).allMatch(d -> d >= 0);

    CoderProperties.structuralValueDecodeEncodeEqual(CODER, stats);
    assertThat(CoderUtils.clone(CODER, stats), PrefixStatsFixtures.hasFiguresOf(blocks));
  }

  @Test
  void sketchModeRoundTrips() throws Exception {
    List<PrefixBlock> blocks = PrefixStatsFixtures.generate(4, 50);
    PrefixStats stats = statsOf(blocks);
    assertThat(stats.columns().get("WI_amount").distinctNumeric()).isEqualTo(-1);

    CoderProperties.structuralValueDecodeEncodeEqual(CODER, stats);
    assertThat(CoderUtils.clone(CODER, stats), PrefixStatsFixtures.hasFiguresOf(blocks));
  }

  @Test
  void categoriesRoundTrip() throws Exception {
    PrefixStats stats = statsOf(PrefixStatsFixtures.generate(5, 40));
    ColumnStats note = stats.columns().get("WI_note");
    assertThat(note.hasText()).isTrue();

    ColumnStats decoded = CoderUtils.clone(CODER, stats).columns().get("WI_note");
    assertThat(decoded.topValues(50)).isNotEmpty().isEqualTo(note.topValues(50));
    assertThat(decoded.distinct()).isEqualTo(note.distinct());
    assertThat(decoded.valuesExact()).isEqualTo(note.valuesExact());
  }

  @Test
  void reEncodingADecodedAccumulatorGivesIdenticalBytes() throws Exception {
    PrefixStats stats = statsOf(PrefixStatsFixtures.generate(8, 50));

    byte[] bytes = CoderUtils.encodeToByteArray(CODER, stats);
    byte[] again = CoderUtils.encodeToByteArray(CODER, CoderUtils.decodeFromByteArray(CODER, bytes));

    assertThat(again).isEqualTo(bytes);
  }

  @Test
  void sameInputsGiveSameBytesInExactCountsMode() throws Exception {
    // Only in exact-counts mode: KLL compaction flips coins, so two sketches of the same values may differ.
    List<PrefixBlock> blocks = exactBlocks();

    // coderDeterministic needs equal() values, which PrefixStats (identity equals) cannot give
    assertThat(CoderUtils.encodeToByteArray(CODER, statsOf(blocks)))
        .isEqualTo(CoderUtils.encodeToByteArray(CODER, statsOf(blocks)));
    CoderProperties.coderSerializable(CODER);
  }

  @Test
  void decodesBackToBackAccumulatorsInANestedContext() throws Exception {
    List<PrefixBlock> exact = exactBlocks();
    List<PrefixBlock> sketched = PrefixStatsFixtures.generate(4, 50);
    ListCoder<PrefixStats> listCoder = ListCoder.of(CODER);
    List<PrefixStats> list = List.of(statsOf(sketched), statsOf(exact), new PrefixStats());

    CoderProperties.structuralValueDecodeEncodeEqual(listCoder, list);
    List<PrefixStats> decoded = CoderUtils.clone(listCoder, list);
    assertThat(decoded.get(0), PrefixStatsFixtures.hasFiguresOf(sketched));
    assertThat(decoded.get(1), PrefixStatsFixtures.hasFiguresOf(exact));
    assertThat(decoded.get(2).rows()).isZero();
  }

  @Test
  void decodedAccumulatorsKeepAddingAndMerging() throws Exception {
    List<PrefixBlock> blocks = PrefixStatsFixtures.generate(12, 60);
    PrefixStats first = CoderUtils.clone(CODER, statsOf(blocks.subList(0, 20)));
    PrefixStats second = CoderUtils.clone(CODER, statsOf(blocks.subList(20, 40)));
    assertThat(first.columns().get("WI_amount").distinctNumeric()).isEqualTo(-1);

    blocks.subList(40, 60).forEach(first::add);
    first.merge(second);

    assertThat(first, PrefixStatsFixtures.hasFiguresOf(blocks));
  }
}
