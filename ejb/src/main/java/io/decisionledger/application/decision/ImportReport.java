package io.decisionledger.application.decision;

import java.util.List;

/**
 * What an import wrote.
 *
 * @param skipped files in the zip that are not decisions (README.md, images...)
 * @param notes what the reader should know: ignored front matter keys, evidence whose experiment
 *     is not in this ledger, existing decisions now superseded
 */
public record ImportReport(List<Imported> decisions, List<String> skipped, List<String> notes) {

  /**
   * One decision written.
   *
   * @param fileNumber the number the file gave (null when none), before any renumbering
   */
  public record Imported(String file, Integer fileNumber, int number, long id, String title) {}
}
