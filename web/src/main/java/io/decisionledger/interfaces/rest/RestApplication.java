package io.decisionledger.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

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
            license = @License(name = "Apache-2.0")))
public class RestApplication extends Application {}
