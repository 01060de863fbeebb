package io.decisionledger.interfaces.experiment.rest;

import io.decisionledger.application.ComparisonService;
import io.decisionledger.application.DomainException;
import io.decisionledger.application.ExperimentDraft;
import io.decisionledger.application.ExperimentExport;
import io.decisionledger.application.ExperimentQuery;
import io.decisionledger.application.ExperimentService;
import io.decisionledger.application.MetricDraft;
import io.decisionledger.application.RunService;
import io.decisionledger.application.VariantDraft;
import io.decisionledger.domain.model.experiment.ExperimentStatus;
import io.decisionledger.interfaces.experiment.rest.Dtos.ComparisonDto;
import io.decisionledger.interfaces.experiment.rest.Dtos.ExperimentDto;
import io.decisionledger.interfaces.experiment.rest.Dtos.MetricDto;
import io.decisionledger.interfaces.experiment.rest.Dtos.PageDto;
import io.decisionledger.interfaces.experiment.rest.Dtos.RunDto;
import io.decisionledger.interfaces.experiment.rest.Dtos.VariantDto;
import io.decisionledger.interfaces.rest.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Experiments and what hangs off them: variants, metrics, runs, the comparison. */
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN, Roles.API_READ,
    Roles.API_INGEST})
@Path("v1/experiments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Experiments")
@APIResponse(responseCode = "400", description = "Invalid input",
    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown id",
    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ExperimentResource {

  @Inject ExperimentService experiments;
  @Inject RunService runs;
  @Inject ComparisonService comparisons;
  @Inject ExperimentExport export;

  @Context UriInfo uri;

  @GET
  @Operation(summary = "List experiments, filtered, sorted and paged on the server")
  public PageDto<ExperimentDto> list(
      @Parameter(description = "Text matched in title, owner and hypothesis") @QueryParam("q") String q,
      @QueryParam("status") String status,
      @Parameter(description = "title, owner, status, createdAt or updatedAt")
          @QueryParam("sort") @DefaultValue("updatedAt") String sort,
      @Parameter(description = "asc or desc") @QueryParam("order") @DefaultValue("desc") String order,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("20") int limit) {
    if (offset < 0 || limit < 1 || limit > ExperimentQuery.MAX_LIMIT) {
      throw DomainException.InvalidInput.of(offset < 0 ? "offset" : "limit",
          offset < 0 ? "offset must not be negative"
              : "limit must be between 1 and " + ExperimentQuery.MAX_LIMIT);
    }
    if (!"asc".equals(order) && !"desc".equals(order)) {
      throw DomainException.InvalidInput.of("order", "order must be asc or desc");
    }
    ExperimentQuery query = new ExperimentQuery(q, parseStatus(status), sort, "asc".equals(order),
        offset, limit);
    return PageDto.of(experiments.list(query), ExperimentDto::of);
  }

  private static ExperimentStatus parseStatus(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return ExperimentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.InvalidInput.of("status",
          "status must be one of PLANNED, RUNNING, CONCLUDED");
    }
  }

  @RolesAllowed(Roles.EDITOR)
  @POST
  @Operation(summary = "Create an experiment")
  @APIResponse(responseCode = "201", description = "Created")
  public Response create(ExperimentDraft draft) {
    ExperimentDto created = ExperimentDto.of(experiments.create(draft));
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
        .entity(created).build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One experiment")
  public ExperimentDto get(@PathParam("id") long id) {
    return ExperimentDto.of(experiments.get(id));
  }

  @RolesAllowed(Roles.EDITOR)
  @PUT
  @Path("{id}")
  @Operation(summary = "Change an experiment")
  public ExperimentDto update(@PathParam("id") long id, ExperimentDraft draft) {
    return ExperimentDto.of(experiments.update(id, draft));
  }

  @RolesAllowed(Roles.EDITOR)
  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete an experiment with its variants, metrics, runs and measurements")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("id") long id) {
    experiments.delete(id);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/comparison")
  @Operation(summary = "Compare the variants metric by metric",
      description = "Per variant: n, mean, median, p95, min, max, standard deviation over all"
          + " measurements; against the baseline: Welch's t on run means (95% interval of the"
          + " difference, ratio of means, verdict in the metric's direction).")
  public ComparisonDto comparison(@PathParam("id") long id) {
    return ComparisonDto.of(comparisons.compare(id));
  }

  @GET
  @Path("{id}/export")
  @Produces({RunResource.CSV, MediaType.APPLICATION_JSON})
  @Operation(summary = "The experiment with every measurement, as CSV or JSON",
      description = "Streamed from the database. CSV: metric,value,step,recorded_at (the columns"
          + " the CSV upload reads, so it uploads again), then variant,run. JSON: the"
          + " experiment, its metrics and variants, and each run with its parameters and its"
          + " measurements in the body POST /runs/{id}/measurements takes.")
  @APIResponse(responseCode = "200", description = "The file", content = {
      @Content(mediaType = RunResource.CSV, schema = @Schema(type = SchemaType.STRING)),
      @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT))})
  // Every measurement of the experiment: readers, not ingest-only tokens (as ExperimentExport).
  @RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN, Roles.API_READ})
  public Response export(@PathParam("id") long id,
      @Parameter(description = "csv or json (default)") @QueryParam("format")
          @DefaultValue("json") String format) {
    String kind = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
    if (!kind.equals("csv") && !kind.equals("json")) {
      throw DomainException.InvalidInput.of("format", "format must be csv or json");
    }
    export.get(id);
    StreamingOutput body = kind.equals("csv") ? out -> export.writeCsv(id, out)
        : out -> export.writeJson(id, out);
    return Response.ok(body, kind.equals("csv") ? RunResource.CSV + ";charset=UTF-8"
            : MediaType.APPLICATION_JSON + ";charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"experiment-" + id + "." + kind
            + "\"")
        .build();
  }

  @GET
  @Path("{id}/variants")
  @Operation(summary = "The experiment's variants, baseline first")
  public List<VariantDto> variants(@PathParam("id") long id) {
    return experiments.variants(id).stream().map(VariantDto::of).toList();
  }

  @RolesAllowed(Roles.EDITOR)
  @POST
  @Path("{id}/variants")
  @Operation(summary = "Add a variant (the first one is the baseline)")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "409", description = "Name already used in this experiment")
  public Response addVariant(@PathParam("id") long id, VariantDraft draft) {
    VariantDto created = VariantDto.of(experiments.addVariant(id, draft));
    return Response.created(uri.getBaseUriBuilder().path("v1/variants/" + created.id()).build())
        .entity(created).build();
  }

  @GET
  @Path("{id}/metrics")
  @Operation(summary = "The experiment's metrics")
  public List<MetricDto> metrics(@PathParam("id") long id) {
    return experiments.metrics(id).stream().map(MetricDto::of).toList();
  }

  @RolesAllowed(Roles.EDITOR)
  @POST
  @Path("{id}/metrics")
  @Operation(summary = "Add a metric")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "409", description = "Name already used in this experiment")
  public Response addMetric(@PathParam("id") long id, MetricDraft draft) {
    MetricDto created = MetricDto.of(experiments.addMetric(id, draft));
    return Response.created(uri.getBaseUriBuilder().path("v1/metrics/" + created.id()).build())
        .entity(created).build();
  }

  @GET
  @Path("{id}/runs")
  @Operation(summary = "Every run of the experiment")
  public List<RunDto> runs(@PathParam("id") long id) {
    return runs.runsOf(id).stream().map(RunDto::of).toList();
  }
}
