package io.decisionledger.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

class CurrentSpanTest {

  @Test
  void withoutATracedRequestThereIsNoTraceId() {
    assertThat(Span.current().getSpanContext().isValid()).isFalse();
    assertThat(CurrentSpan.tagWithRequestId("req-1")).isNull();
  }

  @Test
  void insideATracedRequestItAnswersTheTraceId() {
    SpanContext context = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
        TraceFlags.getSampled(), TraceState.getDefault());
    try (Scope ignored = Span.wrap(context).makeCurrent()) {
      assertThat(CurrentSpan.tagWithRequestId("req-2")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }
    assertThat(CurrentSpan.tagWithRequestId("req-3")).isNull();
  }
}
