package io.decisionledger.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Once the server is ready, signs in as the first administrator and asks for the demo (the
 * application loads it only into an empty ledger, and only when {@code dl.demo.seed} allows),
 * through the REST API, as any client would.
 */
final class DemoLoader {

  private static final Logger LOG = Logger.getLogger(DemoLoader.class.getName());

  private DemoLoader() {}

  static void loadWhenReady(int port, String user, String password, Process server) {
    Thread thread = new Thread(() -> run(port, user, password, server), "dl-demo-loader");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run(int port, String user, String password, Process server) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI base = URI.create("http://localhost:" + port + "/");
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    try {
      while (server.isAlive() && Instant.now().isBefore(deadline)) {
        if (ready(client, base)) {
          String body = "{\"username\":" + quote(user) + ",\"password\":" + quote(password)
              + "}";
          HttpResponse<String> session = client.send(HttpRequest.newBuilder(base.resolve("api/v1/session"))
                  .header("Content-Type", "application/json").header("X-Requested-By", "run-command")
                  .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
              HttpResponse.BodyHandlers.ofString());
          // The last cookie: signing in changes the session id.
          java.util.List<String> cookies = session.headers().allValues("Set-Cookie");
          String cookie = cookies.isEmpty() ? "" : cookies.get(cookies.size() - 1);
          if (session.statusCode() != 200 || cookie.isEmpty()) {
            LOG.warning("Demo not loaded: sign-in answered " + session.statusCode());
            return;
          }
          HttpResponse<String> demo = client.send(HttpRequest.newBuilder(base.resolve("api/v1/demo"))
                  .header("Cookie", cookie.split(";", 2)[0]).header("X-Requested-By", "run-command")
                  .POST(HttpRequest.BodyPublishers.noBody()).build(),
              HttpResponse.BodyHandlers.ofString());
          LOG.info(demo.statusCode() == 200 ? "Demo: " + demo.body()
              : "Demo not loaded (" + demo.statusCode() + ")");
          return;
        }
        server.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (java.io.IOException e) {
      LOG.warning("Demo not loaded: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean ready(HttpClient client, URI base) throws InterruptedException {
    try {
      return client.send(HttpRequest.newBuilder(base.resolve("health/ready")).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
