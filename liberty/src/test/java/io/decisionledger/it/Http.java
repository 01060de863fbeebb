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

  private static final java.util.concurrent.atomic.AtomicBoolean DEMO_LOADED =
      new java.util.concurrent.atomic.AtomicBoolean();

  private final URI base;
  /** The session cookie ({@code DLSESSION=...}) once signed in; kept by hand because it is Secure. */
  private volatile String session;
  /** An API token sent as {@code Authorization: Bearer}. */
  private volatile String token;

  /**
   * A client signed in as the test server's first administrator (all roles). The first such client
   * of a test run also loads the demo, so every test finds the Path A vs Path B data.
   */
  public Http(URL base) {
    this(base, true);
    signIn(TestDatabase.ADMIN, TestDatabase.adminPassword());
    if (DEMO_LOADED.compareAndSet(false, true)) {
      Response demo = post("api/v1/demo", "application/json", "");
      if (demo.status() != 200) {
        DEMO_LOADED.set(false);
        throw new AssertionError("loading the demo answered " + demo.status() + ": " + demo.body());
      }
    }
  }

  private Http(URL base, boolean unused) {
    try {
      this.base = base.toURI();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A client that has not signed in. */
  public static Http anonymous(URL base) {
    return new Http(base, true);
  }

  /** A client signed in as this user. */
  public static Http as(URL base, String username, String password) {
    Http http = new Http(base, true);
    http.signIn(username, password);
    return http;
  }

  /** A client that sends this API token. */
  public static Http withToken(URL base, String token) {
    Http http = new Http(base, true);
    http.token = token;
    return http;
  }

  /** Signs in through the API; fails the test when that is refused. */
  public Http signIn(String username, String password) {
    Response response = trySignIn(username, password);
    if (response.status() != 200) {
      throw new AssertionError("sign-in as " + username + " answered " + response.status() + ": "
          + response.body());
    }
    return this;
  }

  /** Tries to sign in; the response says how it went. */
  public Response trySignIn(String username, String password) {
    return post("api/v1/session", "application/json", Json.createObjectBuilder()
        .add("username", username).add("password", password).build().toString());
  }

  /** The session cookie as a browser would send it, or null. */
  public String sessionCookie() {
    return session;
  }

  /** Continues another client's session (as a second replica would see it). */
  public Http useSession(String cookie) {
    this.session = cookie;
    return this;
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

  /** A response whose body is bytes (a zip download). */
  public record BytesResponse(int status, java.net.http.HttpHeaders headers, byte[] body) {
    public String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }
  }

  /** A GET whose body is kept as bytes. */
  public BytesResponse getBytes(String path, String accept) {
    HttpResponse<byte[]> response = exchange(HttpRequest.newBuilder(base.resolve(path)).GET(),
        Map.of("Accept", accept), HttpResponse.BodyHandlers.ofByteArray());
    return new BytesResponse(response.statusCode(), response.headers(), response.body());
  }

  /** A POST of a binary body (a zip upload). */
  public Response post(String path, String contentType, byte[] body) {
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)), Map.of());
  }

  public JsonObject postJson(String path, String json) {
    Response response = post(path, "application/json", json);
    if (response.status() != 201) {
      throw new AssertionError("POST " + path + " answered " + response.status() + ": "
          + response.body());
    }
    return response.json();
  }

  private Response send(HttpRequest.Builder request, Map<String, String> headers) {
    HttpResponse<String> response =
        exchange(request, headers, HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), response.headers(), response.body());
  }

  private <T> HttpResponse<T> exchange(HttpRequest.Builder request,
      Map<String, String> headers, HttpResponse.BodyHandler<T> body) {
    if (!headers.containsKey("Accept")) {
      request.header("Accept", "application/json, application/problem+json, text/html;q=0.9");
    }
    if (session != null && !headers.containsKey("Cookie")) {
      request.header("Cookie", session);
    }
    if (token != null && !headers.containsKey("Authorization")) {
      request.header("Authorization", "Bearer " + token);
    }
    // What the API asks of cookie-authenticated changes (CSRF); tests of the refusal override it.
    if (!headers.containsKey("X-Requested-By")) {
      request.header("X-Requested-By", "decision-ledger-it");
    }
    headers.forEach((name, value) -> {
      if (value != null && !value.isEmpty()) {
        request.header(name, value);
      }
    });
    request.timeout(Duration.ofSeconds(120));
    try {
      HttpResponse<T> response = CLIENT.send(request.build(), body);
      // The last one wins: a sign-in changes the session id and may set the cookie twice.
      response.headers().allValues("Set-Cookie").stream()
          .filter(c -> c.startsWith("DLSESSION="))
          .reduce((first, second) -> second)
          .ifPresent(c -> session = c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')));
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
