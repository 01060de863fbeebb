package io.decisionledger.interfaces.security.rest;

import io.decisionledger.application.FieldError;
import io.decisionledger.application.security.SecurityEvents;
import io.decisionledger.domain.model.security.SecurityEventType;
import io.decisionledger.interfaces.rest.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sign-in for API clients that act for a person (scripts, the run command, tests): a session
 * cookie, exactly as the sign-in page gives. Pipelines use API tokens instead.
 */
@Path("v1/session")
@RequestScoped
@PermitAll
@Tag(name = "Session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

  /** User name and password. */
  public record SignIn(String username, String password) {}

  /** Who is signed in, with which roles. */
  public record Caller(String username, List<String> roles) {}

  @Inject SecurityContext security;
  @Inject SecurityEvents events;
  @Inject io.decisionledger.interfaces.security.OpenIdConnect oidc;
  @Inject io.decisionledger.interfaces.security.SessionUsers users;

  @Context HttpServletRequest request;
  @Context HttpServletResponse response;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sign in with a user name and password; sets the session cookie")
  public Response signIn(SignIn body) {
    List<FieldError> errors = new ArrayList<>();
    if (body == null || body.username() == null || body.username().isBlank()) {
      errors.add(new FieldError("username", "A user name is required"));
    }
    if (body == null || body.password() == null || body.password().isEmpty()) {
      errors.add(new FieldError("password", "A password is required"));
    }
    if (!errors.isEmpty()) {
      return Problem.response(Response.Status.BAD_REQUEST, "invalid-input", "Invalid input",
          "User name and password are required", errors);
    }
    if (oidc.enabled()) {
      return Problem.response(Response.Status.UNAUTHORIZED, "unauthorized", "Unauthorized",
          "Password sign-in is off: sign in at the identity provider, or use an API token",
          List.of());
    }
    AuthenticationStatus status = security.authenticate(request, response,
        AuthenticationParameters.withParams()
            .credential(new UsernamePasswordCredential(body.username(),
                new Password(body.password())))
            .newAuthentication(true));
    if (status != AuthenticationStatus.SUCCESS) {
      return Problem.response(Response.Status.UNAUTHORIZED, "unauthorized", "Unauthorized",
          "Wrong user name or password, or the account is locked for a while", List.of());
    }
    // Roles are not visible to isCallerInRole until the next request: answer from the store.
    String name = security.getCallerPrincipal().getName();
    return Response.ok(new Caller(name,
        List.copyOf(new TreeSet<>(users.roles(name).orElse(java.util.Set.of()))))).build();
  }

  @GET
  @Operation(summary = "Who is signed in")
  public Response current() {
    if (security.getCallerPrincipal() == null) {
      return Problem.response(Response.Status.UNAUTHORIZED, "unauthorized", "Unauthorized",
          "Nobody is signed in", List.of());
    }
    return Response.ok(caller()).build();
  }

  @DELETE
  @Operation(summary = "Sign out: ends the session")
  public Response signOut() throws ServletException {
    String name = security.getCallerPrincipal() == null ? null
        : security.getCallerPrincipal().getName();
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    if (name != null) {
      events.record(SecurityEventType.SIGN_OUT, name, request.getRemoteAddr(), null);
    }
    return Response.noContent().build();
  }

  private Caller caller() {
    TreeSet<String> roles = new TreeSet<>();
    for (String role : io.decisionledger.domain.model.security.Roles.ALL) {
      if (security.isCallerInRole(role)) {
        roles.add(role);
      }
    }
    return new Caller(security.getCallerPrincipal().getName(), List.copyOf(roles));
  }
}
