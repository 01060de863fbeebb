package io.decisionledger.interfaces.experiment.rest;

import io.decisionledger.domain.model.security.Roles;
import io.decisionledger.infrastructure.startup.Demo;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Loads the Path A vs Path B demo into an empty ledger. */
@Path("v1/demo")
@RequestScoped
@Tag(name = "Demo")
@Produces(MediaType.APPLICATION_JSON)
public class DemoResource {

  @Inject Demo demo;

  @POST
  @RolesAllowed(Roles.EDITOR)
  @Operation(summary = "Load the demo experiment and decisions into an empty ledger (idempotent)")
  public Demo.Loaded load() {
    return demo.load();
  }
}
