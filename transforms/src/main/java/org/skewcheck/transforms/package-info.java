/**
 * Beam building blocks over the validation domain: {@link org.skewcheck.transforms.ReadDataset}
 * (CSV files, split into ranges, read and profiled in one pass: partial statistics per prefix,
 * duplicate hashes, dead letters, and the rows when they are to be scored), {@link
 * org.skewcheck.transforms.CombinePrefixStats} (the CombineFn over the domain's accumulators),
 * {@link org.skewcheck.transforms.CountDuplicates}, {@link org.skewcheck.transforms.ScoreWithXgboost},
 * and the compact coders they travel with.
 */
package org.skewcheck.transforms;
