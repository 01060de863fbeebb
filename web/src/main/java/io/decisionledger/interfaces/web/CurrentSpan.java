package io.decisionledger.interfaces.web;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The OpenTelemetry span that Liberty's MicroProfile Telemetry opened for the request being served,
 * when tracing is on (docs/observability.md, "Tracing"). With tracing off (the default) there is no
 * valid span and nothing here does anything.
 *
 * <p>The OpenTelemetry API is Liberty's ({@code mpTelemetry-2.1}, a "stable" API visible to
 * applications); it is touched only from the nested class, and only after a check that it is
 * there, so a server without the feature serves requests as before.
 */
final class CurrentSpan {

  /** The span attribute that carries the request's X-Request-Id (not a semantic convention). */
  static final String REQUEST_ID_ATTRIBUTE = "decisionledger.request_id";

  private static final boolean API = apiVisible();

  private CurrentSpan() {}

  /**
   * Puts the request id on the current span and returns the span's trace id (32 hex digits), or
   * null when the request is not traced.
   */
  static String tagWithRequestId(String requestId) {
    return API ? Api.tag(requestId) : null;
  }

  private static boolean apiVisible() {
    try {
      Class.forName("io.opentelemetry.api.trace.Span", false, CurrentSpan.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Loaded only when the API is there. */
  private static final class Api {
    static String tag(String requestId) {
      Span span = Span.current();
      SpanContext context = span.getSpanContext();
      if (!context.isValid()) {
        return null;
      }
      span.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
      return context.getTraceId();
    }
  }
}
