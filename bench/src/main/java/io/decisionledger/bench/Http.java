package io.decisionledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON-over-HTTP client on the JDK's HttpClient, for loopback addresses only. */
public final class Http {

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final String base;
  /** Who signed in, so that {@link #newSession()} can open another session for the same user. */
  private volatile String username;
  private volatile String password;
  /** The signed-in session cookie ({@code DLSESSION=...}) for the application, or null. */
  private volatile String session;

  public Http(String base) {
    if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost")) {
      throw new IllegalArgumentException("benchmarks target loopback only: " + base);
    }
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public HttpClient client() {
    return client;
  }

  /** Signs in through the API; every later request of this client carries the session. */
  public Http signIn(String username, String password) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/session"))
        .timeout(Duration.ofMinutes(1))
        .header("Content-Type", "application/json")
        .header("X-Requested-By", "benchmark")
        .POST(HttpRequest.BodyPublishers.ofByteArray(
            JSON.writeValueAsBytes(java.util.Map.of("username", username, "password", password))))
        .build();
    HttpResponse<String> response =
        send(request, HttpResponse.BodyHandlers.ofString(), Duration.ofMinutes(1));
    if (response.statusCode() != 200) {
      throw new IOException("sign-in answered " + response.statusCode() + ": "
          + abbreviate(response.body()));
    }
    java.util.List<String> cookies = response.headers().allValues("Set-Cookie");
    String last = cookies.get(cookies.size() - 1);
    session = last.substring(0, last.indexOf(';') > 0 ? last.indexOf(';') : last.length());
    this.username = username;
    this.password = password;
    return this;
  }

  /**
   * A client of its own with a fresh session of the signed-in user, as a second browser would
   * have; a client that never signed in gets another anonymous one.
   */
  public Http newSession() throws IOException, InterruptedException {
    Http other = new Http(base);
    return username == null ? other : other.signIn(username, password);
  }

  /**
   * Sends a request and waits for the whole answer at most {@code limit}: the JDK client's own
   * request timeout ends when the headers arrive, so a body that stalls would otherwise wait
   * forever.
   */
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body,
      Duration limit) throws IOException, InterruptedException {
    java.util.concurrent.CompletableFuture<HttpResponse<T>> answer = client.sendAsync(request, body);
    try {
      return answer.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      answer.cancel(true);
      throw new java.net.http.HttpTimeoutException(
          request.method() + " " + request.uri().getPath() + " took longer than " + limit);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getCause());
    }
  }

  /** Adds the session and the CSRF header the API asks of cookie-authenticated changes. */
  public HttpRequest.Builder authorize(HttpRequest.Builder request) {
    if (session != null) {
      request.header("Cookie", session).header("X-Requested-By", "benchmark");
    }
    return request;
  }

  public String session() {
    return session;
  }

  public URI uri(String path) {
    return URI.create(base + path);
  }

  public JsonNode postJson(String path, Object body) throws IOException, InterruptedException {
    byte[] bytes = body instanceof byte[] b ? b : JSON.writeValueAsBytes(body);
    HttpRequest request =
        authorize(HttpRequest.newBuilder(uri(path)))
            .timeout(Duration.ofMinutes(5))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build();
    HttpResponse<String> response =
        send(request, HttpResponse.BodyHandlers.ofString(), Duration.ofMinutes(5));
    if (response.statusCode() / 100 != 2) {
      throw new IOException("POST " + path + " answered " + response.statusCode() + ": "
          + abbreviate(response.body()));
    }
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  public JsonNode getJson(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + response.statusCode() + ": "
          + abbreviate(response.body()));
    }
    return JSON.readTree(response.body());
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(
        authorize(HttpRequest.newBuilder(uri(path))).timeout(Duration.ofMinutes(2)).GET().build(),
        HttpResponse.BodyHandlers.ofString(), Duration.ofMinutes(2));
  }

  static String abbreviate(String s) {
    return s.length() > 500 ? s.substring(0, 500) + "…" : s;
  }
}
