package io.decisionledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The MLflow tracking server from PyPI (installed by .ci/tools/mlflow.sh), its backend store a
 * database {@code mlflow} in the benchmark's PostgreSQL, with its default number of workers.
 */
public final class MlflowServer {

  private final Path executable;
  private final Process process;
  private final int port;

  private MlflowServer(Path executable, Process process, int port) {
    this.executable = executable;
    this.process = process;
    this.port = port;
  }

  /** The mlflow command: -Dbench.mlflow, the CI tools' bin folder, or the PATH. */
  static Optional<Path> locate() {
    String configured = System.getProperty("bench.mlflow");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    Path tools = Path.of(System.getProperty("user.home"), ".decision-ledger/tools/bin/mlflow");
    if (Files.isExecutable(tools)) {
      return Optional.of(tools);
    }
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .filter(s -> !s.isEmpty())
        .map(dir -> Path.of(dir, "mlflow"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  static MlflowServer start(Path executable, String backendUri, Path workDir, Path logDir,
      int port) throws IOException, InterruptedException {
    Files.createDirectories(workDir.resolve("artifacts"));
    Files.createDirectories(logDir);
    ProcessBuilder builder =
        new ProcessBuilder(executable.toString(), "server",
            "--backend-store-uri", backendUri,
            "--default-artifact-root", workDir.resolve("artifacts").toUri().toString(),
            "--host", "127.0.0.1", "--port", Integer.toString(port))
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(logDir.resolve("mlflow.log").toFile());
    builder.environment().put("MLFLOW_TRACKING_URI", backendUri);
    Process process = builder.start();
    MlflowServer server = new MlflowServer(executable, process, port);
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("mlflow server exited with " + process.exitValue() + "; see "
            + logDir.resolve("mlflow.log"));
      }
      try {
        HttpResponse<Void> r = client.send(
            HttpRequest.newBuilder(URI.create(server.base() + "/health"))
                .timeout(Duration.ofSeconds(2)).GET().build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return server;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    server.stop();
    throw new IOException("mlflow server not ready within 240 s");
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  String version() {
    try {
      Process p = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true)
          .start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor(60, TimeUnit.SECONDS);
      List<String> lines = out.lines().toList();
      return lines.isEmpty() ? "?" : lines.get(lines.size() - 1).replace("mlflow, version ", "");
    } catch (IOException | InterruptedException e) {
      return "?";
    }
  }

  void stop() throws InterruptedException {
    if (process.isAlive()) {
      List<ProcessHandle> children;
      try (Stream<ProcessHandle> d = process.toHandle().descendants()) {
        children = d.toList();
      }
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      for (ProcessHandle child : children) {
        child.destroy();
      }
      for (ProcessHandle child : children) {
        try {
          child.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          child.destroyForcibly();
        }
      }
    }
  }
}
