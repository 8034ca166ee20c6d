package org.skewcheck.validation.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skewcheck.validation.stats.DamagedFile;
import org.skewcheck.validation.stats.DatasetProfile;

/**
 * What reading each dataset found: a dataset without readable rows (an error), rows that could not
 * be read (a warning; they are in {@code rejected/}), and each file that could be read only up to a
 * point (an error naming the line).
 *
 * <pre>{@code
 * List<Finding> f = new DatasetCheck().check(comparison.withDamagedFiles(damaged));
 * }</pre>
 */
public final class DatasetCheck implements ProfileCheck {
  @Override
  public List<Finding> check(Comparison comparison) {
    List<Finding> out = new ArrayList<>();
    for (DatasetProfile d : List.of(comparison.train(), comparison.predict())) {
      if (d.rows() == 0) {
        out.add(new Finding(Check.EMPTY, Scope.DATASET, d.name(), Severity.ERROR,
            d.name() + " has no readable rows (" + d.files() + " files, " + d.rejectedRows() + " rows rejected)",
            new Figures().put("files", d.files()).put("rejectedRows", d.rejectedRows())));
      }
      if (d.rejectedRows() > 0) {
        double share = (double) d.rejectedRows() / (d.rows() + d.rejectedRows());
        out.add(new Finding(Check.REJECTED_ROWS, Scope.DATASET, d.name(), Severity.WARNING,
            d.name() + ": " + d.rejectedRows() + " rows could not be read (see rejected/)",
            new Figures().put("rejectedRows", d.rejectedRows()).put("rejectedFraction", share)));
      }
    }
    comparison.damagedFiles().forEach(f -> out.add(damaged(f)));
    return out;
  }

  private static Finding damaged(DamagedFile f) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("dataset", f.dataset().label());
    figures.put("file", f.file());
    figures.put("line", f.line());
    return new Finding(Check.DAMAGED_FILE, Scope.DATASET, f.dataset().label(), Severity.ERROR,
        f.dataset() + ": " + f.file() + " is damaged from line " + f.line() + " on (" + f.reason() + "): the rows "
            + "before it were profiled, the rest of the file could not be read", figures);
  }
}
