package io.decisionledger.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the black-box tests: the JDK's client and JSON-P. */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final URI base;

  public Http(URL base) {
    try {
      this.base = base.toURI();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** One response: status, headers, body. */
  public record Response(int status, java.net.http.HttpHeaders headers, String body) {
    public JsonObject json() {
      return (JsonObject) parse();
    }

    public JsonArray array() {
      return (JsonArray) parse();
    }

    private JsonStructure parse() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.read();
      }
    }

    public String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET(), Map.of());
  }

  /** A GET with the given Accept header (Prometheus sends text/plain). */
  public Response get(String path, String accept) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET(), Map.of("Accept", accept));
  }

  /** A GET with extra request headers (X-Request-Id, traceparent, Accept). */
  public Response get(String path, Map<String, String> headers) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET(), headers);
  }

  public Response delete(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).DELETE(), Map.of());
  }

  public Response post(String path, String contentType, String body) {
    return post(path, contentType, body, Map.of());
  }

  public Response post(String path, String contentType, String body, Map<String, String> headers) {
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
  }

  public Response put(String path, String json) {
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)), Map.of());
  }

  public JsonObject postJson(String path, String json) {
    Response response = post(path, "application/json", json);
    if (response.status() != 201) {
      throw new AssertionError("POST " + path + " answered " + response.status() + ": "
          + response.body());
    }
    return response.json();
  }

  private static Response send(HttpRequest.Builder request, Map<String, String> headers) {
    if (!headers.containsKey("Accept")) {
      request.header("Accept", "application/json, application/problem+json, text/html;q=0.9");
    }
    headers.forEach(request::header);
    request.timeout(Duration.ofSeconds(120));
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
