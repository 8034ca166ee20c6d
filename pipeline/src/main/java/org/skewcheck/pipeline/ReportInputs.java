package org.skewcheck.pipeline;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.skewcheck.transforms.FileSummary;
import org.skewcheck.transforms.PrefixKey;
import org.skewcheck.validation.score.ScoreSummary;
import org.skewcheck.validation.stats.Dataset;
import org.skewcheck.validation.stats.DatasetProfile;
import org.skewcheck.validation.stats.Duplicates;
import org.skewcheck.validation.stats.PrefixStats;

/**
 * The side inputs the report and the saved profile are built from: every combined prefix profile,
 * file summary, score summary and duplicate count, each one small element per key.
 */
record ReportInputs(PCollectionView<List<KV<PrefixKey, PrefixStats>>> stats,
    PCollectionView<List<FileSummary>> files, PCollectionView<List<KV<String, ScoreSummary>>> scores,
    PCollectionView<List<KV<String, Duplicates>>> duplicates) implements Serializable {

  /** Every view, for {@code ParDo.withSideInputs}. */
  List<PCollectionView<?>> views() {
    return List.of(stats, files, scores, duplicates);
  }

  /** What the side inputs hold, read once in a DoFn's process call. */
  record Values(List<KV<PrefixKey, PrefixStats>> stats, List<FileSummary> files, Map<String, ScoreSummary> scores,
      Map<String, Duplicates> duplicates) {

    /** One dataset's profile: its prefixes' accumulators and the totals of its files. */
    DatasetProfile profile(Dataset dataset) {
      Map<String, PrefixStats> prefixes = new HashMap<>();
      for (KV<PrefixKey, PrefixStats> kv : stats) {
        if (kv.getKey().dataset().equals(dataset.label())) {
          prefixes.put(kv.getKey().prefix(), kv.getValue());
        }
      }
      long fileCount = 0;
      long rows = 0;
      long rejected = 0;
      for (FileSummary f : files) {
        if (f.dataset().equals(dataset.label())) {
          fileCount++;
          rows += f.rowsProfiled();
          rejected += f.rowsRejected();
        }
      }
      return new DatasetProfile(dataset, fileCount, rows, rejected, prefixes);
    }
  }

  Values read(DoFn<?, ?>.ProcessContext c) {
    Map<String, ScoreSummary> scoreSummaries = new HashMap<>();
    c.sideInput(scores).forEach(kv -> scoreSummaries.put(kv.getKey(), kv.getValue()));
    Map<String, Duplicates> duplicateCounts = new HashMap<>();
    c.sideInput(duplicates).forEach(kv -> duplicateCounts.put(kv.getKey(), kv.getValue()));
    return new Values(c.sideInput(stats), c.sideInput(files), scoreSummaries, duplicateCounts);
  }
}
