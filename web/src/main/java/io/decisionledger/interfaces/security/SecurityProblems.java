package io.decisionledger.interfaces.security;

import io.decisionledger.application.security.SecurityEvents;
import io.decisionledger.domain.model.security.SecurityEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/** 401, 403 and 503 as RFC 9457 problems, written before the request reaches JAX-RS. */
@ApplicationScoped
public class SecurityProblems {

  static final String TYPE_BASE = "https://decision-ledger.dev/problems/";

  /** How long a client should wait before it tries again when the database is unreachable. */
  public static final int RETRY_AFTER_SECONDS = 5;

  @Inject SecurityEvents events;

  public void unauthorized(HttpServletResponse response, String detail) {
    response.setHeader("WWW-Authenticate", "Bearer realm=\"decision-ledger\"");
    write(response, 401, "unauthorized", "Unauthorized", detail);
  }

  public void forbidden(HttpServletResponse response, String principal, String source,
      String what, String detail) {
    events.record(SecurityEventType.ACCESS_DENIED, principal, source, what);
    write(response, 403, "forbidden", "Forbidden", detail);
  }

  /**
   * Who sends the request cannot be checked (the database is unreachable): 503 with {@code
   * Retry-After}, a problem on the API and the error page for a browser. Not 401 or 403: the
   * credentials may well be valid, and a client should retry, not sign in again or give up.
   */
  public void unavailable(jakarta.servlet.http.HttpServletRequest request,
      HttpServletResponse response, String detail) {
    response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    try {
      if (ApplicationAuthentication.isApi(request)) {
        write(response, 503, "service-unavailable", "Service Unavailable", detail);
        response.flushBuffer();
      } else {
        response.sendError(503);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records a refusal that the page answers itself (with the 403 error page). */
  public void recordDenied(jakarta.servlet.http.HttpServletRequest request, String what) {
    events.record(SecurityEventType.ACCESS_DENIED,
        request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName(),
        request.getRemoteAddr(), what);
  }

  private static void write(HttpServletResponse response, int status, String type, String title,
      String detail) {
    try {
      response.setStatus(status);
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(Json.createObjectBuilder()
          .add("type", TYPE_BASE + type)
          .add("title", title)
          .add("status", status)
          .add("detail", detail)
          .add("errors", Json.createArrayBuilder())
          .build()
          .toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
