package io.decisionledger.interfaces.decision.rest;

import io.decisionledger.application.DomainException;
import io.decisionledger.application.decision.CitationDraft;
import io.decisionledger.application.decision.DecisionDraft;
import io.decisionledger.application.decision.DecisionQuery;
import io.decisionledger.application.decision.DecisionService;
import io.decisionledger.application.decision.MadrExport;
import io.decisionledger.application.decision.MadrImport;
import io.decisionledger.application.Page;
import io.decisionledger.domain.model.decision.Decision;
import io.decisionledger.domain.model.decision.DecisionStatus;
import io.decisionledger.interfaces.decision.rest.DecisionDtos.DecisionDto;
import io.decisionledger.interfaces.decision.rest.DecisionDtos.DecisionSummaryDto;
import io.decisionledger.interfaces.decision.rest.DecisionDtos.DriftedDecisionDto;
import io.decisionledger.interfaces.decision.rest.DecisionDtos.EvidenceReportDto;
import io.decisionledger.interfaces.decision.rest.DecisionDtos.SupersedeRequest;
import io.decisionledger.interfaces.decision.rest.ImportDtos.ImportProblemDto;
import io.decisionledger.interfaces.decision.rest.ImportDtos.ImportReportDto;
import io.decisionledger.interfaces.experiment.rest.Dtos.PageDto;
import io.decisionledger.interfaces.rest.BoundedBody;
import io.decisionledger.interfaces.rest.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Architecture decisions, their supersession and the evidence they cite. */
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN, Roles.API_READ})
@Path("v1/decisions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions", description = "Architecture decision records backed by frozen evidence")
@APIResponse(responseCode = "400", description = "Invalid input",
    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown id",
    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DecisionResource {

  static final String ZIP = "application/zip";
  static final String MARKDOWN = "text/markdown";

  /** Larger uploads are refused before reading (2,000 files of 1 MiB compress to far less). */
  static final int MAX_IMPORT_BYTES = 32 * 1024 * 1024;

  @Inject DecisionService decisions;
  @Inject MadrExport madrExport;
  @Inject MadrImport madrImport;

  @Context UriInfo uri;

  @GET
  @Operation(summary = "List decisions, newest number first, paged on the server")
  @APIResponse(responseCode = "200", description = "OK")
  public PageDto<DecisionSummaryDto> list(
      @Parameter(description = "PROPOSED, ACCEPTED, REJECTED, DEPRECATED or SUPERSEDED")
          @QueryParam("status") String status,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("20") int limit) {
    if (offset < 0) {
      throw DomainException.InvalidInput.of("offset", "offset must not be negative");
    }
    if (limit < 1 || limit > DecisionQuery.MAX_LIMIT) {
      throw DomainException.InvalidInput.of("limit",
          "limit must be between 1 and " + DecisionQuery.MAX_LIMIT);
    }
    Page<Decision> page = decisions.list(new DecisionQuery(parseStatus(status), offset, limit));
    return new PageDto<>(page.items().stream().map(DecisionSummaryDto::of).toList(), page.total(),
        page.offset(), page.limit());
  }

  static DecisionStatus parseStatus(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return DecisionStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.InvalidInput.of("status", "status must be one of "
          + Arrays.stream(DecisionStatus.values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
  }

  @RolesAllowed(Roles.EDITOR)
  @POST
  @Operation(summary = "Write a decision", description = "The number is the next free one unless"
      + " given; the status is PROPOSED unless given (SUPERSEDED only through …/supersede).")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "409", description = "Number already taken")
  public Response create(DecisionDraft draft) {
    Decision created = decisions.create(draft);
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.getId())).build())
        .entity(DecisionDto.of(created, List.of())).build();
  }

  @GET
  @Path("export")
  @Produces(ZIP)
  @Operation(summary = "Every decision as a MADR Markdown file, in a zip",
      description = "One file per decision, 0007-title-slug.md, in the MADR 3/4 layout with YAML"
          + " front matter (status, date, deciders, superseded-by, supersedes, the frozen"
          + " evidence). Streamed; POST …/import takes it back (docs/architecture.md D15).")
  @APIResponse(responseCode = "200", description = "The zip",
      content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING,
          format = "binary")))
  public Response export() {
    StreamingOutput zip = madrExport::writeZip;
    String name = "decisions-" + LocalDate.now(ZoneOffset.UTC) + ".zip";
    return Response.ok(zip, ZIP)
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }

  @POST
  @Path("import")
  @Consumes({ZIP, "application/x-zip-compressed", MARKDOWN, MediaType.TEXT_PLAIN,
      MediaType.APPLICATION_OCTET_STREAM})
  @Operation(summary = "Import MADR or adr-tools Markdown files, all or nothing",
      description = "The raw body is a zip of .md files or one .md file (name it with 'filename'"
          + " so its number is read from 0007-title.md). Every file is checked before anything"
          + " is written; any problem refuses the whole upload with each file's problems (file,"
          + " line, message). numbering=keep (default) keeps the files' numbers and answers 409"
          + " when one is taken; numbering=renumber takes the next free numbers and rewrites the"
          + " links inside the upload. Evidence is restored as frozen, linked to experiments of"
          + " the same title here, else kept unlinked (shown as drifted, data gone).")
  @RequestBody(content = {
      @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")),
      @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING))})
  @APIResponse(responseCode = "200", description = "Imported",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ImportReportDto.class)))
  @APIResponse(responseCode = "400", description = "Invalid files, each problem named; nothing"
      + " written", content = @Content(mediaType = Problem.MEDIA_TYPE,
          schema = @Schema(implementation = ImportProblemDto.class)))
  @APIResponse(responseCode = "409", description = "Valid files whose numbers are taken; nothing"
      + " written", content = @Content(mediaType = Problem.MEDIA_TYPE,
          schema = @Schema(implementation = ImportProblemDto.class)))
  @APIResponse(responseCode = "413", description = "Larger than 32 MiB")
  @APIResponse(responseCode = "415", description = "Not a zip or Markdown body")
  @RolesAllowed(Roles.EDITOR)
  public Response importFiles(
      @Parameter(description = "keep (default) or renumber") @QueryParam("numbering")
          @DefaultValue("keep") String numbering,
      @Parameter(description = "The file's name when the body is one .md file")
          @QueryParam("filename") String filename,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
      InputStream body) {
    MadrImport.Numbering mode = switch (numbering == null ? "" : numbering.strip()
        .toLowerCase(Locale.ROOT)) {
      case "keep", "" -> MadrImport.Numbering.KEEP;
      case "renumber" -> MadrImport.Numbering.RENUMBER;
      default -> throw DomainException.InvalidInput.of("numbering",
          "numbering must be keep or renumber");
    };
    if (filename != null && filename.length() > 200) {
      throw DomainException.InvalidInput.of("filename", "filename must be at most 200 characters");
    }
    byte[] bytes = BoundedBody.read(body, MAX_IMPORT_BYTES);
    String name = filename != null && !filename.isBlank() ? filename.strip()
        : contentType != null && contentType.getSubtype().contains("zip") ? "upload.zip"
            : "upload.md";
    return Response.ok(ImportReportDto.of(madrImport.importUpload(bytes, name, mode))).build();
  }

  @GET
  @Path("drifted")
  @Operation(summary = "Accepted decisions whose evidence drifted",
      description = "Drift: a cited verdict changed, a difference to the baseline left the frozen"
          + " 95% interval, or cited data no longer exists (docs/architecture.md D11).")
  @APIResponse(responseCode = "200", description = "OK")
  public List<DriftedDecisionDto> drifted() {
    return decisions.drifted().stream().map(DriftedDecisionDto::of).toList();
  }

  @GET
  @Path("{id: [0-9]+}")
  @Operation(summary = "One decision, its body rendered to sanitised HTML")
  @APIResponse(responseCode = "200", description = "OK")
  public DecisionDto get(@PathParam("id") long id) {
    return DecisionDto.of(decisions.get(id), decisions.supersededBy(id));
  }

  @RolesAllowed(Roles.EDITOR)
  @PUT
  @Path("{id: [0-9]+}")
  @Operation(summary = "Change a decision")
  @APIResponse(responseCode = "200", description = "OK")
  public DecisionDto update(@PathParam("id") long id, DecisionDraft draft) {
    return DecisionDto.of(decisions.update(id, draft), decisions.supersededBy(id));
  }

  @RolesAllowed(Roles.EDITOR)
  @DELETE
  @Path("{id: [0-9]+}")
  @Operation(summary = "Delete a decision and its evidence")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "409", description = "It supersedes other decisions")
  public Response delete(@PathParam("id") long id) {
    decisions.delete(id);
    return Response.noContent().build();
  }

  @RolesAllowed(Roles.EDITOR)
  @POST
  @Path("{id}/supersede")
  @Operation(summary = "Mark this decision superseded by another",
      description = "Sets this decision SUPERSEDED and links it to its successor, whose"
          + " 'supersedes' list then names it. Refused for itself (400), twice, by a rejected"
          + " decision or in a cycle (409).")
  @APIResponse(responseCode = "409", description = "Already superseded, or the link would form a cycle")
  @APIResponse(responseCode = "200", description = "OK")
  public DecisionDto supersede(@PathParam("id") long id, SupersedeRequest request) {
    if (request == null) {
      throw DomainException.InvalidInput.of("body", "A request body is required");
    }
    return DecisionDto.of(decisions.supersede(id, request.supersededBy()), decisions.supersededBy(id));
  }

  @RolesAllowed(Roles.EDITOR)
  @POST
  @Path("{id}/evidence")
  @Operation(summary = "Cite an experiment's metrics: freeze their comparison as evidence",
      description = "All metrics with measurements when metricIds is empty. Citing a metric again"
          + " needs replace=true (409 otherwise).")
  @APIResponse(responseCode = "201", description = "Frozen; the body is the evidence report")
  @APIResponse(responseCode = "409", description = "Metric already cited")
  public Response cite(@PathParam("id") long id, CitationDraft draft) {
    decisions.cite(id, draft);
    return Response.created(uri.getAbsolutePath())
        .entity(EvidenceReportDto.of(decisions.drift(id))).build();
  }

  @GET
  @Path("{id}/evidence")
  @Operation(summary = "The frozen evidence beside the current numbers, with drift flags")
  @APIResponse(responseCode = "200", description = "OK")
  public EvidenceReportDto evidence(@PathParam("id") long id) {
    return EvidenceReportDto.of(decisions.drift(id));
  }
}
