package io.decisionledger.interfaces.configaudit.rest;

import io.decisionledger.application.configaudit.ConfigAuditEntry;
import io.decisionledger.application.configaudit.ConfigAuditReport;
import io.decisionledger.application.configaudit.ConfigSourceKind;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the configuration audit API returns. Secrets appear only masked and fingerprinted. */
public final class ConfigAuditDtos {

  /** The shell command that computes a fingerprint from a value (no newline added). */
  public static final String FINGERPRINT_COMMAND = "printf %s \"$value\" | sha256sum | cut -c1-12";

  /** How the fingerprint is computed, stated in every response so the JSON stands alone. */
  public static final String FINGERPRINT_METHOD =
      "first 12 hex digits of SHA-256 over the value's UTF-8 bytes: " + FINGERPRINT_COMMAND;

  private ConfigAuditDtos() {}

  @Schema(name = "ConfigAudit", description = "Every configuration property the application"
      + " reads, where its value comes from; secrets only masked with a fingerprint")
  public record ConfigAuditDto(
      Instant generatedAt,
      @Schema(description = "Liberty's variables directories (mounted secrets, Key Vault)")
          List<String> variableDirectories,
      String fingerprintMethod,
      List<ConfigPropertyDto> properties) {

    public static ConfigAuditDto of(ConfigAuditReport report) {
      return new ConfigAuditDto(report.generatedAt(), report.variableDirectories(),
          FINGERPRINT_METHOD, report.properties().stream().map(ConfigPropertyDto::of).toList());
    }
  }

  @Schema(name = "ConfigProperty")
  public record ConfigPropertyDto(
      String name,
      @Schema(description = "Whether the application's registry of properties knows it")
          boolean registered,
      boolean secret,
      @Schema(description = "One line, Markdown inline code in backticks") String meaning,
      @Schema(description = "Default when nothing sets it; null when none (or a secret)")
          String defaultValue,
      @Schema(description = "MOUNTED_FILE (Key Vault / mounted file), ENVIRONMENT,"
          + " SERVER_CONFIGURATION, BUILT_IN_DEFAULT, OTHER or NOT_SET") ConfigSourceKind source,
      String sourceLabel,
      @Schema(description = "MicroProfile Config's name of the source") String sourceName,
      Integer sourceOrdinal,
      @Schema(description = "Whether configuration, not a default, supplies a non-empty value")
          boolean set,
      @Schema(description = "Effective value of a non-secret; always null for a secret")
          String value,
      @Schema(description = "A fixed mask for a secret that has a value") String maskedValue,
      @Schema(description = "First 12 hex digits of SHA-256 of a secret's value")
          String fingerprint,
      @Schema(description = "The variables file the value came from") String file,
      Instant fileModifiedAt) {

    static ConfigPropertyDto of(ConfigAuditEntry e) {
      return new ConfigPropertyDto(e.name(), e.registered(), e.secret(), e.meaning(),
          e.defaultValue(), e.source(), e.sourceLabel(), e.sourceName(), e.sourceOrdinal(), e.set(),
          e.value(), e.maskedValue(), e.fingerprint(), e.file(), e.fileModifiedAt());
    }
  }
}
