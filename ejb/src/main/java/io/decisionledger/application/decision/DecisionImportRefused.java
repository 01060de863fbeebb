package io.decisionledger.application.decision;

import io.decisionledger.application.DomainException;
import io.decisionledger.application.FieldError;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * An import that writes nothing: the problems of every file, each naming the file and, where it
 * can, the line. {@link #conflict()} when the files are valid but collide with the ledger (a
 * number already taken), which the API answers with 409 rather than 400.
 */
@ApplicationException(rollback = true)
public class DecisionImportRefused extends DomainException.InvalidInput {

  private static final long serialVersionUID = 1L;

  private final transient List<FileProblem> problems;

  public DecisionImportRefused(List<FileProblem> problems) {
    super(summary(problems), problems.stream()
        .map(p -> new FieldError(p.where(), p.message())).toList());
    this.problems = List.copyOf(problems);
  }

  public List<FileProblem> problems() {
    return problems;
  }

  public boolean conflict() {
    return !problems.isEmpty() && problems.stream().allMatch(FileProblem::conflict);
  }

  private static String summary(List<FileProblem> problems) {
    long files = problems.stream().map(FileProblem::file).distinct().count();
    return "Nothing was imported: " + problems.size()
        + (problems.size() == 1 ? " problem in " : " problems in ") + files
        + (files == 1 ? " file" : " files");
  }
}
