/**
 * Beam building blocks over the validation domain: {@link org.skewcheck.transforms.ReadDataset}
 * (CSV files to row blocks, with dead letters), {@link org.skewcheck.transforms.ExplodeToPrefixes}
 * (row blocks to one element per prefix), {@link org.skewcheck.transforms.CombinePrefixStats} (the
 * CombineFn over the domain's accumulators) and the compact coders they travel with.
 */
package org.skewcheck.transforms;
