package io.decisionledger.interfaces.rest;

import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** The REST API, under {@code /api/v1}. */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Decision Ledger API",
            version = "1",
            description =
                "Experiments, variants, metrics, runs and measurements; comparisons of variants with"
                    + " run-level statistics. Errors are RFC 9457 application/problem+json.",
            license = @License(name = "Apache-2.0")),
    security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "session")})
@SecuritySchemes({
  @SecurityScheme(securitySchemeName = "token", type = SecuritySchemeType.HTTP, scheme = "bearer",
      description = "An API token (Administration > API tokens), scopes read and/or ingest"),
  @SecurityScheme(securitySchemeName = "session", type = SecuritySchemeType.APIKEY,
      in = SecuritySchemeIn.COOKIE, apiKeyName = "DLSESSION",
      description = "A signed-in session (POST /api/v1/session); unsafe methods also need the"
          + " header X-Requested-By")
})
@DeclareRoles({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN, Roles.API_READ,
    Roles.API_INGEST})
public class RestApplication extends Application {}
