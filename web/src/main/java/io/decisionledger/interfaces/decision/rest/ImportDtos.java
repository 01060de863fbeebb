package io.decisionledger.interfaces.decision.rest;

import io.decisionledger.application.decision.DecisionImportRefused;
import io.decisionledger.application.decision.FileProblem;
import io.decisionledger.application.decision.ImportReport;
import io.decisionledger.interfaces.rest.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the decision import answers, and its problems in RFC 9457 form. */
public final class ImportDtos {

  private ImportDtos() {}

  @Schema(name = "ImportedDecision")
  public record ImportedDto(String file,
      @Schema(description = "The number the file gave, before any renumbering") Integer fileNumber,
      int number, String label, long id, String title) {
    static ImportedDto of(ImportReport.Imported i) {
      return new ImportedDto(i.file(), i.fileNumber(), i.number(),
          String.format(Locale.ROOT, "ADR-%04d", i.number()), i.id(), i.title());
    }
  }

  @Schema(name = "ImportReport")
  public record ImportReportDto(int count, List<ImportedDto> imported,
      @Schema(description = "Files in the zip that are not decisions") List<String> skipped,
      @Schema(description = "Ignored front matter keys, evidence kept unlinked, existing"
          + " decisions now superseded") List<String> notes) {
    static ImportReportDto of(ImportReport r) {
      return new ImportReportDto(r.decisions().size(),
          r.decisions().stream().map(ImportedDto::of).toList(), r.skipped(), r.notes());
    }
  }

  @Schema(name = "ImportError", description = "One problem of one imported file")
  public record ImportErrorDto(
      @Schema(description = "File and line as one name, like other problems' fields") String field,
      String file, Integer line, String message) {
    static ImportErrorDto of(FileProblem p) {
      return new ImportErrorDto(p.where(), p.file(), p.line(), p.message());
    }
  }

  @Schema(name = "ImportProblem", description = "RFC 9457 problem details of a refused import")
  public record ImportProblemDto(String type, String title, int status, String detail,
      String instance, List<ImportErrorDto> errors) {}

  /** A refused import: 400 with every file's problems, 409 when only numbers collide. */
  @Provider
  public static class RefusedMapper implements ExceptionMapper<DecisionImportRefused> {
    @Override
    public Response toResponse(DecisionImportRefused e) {
      int status = e.conflict() ? 409 : 400;
      String type = e.conflict() ? "import-conflict" : "invalid-import";
      String title = e.conflict() ? "Import conflicts with the ledger" : "Invalid import";
      return Response.status(status).type(Problem.MEDIA)
          .entity(new ImportProblemDto(Problem.TYPE_BASE + type, title, status, e.getMessage(),
              null, e.problems().stream().map(ImportErrorDto::of).toList()))
          .build();
    }
  }
}
