package io.decisionledger.it.observability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A minimal OpenTelemetry collector for the tests: an OTLP/HTTP receiver on loopback that accepts
 * {@code POST /v1/traces} in the binary protobuf encoding (what Liberty's exporter sends with
 * {@code OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf}) and keeps every span with its resource. Posts
 * to any other path (metrics, logs) are counted, answered 200 and otherwise ignored.
 */
final class OtlpReceiver implements AutoCloseable {

  /** One received span with the resource attributes it was sent under. */
  record ReceivedSpan(Map<String, String> resource, String scope, Span span) {

    String traceId() {
      return HexFormat.of().formatHex(span.getTraceId().toByteArray());
    }

    String spanId() {
      return HexFormat.of().formatHex(span.getSpanId().toByteArray());
    }

    String parentSpanId() {
      return HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
    }

    Optional<String> attribute(String key) {
      return span.getAttributesList().stream().filter(a -> a.getKey().equals(key)).findFirst()
          .map(a -> text(a.getValue()));
    }

    @Override
    public String toString() {
      StringBuilder attributes = new StringBuilder();
      for (KeyValue a : span.getAttributesList()) {
        attributes.append(a.getKey()).append('=').append(text(a.getValue())).append(' ');
      }
      return span.getKind() + " '" + span.getName() + "' trace " + traceId() + " span " + spanId()
          + " parent " + parentSpanId() + " [" + attributes.toString().trim() + "] resource " + resource;
    }
  }

  private final HttpServer server;
  private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> posts = new ConcurrentHashMap<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();

  OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The base URL to give as OTEL_EXPORTER_OTLP_ENDPOINT (the exporter appends /v1/traces). */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  /** POST requests received, by path. */
  Map<String, Integer> posts() {
    Map<String, Integer> copy = new java.util.TreeMap<>();
    posts.forEach((path, count) -> copy.put(path, count.get()));
    return copy;
  }

  /** Bodies that could not be decoded, with the reason. */
  List<String> errors() {
    return List.copyOf(errors);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      posts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      byte[] body;
      try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
          ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (path.equals("/v1/traces")) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!"application/x-protobuf".equals(type)) {
          errors.add("Content-Type " + type + " on /v1/traces");
          exchange.sendResponseHeaders(415, -1);
          return;
        }
        try {
          collect(ExportTraceServiceRequest.parseFrom(body));
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
          errors.add("undecodable /v1/traces body: " + e.getMessage());
          exchange.sendResponseHeaders(400, -1);
          return;
        }
      }
      byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
      if (response.length > 0) {
        exchange.getResponseBody().write(response);
      }
    }
  }

  private void collect(ExportTraceServiceRequest request) {
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      Map<String, String> resource = attributes(resourceSpans.getResource());
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        for (Span span : scopeSpans.getSpansList()) {
          spans.add(new ReceivedSpan(resource, scopeSpans.getScope().getName(), span));
        }
      }
    }
  }

  private static Map<String, String> attributes(Resource resource) {
    Map<String, String> attributes = new java.util.TreeMap<>();
    for (KeyValue kv : resource.getAttributesList()) {
      attributes.put(kv.getKey(), text(kv.getValue()));
    }
    return attributes;
  }

  private static String text(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      case INT_VALUE -> Long.toString(value.getIntValue());
      case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
      case ARRAY_VALUE -> {
        List<String> items = new ArrayList<>();
        value.getArrayValue().getValuesList().forEach(v -> items.add(text(v)));
        yield items.toString();
      }
      default -> value.toString().trim();
    };
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
