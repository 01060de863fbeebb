package io.decisionledger.interfaces.experiment.rest;

import io.decisionledger.application.ApplicationMetrics;
import io.decisionledger.application.DomainException;
import io.decisionledger.application.IngestionService;
import io.decisionledger.application.MeasurementColumns;
import io.decisionledger.application.MeasurementCsv;
import io.decisionledger.application.MeasurementInput;
import io.decisionledger.application.RowLocator;
import io.decisionledger.application.RunDraft;
import io.decisionledger.application.RunService;
import io.decisionledger.interfaces.experiment.rest.Dtos.IngestionResultDto;
import io.decisionledger.interfaces.experiment.rest.Dtos.RunDto;
import io.decisionledger.interfaces.rest.BoundedBody;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One run, and the bulk ingestion of its measurements. */
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN, Roles.API_READ,
    Roles.API_INGEST})
@Path("v1/runs/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs")
public class RunResource {

  static final String CSV = "text/csv";

  @Inject RunService runs;
  @Inject IngestionService ingestion;

  @Inject ApplicationMetrics metrics;

  /** Bodies larger than this are refused before parsing (100,000 rows of JSON are ~7 MB). */
  static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

  @GET
  @Operation(summary = "One run")
  public RunDto get(@PathParam("id") long id) {
    return RunDto.of(runs.get(id));
  }

  @RolesAllowed({Roles.EDITOR, Roles.API_INGEST})
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change a run's times, parameters or notes")
  public RunDto update(@PathParam("id") long id, RunDraft draft) {
    return RunDto.of(runs.update(id, draft));
  }

  @RolesAllowed(Roles.EDITOR)
  @DELETE
  @Operation(summary = "Delete a run with its measurements")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("id") long id) {
    runs.delete(id);
    return Response.noContent().build();
  }

  @RolesAllowed({Roles.EDITOR, Roles.API_INGEST})
  @POST
  @Path("measurements")
  @Consumes({MediaType.APPLICATION_JSON, CSV})
  @Operation(
      summary = "Ingest measurements in bulk, all or nothing",
      description = "A JSON array of {metric, value, step?, recordedAt?} or CSV with the header"
          + " metric,value[,step][,recorded_at]; at most dl.ingest.max-rows (100,000) rows. NaN,"
          + " infinite or out-of-range values are refused with their index or line. With an"
          + " Idempotency-Key, a retry of the same body writes nothing again and answers the"
          + " first result; the same key with another body is a 409.")
  @RequestBody(content = {
      @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(type = SchemaType.ARRAY, implementation = MeasurementInput.class)),
      @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
          example = "metric,value,step\nboot_time,12.5,1\nboot_time,12.9,2\n")})
  @APIResponse(responseCode = "201", description = "Written")
  @APIResponse(responseCode = "200", description = "Replayed: an earlier request with this key wrote them")
  @APIResponse(responseCode = "400", description = "Invalid rows, each named")
  @APIResponse(responseCode = "404", description = "Unknown run")
  @APIResponse(responseCode = "409", description = "Idempotency-Key reused with another body")
  @APIResponse(responseCode = "413", description = "Too many rows")
  @APIResponse(responseCode = "415", description = "Neither JSON nor CSV")
  public Response ingest(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
      @Parameter(description = "Makes a retry safe") @HeaderParam("Idempotency-Key") String key,
      InputStream body) {
    metrics.ingestionRequest();
    try {
      byte[] bytes = readBounded(body);
      // The body's hash tells a replay from a reuse of the key: only needed with a key.
      String hash = key == null ? null
          : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      Parsed parsed = parse(new ByteArrayInputStream(bytes), contentType);
      IngestionResultDto result = IngestionResultDto.of(
          ingestion.ingest(id, parsed.rows(), key, hash, parsed.locator()));
      return Response.status(result.replayed() ? Response.Status.OK : Response.Status.CREATED)
          .header("Idempotent-Replayed", result.replayed() ? "true" : null)
          .entity(result)
          .build();
    } catch (DomainException e) {
      metrics.ingestionRejected();
      throw e;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The whole body, refused with 413 past {@link #MAX_BODY_BYTES}. */
  private static byte[] readBounded(InputStream body) {
    return BoundedBody.read(body, MAX_BODY_BYTES);
  }

  /** The rows of a body, and how its errors name a row: JSON by index, CSV by line. */
  private record Parsed(MeasurementColumns rows, RowLocator locator) {}

  private Parsed parse(InputStream body, MediaType contentType) {
    int maxRows = ingestion.maxRows();
    if (contentType != null && CSV.equals(contentType.getType() + "/" + contentType.getSubtype())) {
      MeasurementCsv.Result csv = MeasurementCsv.read(
          new InputStreamReader(body, StandardCharsets.UTF_8), maxRows, 100);
      if (csv.tooLarge()) {
        throw new DomainException.TooLarge(
            "A request may carry at most " + maxRows + " measurements");
      }
      if (!csv.valid()) {
        throw new DomainException.InvalidInput(
            "The CSV has invalid lines; nothing was written: " + csv.errors().stream()
                .limit(3).map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; ")), csv.errors());
      }
      return new Parsed(MeasurementColumns.of(csv.rows()), csv.locator());
    }
    try {
      return new Parsed(MeasurementJson.read(body, maxRows), RowLocator.INDEX);
    } catch (UncheckedIOException e) {
      throw DomainException.InvalidInput.of("body", "The body could not be read");
    }
  }
}
