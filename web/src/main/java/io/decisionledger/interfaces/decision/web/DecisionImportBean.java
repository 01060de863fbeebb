package io.decisionledger.interfaces.decision.web;

import io.decisionledger.application.DomainException;
import io.decisionledger.application.decision.DecisionImportRefused;
import io.decisionledger.application.decision.FileProblem;
import io.decisionledger.application.decision.ImportReport;
import io.decisionledger.application.decision.MadrImport;
import io.decisionledger.interfaces.web.Messages;
import io.decisionledger.interfaces.web.ViewModel;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.model.file.UploadedFile;

/**
 * Imports MADR or adr-tools files (one .md or a .zip) through the same service as the API: all or
 * nothing, every file's problems listed beside the upload when anything is wrong.
 */
@Named("decisionImport")
@ViewModel
public class DecisionImportBean implements Serializable {

  private static final long serialVersionUID = 1L;

  /** As the API: larger uploads are refused unread. */
  static final int MAX_BYTES = 32 * 1024 * 1024;

  static final String FILE_FIELD = "importForm:file";

  @Inject MadrImport madrImport;

  private transient UploadedFile file;
  private String numbering = MadrImport.Numbering.KEEP.name();

  private String fileName;
  private List<ProblemRow> problems = List.of();
  private List<ImportedRow> imported = List.of();
  private List<String> skipped = List.of();
  private List<String> notes = List.of();

  /** One problem of one file, as the page lists it. */
  public record ProblemRow(String where, String message) implements Serializable {}

  /** One decision written. */
  public record ImportedRow(long id, String label, String title, String file)
      implements Serializable {}

  /** Reads the chosen file and imports it, or lists why nothing was written. */
  public void upload() {
    problems = List.of();
    imported = List.of();
    skipped = List.of();
    notes = List.of();
    if (file == null || file.getSize() == 0) {
      Messages.fieldError(FILE_FIELD, "Choose a .zip of decision files or one .md file");
      return;
    }
    fileName = file.getFileName();
    byte[] bytes;
    try (InputStream in = file.getInputStream()) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      Messages.fieldError(FILE_FIELD, "The file could not be read");
      return;
    }
    if (bytes.length > MAX_BYTES) {
      Messages.fieldError(FILE_FIELD, "The file is larger than " + (MAX_BYTES >> 20) + " MiB");
      return;
    }
    try {
      ImportReport report = madrImport.importUpload(bytes, fileName,
          MadrImport.Numbering.valueOf(numbering));
      imported = report.decisions().stream()
          .map(i -> new ImportedRow(i.id(), String.format(Locale.ROOT, "ADR-%04d", i.number()),
              i.title(), i.file()))
          .toList();
      skipped = List.copyOf(report.skipped());
      notes = List.copyOf(report.notes());
      Messages.info("Imported " + imported.size()
          + (imported.size() == 1 ? " decision" : " decisions") + " from " + fileName + ".");
    } catch (DecisionImportRefused e) {
      problems = e.problems().stream().map(p -> new ProblemRow(where(p), p.message())).toList();
      Messages.fieldError(FILE_FIELD, e.getMessage() + " (listed below)");
    } catch (DomainException e) {
      Messages.add(e, Map.of());
    }
  }

  private static String where(FileProblem p) {
    return p.line() == null ? p.file() : p.file() + ", line " + p.line();
  }

  public UploadedFile getFile() {
    return file;
  }

  public void setFile(UploadedFile file) {
    this.file = file;
  }

  public String getNumbering() {
    return numbering;
  }

  public void setNumbering(String numbering) {
    this.numbering = "RENUMBER".equals(numbering) ? "RENUMBER" : "KEEP";
  }

  public String getFileName() {
    return fileName;
  }

  public List<ProblemRow> getProblems() {
    return problems;
  }

  public List<ImportedRow> getImported() {
    return imported;
  }

  public List<String> getSkipped() {
    return skipped;
  }

  public List<String> getNotes() {
    return notes;
  }
}
