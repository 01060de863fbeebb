package io.decisionledger.interfaces.experiment.rest;

import io.decisionledger.application.ExperimentService;
import io.decisionledger.application.MetricDraft;
import io.decisionledger.interfaces.experiment.rest.Dtos.MetricDto;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One metric of an experiment. */
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN, Roles.API_READ,
    Roles.API_INGEST})
@Path("v1/metrics/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Metrics")
public class MetricResource {

  @Inject ExperimentService experiments;

  @GET
  @Operation(summary = "One metric")
  public MetricDto get(@PathParam("id") long id) {
    return MetricDto.of(experiments.getMetric(id));
  }

  @RolesAllowed(Roles.EDITOR)
  @PUT
  @Operation(summary = "Change a metric's name, unit, direction or description")
  public MetricDto update(@PathParam("id") long id, MetricDraft draft) {
    return MetricDto.of(experiments.updateMetric(id, draft));
  }

  @RolesAllowed(Roles.EDITOR)
  @DELETE
  @Operation(summary = "Delete a metric with its measurements")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("id") long id) {
    experiments.deleteMetric(id);
    return Response.noContent().build();
  }
}
