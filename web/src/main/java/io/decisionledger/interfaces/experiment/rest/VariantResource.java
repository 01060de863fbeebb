package io.decisionledger.interfaces.experiment.rest;

import io.decisionledger.application.ExperimentService;
import io.decisionledger.application.RunDraft;
import io.decisionledger.application.RunService;
import io.decisionledger.application.VariantDraft;
import io.decisionledger.domain.model.experiment.RunSource;
import io.decisionledger.interfaces.experiment.rest.Dtos.RunDto;
import io.decisionledger.interfaces.experiment.rest.Dtos.VariantDto;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One variant, and the runs started under it. */
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN, Roles.API_READ,
    Roles.API_INGEST})
@Path("v1/variants/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Variants")
public class VariantResource {

  @Inject ExperimentService experiments;
  @Inject RunService runs;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "One variant")
  public VariantDto get(@PathParam("id") long id) {
    return VariantDto.of(experiments.getVariant(id));
  }

  @RolesAllowed(Roles.EDITOR)
  @PUT
  @Operation(summary = "Rename a variant or make it the baseline")
  public VariantDto update(@PathParam("id") long id, VariantDraft draft) {
    return VariantDto.of(experiments.updateVariant(id, draft));
  }

  @RolesAllowed(Roles.EDITOR)
  @DELETE
  @Operation(summary = "Delete a variant with its runs")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "409", description = "It is the baseline of other variants")
  public Response delete(@PathParam("id") long id) {
    experiments.deleteVariant(id);
    return Response.noContent().build();
  }

  @RolesAllowed({Roles.EDITOR, Roles.API_INGEST})
  @POST
  @Path("runs")
  @Operation(summary = "Start a run of this variant; post its measurements to /runs/{id}/measurements")
  @APIResponse(responseCode = "201", description = "Created")
  public Response createRun(@PathParam("id") long id, RunDraft draft) {
    RunDto created = RunDto.of(runs.create(id, draft, RunSource.API));
    return Response.created(uri.getBaseUriBuilder().path("v1/runs/" + created.id()).build())
        .entity(created).build();
  }
}
