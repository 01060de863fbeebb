package io.decisionledger.checks.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.decisionledger.checks.Tool;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The `helm test` hook's script (files/tests/ready-check.sh) against a stand-in /health/ready on
 * loopback: it passes on UP, waits through DOWN, and fails when readiness never comes.
 */
class HelmTestHookTest {

  static final Path SCRIPT = Chart.DIR.resolve("files/tests/ready-check.sh");

  private HttpServer server;

  private int serve(AtomicInteger calls, int downAnswers) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/health/ready", exchange -> {
      boolean up = calls.incrementAndGet() > downAnswers;
      byte[] body = (up ? "{\"status\":\"UP\",\"checks\":[]}" : "{\"status\":\"DOWN\",\"checks\":[]}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(up ? 200 : 503, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void passesOnceReadinessIsUp() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    int port = serve(calls, 1);
    Tool.Result result = Tool.require("bash").run(Chart.DIR, SCRIPT.toString(), "127.0.0.1", String.valueOf(port), "5");
    result.assertSuccess();
    assertThat(calls.get()).isEqualTo(2);
    assertThat(result.output()).contains("attempt 1: HTTP/1.1 503").contains("ready: {\"status\":\"UP\"");
  }

  @Test
  void failsWhenReadinessStaysDown() throws IOException {
    int port = serve(new AtomicInteger(), Integer.MAX_VALUE);
    Tool.Result result = Tool.require("bash").run(Chart.DIR, SCRIPT.toString(), "127.0.0.1", String.valueOf(port), "2");
    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.output()).contains("not ready after 2 attempts");
  }

  @Test
  void failsWhenNothingListens() throws IOException {
    int port = serve(new AtomicInteger(), 0);
    server.stop(0);
    server = null;
    Tool.Result result = Tool.require("bash").run(Chart.DIR, SCRIPT.toString(), "127.0.0.1", String.valueOf(port), "1");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).contains("attempt 1: no answer");
  }
}
