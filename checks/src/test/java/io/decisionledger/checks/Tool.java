package io.decisionledger.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * An external command-line tool that a check drives.
 *
 * <p>In CI ({@code CI=true}) a missing tool fails the check: {@code .ci/run} installs every tool,
 * so a missing one is a broken install, not a reason to skip. Outside CI a missing tool skips the
 * check with the reason, so a developer without it still gets the rest of the build.
 */
public final class Tool {

  /** The repository root, passed by the build. */
  public static final Path REPO =
      Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

  private static final List<Path> EXTRA_DIRS =
      List.of(
          Path.of(System.getProperty("user.home"), ".local", "bin"),
          Path.of(System.getProperty("user.home"), "go", "bin"),
          Path.of(System.getProperty("user.home"), ".decision-ledger", "tools", "bin"),
          Path.of("/usr/local/bin"),
          Path.of("/usr/bin"));

  private final String name;
  private final Path executable;

  private Tool(String name, Path executable) {
    this.name = name;
    this.executable = executable;
  }

  /** Finds the tool, failing in CI and skipping elsewhere when it is missing. */
  public static Tool require(String name) {
    Optional<Path> found = find(name);
    if (found.isEmpty()) {
      String message = name + " is not installed (.ci/run installs it)";
      if (isCi()) {
        throw new AssertionError(message + "; CI must not skip this check");
      }
      Assumptions.abort(message);
    }
    return new Tool(name, found.get());
  }

  public static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  static Optional<Path> find(String name) {
    List<Path> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        if (!dir.isBlank()) {
          dirs.add(Path.of(dir));
        }
      }
    }
    dirs.addAll(EXTRA_DIRS);
    return dirs.stream()
        .map(dir -> dir.resolve(name))
        .filter(Files::isRegularFile)
        .filter(Files::isExecutable)
        .findFirst();
  }

  public Path executable() {
    return executable;
  }

  /** Runs the tool in {@code workDir} and returns its exit code and combined output. */
  public Result run(Path workDir, String... args) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.redirectErrorStream(true);
    try {
      Path log = Files.createTempFile(name + "-", ".log");
      builder.redirectOutput(log.toFile());
      Process process = builder.start();
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(name + " did not finish within 10 minutes");
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Files.deleteIfExists(log);
      return new Result(String.join(" ", command), process.exitValue(), output);
    } catch (IOException e) {
      throw new AssertionError("could not run " + name + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + name, e);
    }
  }

  /** What one run of a tool returned. */
  public record Result(String command, int exitCode, String output) {

    /** Asserts a zero exit code, showing the tool's output when it is not. */
    public Result assertSuccess() {
      assertThat(exitCode)
          .as("%s exited %d:%n%s", command, exitCode, output)
          .isZero();
      return this;
    }
  }
}
