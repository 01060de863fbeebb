package io.decisionledger.checks.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.decisionledger.checks.Tool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The parsed Terraform configuration of one directory, as JSON.
 *
 * <p>Parsing uses the HCL2 parser checkov ships with (module {@code hcl2}), run with checkov's own
 * interpreter through {@code src/test/resources/terraform/hcl_to_json.py}; so it needs checkov,
 * which {@code .ci/tools/python.sh} installs.
 */
final class TerraformModel {

  static final Path TERRAFORM = Tool.REPO.resolve("terraform");
  private static final Path SCRIPT =
      Tool.REPO.resolve("checks/src/test/resources/terraform/hcl_to_json.py");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String directory;
  private final JsonNode root;

  private TerraformModel(String directory, JsonNode root) {
    this.directory = directory;
    this.root = root;
  }

  private static final java.util.Map<String, TerraformModel> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Parses every {@code *.tf} file of {@code terraform/<relativeDir>} (once per test run). */
  static TerraformModel load(String relativeDir) {
    TerraformModel cached = CACHE.get(relativeDir);
    if (cached == null) {
      cached = parse(relativeDir);
      CACHE.put(relativeDir, cached);
    }
    return cached;
  }

  private static TerraformModel parse(String relativeDir) {
    Path python = checkovPython();
    ProcessBuilder builder =
        new ProcessBuilder(
                python.toString(), SCRIPT.toString(), TERRAFORM.resolve(relativeDir).toString())
            .directory(TERRAFORM.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    try {
      Process process = builder.start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("hcl_to_json.py did not finish for " + relativeDir);
      }
      assertThat(process.exitValue()).as("hcl_to_json.py exit code for %s", relativeDir).isZero();
      return new TerraformModel(relativeDir, JSON.readTree(out));
    } catch (IOException e) {
      throw new UncheckedIOException("could not parse terraform/" + relativeDir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** checkov's virtualenv interpreter, found next to the checkov command it links to. */
  private static Path checkovPython() {
    Path checkov = Tool.require("checkov").executable();
    try {
      Path python = checkov.toRealPath().getParent().resolve("python");
      assertThat(python).as("checkov's python next to %s", checkov).isExecutable();
      return python;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String directory() {
    return directory;
  }

  /** The body of resource {@code type.name}; fails when it does not exist. */
  JsonNode resource(String typeAndName) {
    return require("resource", typeAndName);
  }

  JsonNode module(String name) {
    return require("module", name);
  }

  JsonNode variable(String name) {
    return require("variable", name);
  }

  JsonNode section(String kind) {
    return root.path(kind);
  }

  /** The first (or only) nested block {@code name} of {@code body}. */
  static JsonNode block(JsonNode body, String name) {
    JsonNode blocks = body.path(name);
    assertThat(blocks.isArray() && blocks.size() > 0)
        .as("block %s present in %s", name, body)
        .isTrue();
    return blocks.get(0);
  }

  private JsonNode require(String kind, String name) {
    JsonNode node = root.path(kind).path(name);
    assertThat(node.isMissingNode())
        .as("%s %s in terraform/%s", kind, name, directory)
        .isFalse();
    return node;
  }
}
