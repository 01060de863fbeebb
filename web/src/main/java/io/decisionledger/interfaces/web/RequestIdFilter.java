package io.decisionledger.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id: the caller's {@code X-Request-Id} when it is short and made
 * of safe characters (so it cannot forge log lines or carry a secret of any length), a new UUID
 * otherwise. The id goes back in the {@code X-Request-Id} response header, into the request
 * attribute {@value #ATTRIBUTE}, and into every Liberty log record written on the request's thread
 * while it is served: Liberty's JSON logs show it as {@code ext_requestId}, and Loki finds all of a
 * request's lines by it. When tracing is on, the request's span carries the id as the attribute
 * {@value CurrentSpan#REQUEST_ID_ATTRIBUTE} and the log records carry the span's trace id as
 * {@code ext_traceId}, so a log line leads to its trace and a trace to its log lines.
 *
 * <p>The log extension is Liberty's {@code com.ibm.websphere.logging.hpel.LogRecordContext}
 * (IBM API, visible to applications by default). It is called through a method handle so that the
 * module compiles without Liberty's API jar; on a server without it the id still travels in the
 * header and the attribute.
 *
 * <p>Mapped to every request by {@link RequestIdFilterRegistration}, after the container's own
 * filters, so that the request's span exists when this filter runs.
 */
public class RequestIdFilter extends HttpFilter {

  public static final String HEADER = "X-Request-Id";
  public static final String ATTRIBUTE = "io.decisionledger.requestId";
  static final String EXTENSION = "requestId";
  static final String TRACE_EXTENSION = "traceId";

  /** Letters, digits and {@code - _ . :}, 1 to 64 of them: UUIDs, W3C trace ids, ULIDs. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private static final Logger LOG = Logger.getLogger(RequestIdFilter.class.getName());
  private static final MethodHandle ADD = extension("addExtension", String.class, String.class);
  private static final MethodHandle REMOVE = extension("removeExtension", String.class);

  /** The caller's id if it is safe to log, else a new one. */
  static String idFor(String offered) {
    if (offered != null && SAFE.matcher(offered).matches()) {
      return offered;
    }
    return UUID.randomUUID().toString();
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Object existing = request.getAttribute(ATTRIBUTE);
    if (existing != null) {
      // An error page or a forward inside the same request: the id is already set.
      chain.doFilter(request, response);
      return;
    }
    String id = idFor(request.getHeader(HEADER));
    request.setAttribute(ATTRIBUTE, id);
    response.setHeader(HEADER, id);
    String traceId = CurrentSpan.tagWithRequestId(id);
    invoke(ADD, EXTENSION, id);
    if (traceId != null) {
      invoke(ADD, TRACE_EXTENSION, traceId);
    }
    try {
      chain.doFilter(request, response);
    } finally {
      // Threads are pooled: the next request on this thread must not inherit the ids.
      invoke(REMOVE, EXTENSION, null);
      if (traceId != null) {
        invoke(REMOVE, TRACE_EXTENSION, null);
      }
    }
  }

  private static void invoke(MethodHandle handle, String key, String value) {
    if (handle == null) {
      return;
    }
    try {
      if (value == null) {
        handle.invoke(key);
      } else {
        handle.invoke(key, value);
      }
    } catch (Throwable e) {
      LOG.log(Level.FINE, "Could not set the request id log extension", e);
    }
  }

  private static MethodHandle extension(String name, Class<?>... parameters) {
    try {
      Class<?> context = Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext");
      Class<?> returns = context.getMethod(name, parameters).getReturnType();
      return MethodHandles.publicLookup()
          .findStatic(context, name, MethodType.methodType(returns, parameters));
    } catch (ReflectiveOperationException | LinkageError e) {
      LOG.log(Level.FINE, "Liberty's LogRecordContext is not available; request ids stay out of log records", e);
      return null;
    }
  }
}
