package io.decisionledger.checks.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.decisionledger.checks.Tool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the policy and schema tools (kubernetes-validate, checkov) over manifests. */
public final class PolicyTools {

  /** The current Kubernetes version the manifests are validated against. */
  public static final String KUBERNETES_CURRENT = "1.37.0";
  /** The oldest version the chart supports (Chart.yaml kubeVersion). */
  public static final String KUBERNETES_OLDEST = "1.30.0";

  private static final ObjectMapper JSON = new ObjectMapper();

  private PolicyTools() {}

  /**
   * Validates every YAML file of a directory with kubernetes-validate in strict mode (unknown fields
   * are errors) against the packaged JSON schemas of one Kubernetes version. Returns the
   * apiVersion/kind of the objects it had no schema for (custom resources), which the caller must
   * account for.
   */
  public static List<String> validate(Tool kubernetesValidate, Path dir, String version) {
    List<String> args = new ArrayList<>(List.of("--strict", "-k", version));
    try (var files = Files.list(dir)) {
      files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().forEach(args::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(args).as("files to validate in %s", dir).hasSizeGreaterThan(3);
    Tool.Result result = kubernetesValidate.run(dir, args.toArray(String[]::new));
    assertThat(result.output()).as(result.output()).doesNotContain("ERROR");
    result.assertSuccess();
    List<String> unvalidated = new ArrayList<>();
    Matcher m =
        Pattern.compile("Couldn't find schema for kind (\\S+) with api version (\\S+)")
            .matcher(result.output());
    while (m.find()) {
      unvalidated.add(m.group(2) + "/" + m.group(1));
    }
    return unvalidated;
  }

  /** Writes objects one per file into a fresh directory (checkov and kubernetes-validate read files). */
  public static Path writeObjects(String prefix, List<Map<String, Object>> objects) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      int i = 0;
      for (Map<String, Object> object : objects) {
        String name = String.format("%03d-%s-%s.yaml", i++, Manifests.kind(object), Manifests.name(object))
            .toLowerCase().replaceAll("[^a-z0-9.-]", "-");
        Files.writeString(dir.resolve(name), Manifests.toYaml(List.of(object)), StandardCharsets.UTF_8);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** checkov's verdict on a directory. */
  public record CheckovReport(int passed, int failed, int skipped, List<String> failures, List<String> skips) {}

  /**
   * Runs checkov offline (no platform calls) on a directory with one framework and a config file,
   * and returns its JSON summary.
   */
  public static CheckovReport checkov(Tool checkov, Path dir, String framework, Path configFile) {
    List<String> command = new ArrayList<>(List.of(
        checkov.executable().toString(), "--directory", dir.toString(), "--framework", framework,
        "--output", "json", "--skip-download"));
    if (configFile != null) {
      command.add("--config-file");
      command.add(configFile.toString());
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    // No calls to the checkov platform (there is no network here, nor in CI).
    builder.environment().put("BC_SKIP_MAPPING", "TRUE");
    builder.environment().put("CHECKOV_RUN_SCA_PACKAGE_SCAN_V2", "false");
    builder.environment().put("LOG_LEVEL", "ERROR");
    try {
      Path out = Files.createTempFile("checkov-", ".json");
      Path err = Files.createTempFile("checkov-", ".err");
      builder.redirectOutput(out.toFile());
      builder.redirectError(err.toFile());
      Process process = builder.start();
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("checkov did not finish within 10 minutes");
      }
      String json = Files.readString(out, StandardCharsets.UTF_8);
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      JsonNode root;
      try {
        root = JSON.readTree(json);
      } catch (IOException e) {
        throw new AssertionError("checkov printed no JSON (exit " + process.exitValue() + "):\n" + json + stderr, e);
      }
      if (root == null || root.isMissingNode()) {
        throw new AssertionError("checkov printed nothing (exit " + process.exitValue() + "):\n" + stderr);
      }
      List<JsonNode> reports = new ArrayList<>();
      if (root.isArray()) {
        root.forEach(reports::add);
      } else {
        reports.add(root);
      }
      int passed = 0;
      int failed = 0;
      int skipped = 0;
      List<String> failures = new ArrayList<>();
      List<String> skips = new ArrayList<>();
      for (JsonNode report : reports) {
        JsonNode summary = report.path("summary");
        passed += summary.path("passed").asInt();
        failed += summary.path("failed").asInt();
        skipped += summary.path("skipped").asInt();
        for (JsonNode check : report.path("results").path("failed_checks")) {
          failures.add(check.path("check_id").asText() + " " + check.path("check_name").asText()
              + " — " + check.path("resource").asText() + " in " + check.path("file_path").asText());
        }
        for (JsonNode check : report.path("results").path("skipped_checks")) {
          skips.add(check.path("check_id").asText() + " " + check.path("resource").asText()
              + ": " + check.path("check_result").path("suppress_comment").asText());
        }
      }
      if (passed == 0 && failed == 0) {
        throw new AssertionError("checkov ran no check on " + dir + ":\n" + json + stderr);
      }
      return new CheckovReport(passed, failed, skipped, failures, skips);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * Reads the skip-check list of a checkov config file and asserts that every skipped check carries
   * a reason in a comment on its line.
   */
  public static List<String> assertSkipsHaveReasons(Path configFile) {
    try {
      List<String> ids = new ArrayList<>();
      boolean inSkips = false;
      for (String line : Files.readAllLines(configFile, StandardCharsets.UTF_8)) {
        if (line.startsWith("skip-check:")) {
          inSkips = true;
          continue;
        }
        if (inSkips && !line.isBlank() && !line.startsWith(" ") && !line.startsWith("#")) {
          inSkips = false;
        }
        Matcher m = Pattern.compile("^\\s+-\\s+(CKV2?_[A-Z0-9_]+)\\s*(#\\s*(.*))?$").matcher(line);
        if (inSkips && m.matches()) {
          assertThat(m.group(3)).as("%s: skip of %s needs a reason in a comment", configFile, m.group(1))
              .isNotBlank().hasSizeGreaterThan(20);
          ids.add(m.group(1));
        }
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
