package io.decisionledger.interfaces.configaudit.rest;

import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.decisionledger.application.configaudit.ConfigAuditService;
import io.decisionledger.interfaces.configaudit.rest.ConfigAuditDtos.ConfigAuditDto;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The configuration audit, for auditors and administrators (docs/audit.md). */
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
@Path("v1/config-audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Configuration audit",
    description = "Effective configuration and its sources; secrets masked and fingerprinted")
public class ConfigAuditResource {

  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @Inject ConfigAuditService audit;

  @GET
  @Operation(summary = "Every configuration property, its source, and for secrets a fingerprint",
      description = "Sources: MOUNTED_FILE (Key Vault or a mounted Secret in the variables"
          + " directory, with the file's last-modified time), ENVIRONMENT, SERVER_CONFIGURATION,"
          + " BUILT_IN_DEFAULT. A secret's value is never returned: only a mask and "
          + ConfigAuditDtos.FINGERPRINT_METHOD + ".")
  @APIResponse(responseCode = "200", description = "OK", content = @Content(
      mediaType = MediaType.APPLICATION_JSON,
      schema = @Schema(implementation = ConfigAuditDto.class)))
  public Response get(
      @Parameter(description = "true: sent as a file to save (Content-Disposition: attachment)")
          @QueryParam("download") @DefaultValue("false") boolean download) {
    ConfigAuditDto body = ConfigAuditDto.of(audit.report());
    Response.ResponseBuilder response = Response.ok(body).header("Cache-Control", "no-store");
    if (download) {
      response.header("Content-Disposition", "attachment; filename=\"config-audit-"
          + FILE_TIME.format(body.generatedAt()) + ".json\"");
    }
    return response.build();
  }
}
