package io.decisionledger.interfaces.history.rest;

import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.decisionledger.application.history.HistoryService;
import io.decisionledger.interfaces.experiment.rest.Dtos.PageDto;
import io.decisionledger.interfaces.history.rest.HistoryDtos.HistoryEntryDto;
import io.decisionledger.interfaces.rest.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The recorded history (docs/audit.md), read-only: there are only GETs, and any other method on
 * these paths is a 405 problem. Timelines live beside the entities they describe ({@code
 * /experiments/{id}/history}…) in classes of their own, because JAX-RS picks the root resource with
 * the longest literal path before it looks at methods.
 */
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN})
@Path("v1/history")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "History", description = "Who changed what and when; never editable")
@APIResponse(responseCode = "400", description = "Invalid type, offset or limit",
    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class HistoryResource {

  @Inject HistoryService history;

  @GET
  @Operation(summary = "Recent changes, newest first, paged on the server",
      description = "Every recorded change of experiments, variants, metrics, runs, decisions,"
          + " their evidence, goals and their checklist items, with who, when and field-by-field"
          + " differences.")
  @APIResponse(responseCode = "200", description = "OK")
  public PageDto<HistoryEntryDto> recent(
      @Parameter(description = "Only this kind: experiment, variant, metric, run, decision,"
          + " evidence, goal, goal-item") @QueryParam("type") String type,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("20") int limit) {
    return HistoryDtos.page(history.recent(type, offset, limit));
  }

  /** Shared by the timeline resources. */
  static PageDto<HistoryEntryDto> timeline(HistoryService history, String type, long id,
      int offset, int limit) {
    return HistoryDtos.page(history.timeline(type, id, offset, limit));
  }

  /** An experiment's timeline, with its variants', metrics' and runs' changes. */
  @RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN})
  @Path("v1/experiments/{id}/history")
  @RequestScoped
  @Produces(MediaType.APPLICATION_JSON)
  @Tag(name = "History")
  @APIResponse(responseCode = "404", description = "Unknown experiment, never recorded",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public static class OfExperiment {
    @Inject HistoryService history;

    @GET
    @Operation(summary = "An experiment's history, with its variants, metrics and runs",
        description = "Also for a deleted experiment: the history outlives it.")
    @APIResponse(responseCode = "200", description = "OK")
    public PageDto<HistoryEntryDto> get(@PathParam("id") long id,
        @QueryParam("offset") @DefaultValue("0") int offset,
        @QueryParam("limit") @DefaultValue("20") int limit) {
      return timeline(history, "experiment", id, offset, limit);
    }
  }

  /** A decision's timeline, with the evidence it cited. */
  @RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN})
  @Path("v1/decisions/{id}/history")
  @RequestScoped
  @Produces(MediaType.APPLICATION_JSON)
  @Tag(name = "History")
  @APIResponse(responseCode = "404", description = "Unknown decision, never recorded",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public static class OfDecision {
    @Inject HistoryService history;

    @GET
    @Operation(summary = "A decision's history, with the evidence it cited",
        description = "Also for a deleted decision: the history outlives it.")
    @APIResponse(responseCode = "200", description = "OK")
    public PageDto<HistoryEntryDto> get(@PathParam("id") long id,
        @QueryParam("offset") @DefaultValue("0") int offset,
        @QueryParam("limit") @DefaultValue("20") int limit) {
      return timeline(history, "decision", id, offset, limit);
    }
  }

  /** A goal's timeline, with its checklist items' changes. */
  @RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN})
  @Path("v1/goals/{id}/history")
  @RequestScoped
  @Produces(MediaType.APPLICATION_JSON)
  @Tag(name = "History")
  @APIResponse(responseCode = "404", description = "Unknown goal, never recorded",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public static class OfGoal {
    @Inject HistoryService history;

    @GET
    @Operation(summary = "A goal's history, with its checklist items",
        description = "Also for a deleted goal: the history outlives it. An item's proof shows"
            + " as a change of the item (decision or experiment).")
    @APIResponse(responseCode = "200", description = "OK")
    public PageDto<HistoryEntryDto> get(@PathParam("id") long id,
        @QueryParam("offset") @DefaultValue("0") int offset,
        @QueryParam("limit") @DefaultValue("20") int limit) {
      return timeline(history, "goal", id, offset, limit);
    }
  }

  /** A run's timeline: creation, metadata changes, each ingestion (the measurement count). */
  @RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN})
  @Path("v1/runs/{id}/history")
  @RequestScoped
  @Produces(MediaType.APPLICATION_JSON)
  @Tag(name = "History")
  @APIResponse(responseCode = "404", description = "Unknown run, never recorded",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public static class OfRun {
    @Inject HistoryService history;

    @GET
    @Operation(summary = "A run's history: creation, changes, and each ingestion",
        description = "An ingestion shows as a change of measurementCount.")
    @APIResponse(responseCode = "200", description = "OK")
    public PageDto<HistoryEntryDto> get(@PathParam("id") long id,
        @QueryParam("offset") @DefaultValue("0") int offset,
        @QueryParam("limit") @DefaultValue("20") int limit) {
      return timeline(history, "run", id, offset, limit);
    }
  }
}
