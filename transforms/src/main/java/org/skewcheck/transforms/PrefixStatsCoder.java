package org.skewcheck.transforms;

import org.skewcheck.validation.stats.PrefixStats;

/** The coder of the {@link PrefixStats} accumulator: the domain's own binary form, sketches as their bytes. */
public final class PrefixStatsCoder extends BinaryFormCoder<PrefixStats> {
  private static final PrefixStatsCoder INSTANCE = new PrefixStatsCoder();

  private PrefixStatsCoder() {
    super(PrefixStats::writeTo, PrefixStats::readFrom);
  }

  public static PrefixStatsCoder of() {
    return INSTANCE;
  }
}
