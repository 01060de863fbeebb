package io.decisionledger.application.decision;

/**
 * What is wrong with one imported file.
 *
 * @param file the file's name (inside the zip, as given)
 * @param line 1-based line in the file, null when the problem is not on one line
 * @param conflict the file is valid but collides with what the ledger holds (a number taken)
 */
public record FileProblem(String file, Integer line, String message, boolean conflict) {

  public static FileProblem of(String file, Integer line, String message) {
    return new FileProblem(file, line, message, false);
  }

  /** {@code 0003-use-x.md line 12}: where, as one field name. */
  public String where() {
    return line == null ? file : file + " line " + line;
  }
}
