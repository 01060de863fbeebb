package io.decisionledger.interfaces.rest;

import io.decisionledger.application.DomainException;
import io.decisionledger.application.FieldError;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of the API becomes an RFC 9457 problem: domain refusals keep their status, bad
 * bodies are 400, an unreachable database is a 503 with {@code Retry-After}, unexpected errors are
 * a 500 with no internals shown (the cause goes to the log).
 */
public final class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  private ProblemMappers() {}

  static Response of(DomainException e) {
    if (e instanceof DomainException.NotFound) {
      return Problem.response(Response.Status.NOT_FOUND, "not-found", "Not found", e.getMessage(),
          e.errors());
    }
    if (e instanceof DomainException.Conflict) {
      return Problem.response(Response.Status.CONFLICT, "conflict", "Conflict", e.getMessage(),
          e.errors());
    }
    if (e instanceof DomainException.TooLarge) {
      return Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too-large",
          "Request too large", e.getMessage(), e.errors());
    }
    return Problem.response(Response.Status.BAD_REQUEST, "invalid-input", "Invalid input",
        e.getMessage(), e.errors());
  }

  /** Refusals of the domain: 400, 404, 409, 413. */
  @Provider
  public static class Domain implements ExceptionMapper<DomainException> {
    @Override
    public Response toResponse(DomainException e) {
      return of(e);
    }
  }

  /** JAX-RS' own errors (unknown path 404, 405, 406, 415...) in problem form. */
  @Provider
  public static class Web implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
      if (status >= 500) {
        return Unexpected.unexpected(e);
      }
      if (e.getCause() instanceof JsonbException || e.getCause() instanceof JsonException) {
        return badBody(e.getCause());
      }
      Response.StatusType type = Response.Status.fromStatusCode(status);
      String title = type == null ? "Error" : type.getReasonPhrase();
      return Problem.response(status, slug(title), title, e.getMessage(), List.of());
    }
  }

  /** Bodies that are not valid JSON for the expected type. */
  @Provider
  public static class BadJson implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
      return badBody(e);
    }
  }

  /** Bodies the runtime could not read. */
  @Provider
  public static class BadBody implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
      return badBody(e);
    }
  }

  /** Bean Validation on resource parameters. */
  @Provider
  public static class Invalid implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      List<FieldError> errors = e.getConstraintViolations().stream()
          .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
          .toList();
      return Problem.response(Response.Status.BAD_REQUEST, "invalid-input", "Invalid input",
          "The request has invalid parameters", errors);
    }

    private static String lastNode(String path) {
      int dot = path.lastIndexOf('.');
      return dot < 0 ? path : path.substring(dot + 1);
    }
  }

  /** Everything else, including EJB-wrapped persistence failures. */
  @Provider
  public static class Unexpected implements ExceptionMapper<EJBException> {
    @Override
    public Response toResponse(EJBException e) {
      Throwable cause = e;
      while (cause != null) {
        if (cause instanceof DomainException domain) {
          return of(domain);
        }
        if (cause instanceof OptimisticLockException) {
          return Problem.response(Response.Status.CONFLICT, "conflict", "Conflict",
              "Someone else changed this meanwhile; reload and try again", List.of());
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null
            && sql.getSQLState().startsWith("23")) {
          return Problem.response(Response.Status.CONFLICT, "conflict", "Conflict",
              "The change conflicts with existing data (" + constraintOf(sql) + ")", List.of());
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null
            && sql.getSQLState().startsWith("08")) {
          // No connection to the database (SQL state class 08): the caller may retry, as when
          // the caller cannot be checked (SecurityProblems.unavailable), not an internal error.
          LOG.log(Level.WARNING, "The database is unreachable: " + sql.getMessage());
          return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                  "service-unavailable", "Service Unavailable",
                  "The database is unreachable; try again shortly", List.of()))
              .header("Retry-After", Integer.toString(
                  io.decisionledger.interfaces.security.SecurityProblems.RETRY_AFTER_SECONDS))
              .build();
        }
        if (cause instanceof PersistenceException && cause.getCause() == null) {
          break;
        }
        cause = cause.getCause();
      }
      return unexpected(e);
    }

    static Response unexpected(Throwable e) {
      String incident = Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 10);
      LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, e);
      return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "internal",
          "Internal error", "Something went wrong on our side (incident " + incident + ")",
          List.of());
    }

    private static String constraintOf(SQLException sql) {
      String message = sql.getMessage() == null ? "" : sql.getMessage();
      int quote = message.indexOf('"');
      int end = quote < 0 ? -1 : message.indexOf('"', quote + 1);
      return end > quote ? "constraint " + message.substring(quote + 1, end) : "a constraint";
    }
  }

  /**
   * A role check refused the call, in the REST layer ({@code @RolesAllowed} on a resource) or in
   * the EJB layer: 401 when nobody is signed in, 403 (recorded in the security trail) otherwise.
   */
  public abstract static class Denial {
    @jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security;
    @jakarta.ws.rs.core.Context jakarta.servlet.http.HttpServletRequest request;
    @jakarta.inject.Inject io.decisionledger.application.security.SecurityEvents events;

    Response denied() {
      java.security.Principal caller = security == null ? null : security.getUserPrincipal();
      if (caller == null) {
        return Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED, "unauthorized",
                "Unauthorized", "Sign in or send an API token (Authorization: Bearer)", List.of()))
            .header("WWW-Authenticate", "Bearer realm=\"decision-ledger\"")
            .build();
      }
      String what = request == null ? null : request.getMethod() + " " + request.getRequestURI();
      events.record(io.decisionledger.domain.model.security.SecurityEventType.ACCESS_DENIED,
          caller.getName(), request == null ? null : request.getRemoteAddr(), what);
      return Problem.response(Response.Status.FORBIDDEN, "forbidden", "Forbidden",
          "Your role does not allow this", List.of());
    }
  }

  /** The EJB layer refused the caller. */
  @Provider
  public static class DeniedByService extends Denial
      implements ExceptionMapper<jakarta.ejb.EJBAccessException> {
    @Override
    public Response toResponse(jakarta.ejb.EJBAccessException e) {
      return denied();
    }
  }

  /** The REST layer refused the caller. */
  @Provider
  public static class DeniedByResource extends Denial
      implements ExceptionMapper<jakarta.ws.rs.ForbiddenException> {
    @Override
    public Response toResponse(jakarta.ws.rs.ForbiddenException e) {
      return denied();
    }
  }

  /** Last resort: a 500 problem without internals. */
  @Provider
  public static class Fallback implements ExceptionMapper<RuntimeException> {
    @Override
    public Response toResponse(RuntimeException e) {
      if (e instanceof DomainException domain) {
        return of(domain);
      }
      if (e instanceof WebApplicationException web) {
        return new Web().toResponse(web);
      }
      if (e instanceof EJBException ejb) {
        return new Unexpected().toResponse(ejb);
      }
      return Unexpected.unexpected(e);
    }
  }

  static Response badBody(Throwable e) {
    String detail = e.getMessage() == null ? "The body is not valid JSON" : firstLine(e.getMessage());
    return Problem.response(Response.Status.BAD_REQUEST, "invalid-body", "Invalid body", detail,
        List.of(new FieldError("body", detail)));
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) : line;
  }

  private static String slug(String title) {
    return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
