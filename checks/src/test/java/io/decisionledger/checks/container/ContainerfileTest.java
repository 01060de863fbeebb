package io.decisionledger.checks.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.checks.Tool;
import io.decisionledger.checks.k8s.PolicyTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** liberty/Containerfile: hadolint, checkov, and the official Open Liberty image conventions. */
class ContainerfileTest {

  static final Path CONTAINERFILE = Tool.REPO.resolve("liberty/Containerfile");

  static List<String> instructions() throws IOException {
    // Instruction lines (continuations joined), without comments.
    String text = Files.readString(CONTAINERFILE, StandardCharsets.UTF_8).replaceAll("\\\\\\n\\s*", " ");
    return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  @Test
  void hadolintFindsNothing() {
    Tool hadolint = Tool.require("hadolint");
    Tool.Result result = hadolint.run(CONTAINERFILE.getParent(), "--failure-threshold", "style", "--no-color", "Containerfile");
    result.assertSuccess();
    assertThat(result.output()).as("hadolint findings").isBlank();
  }

  @Test
  void checkovFailsNoCheck() throws IOException {
    Tool checkov = Tool.require("checkov");
    // checkov finds Dockerfiles by name only (Dockerfile, *.dockerfile): scan a copy under that name.
    Path dir = Files.createTempDirectory("containerfile-");
    Files.copy(CONTAINERFILE, dir.resolve("Dockerfile"));
    PolicyTools.CheckovReport report = PolicyTools.checkov(checkov, dir, "dockerfile", null);
    assertThat(report.failures()).as("checkov failed checks").isEmpty();
    assertThat(report.passed()).isGreaterThan(30);
    // Skips are inline `# checkov:skip=ID:reason` comments in the Containerfile; each needs a reason.
    assertThat(report.skips()).allSatisfy(skip -> assertThat(skip.substring(skip.indexOf(": ") + 2)).hasSizeGreaterThan(40));
    assertThat(report.skips()).extracting(s -> s.substring(0, s.indexOf(' '))).containsExactlyInAnyOrder("CKV_DOCKER_2", "CKV_DOCKER_7");
  }

  @Test
  void baseImageIsAPinnedKernelSlimJava21BuildArgumentWithoutRegistryHost() throws IOException {
    List<String> lines = instructions();
    Matcher base = Pattern.compile("^ARG BASE_IMAGE=(\\S+)$").matcher(lines.get(0));
    assertThat(base.matches()).as("first instruction: ARG BASE_IMAGE=...").isTrue();
    String image = base.group(1);
    assertThat(image).startsWith("open-liberty:").contains("kernel-slim").contains("java21").doesNotEndWith(":latest");
    assertThat(image.substring(0, image.indexOf(':'))).as("no registry host").doesNotContain(".").doesNotContain("/");
    assertThat(image).matches("open-liberty:\\d+\\.\\d+\\.\\d+\\.\\d+-.*");
    assertThat(lines.get(1)).isEqualTo("FROM ${BASE_IMAGE}");
  }

  @Test
  void followsTheOfficialImageConventionsInCacheFriendlyOrder() throws IOException {
    List<String> lines = instructions();
    int config = indexOf(lines, "COPY --chown=1001:0 src/main/liberty/config/ /config/");
    int driver = indexOf(lines, "COPY --chown=1001:0 target/image/jdbc/postgresql.jar /opt/ol/wlp/usr/shared/resources/jdbc/postgresql.jar");
    int features = indexOf(lines, "RUN features.sh");
    int app = indexOf(lines, "COPY --chown=1001:0 target/image/decision-ledger.ear /config/apps/decision-ledger.ear");
    int configure = indexOf(lines, "RUN configure.sh");
    assertThat(List.of(config, driver, features, app, configure)).isSorted();
    assertThat(lines).filteredOn(l -> l.startsWith("COPY") || l.startsWith("ADD")).allMatch(l -> l.startsWith("COPY --chown=1001:0 "));
    assertThat(lines).filteredOn(l -> l.startsWith("USER")).containsOnly("USER 1001");
    assertThat(lines).noneMatch(l -> l.startsWith("ENV") && l.matches("(?i).*(password|secret|dl_db_url).*"));
    // OCI labels from build arguments, after the heavy layers so a new revision keeps the cache.
    String label = lines.stream().filter(l -> l.startsWith("LABEL")).findFirst().orElseThrow();
    assertThat(label).contains("org.opencontainers.image.source=\"${SOURCE}\"",
        "org.opencontainers.image.revision=\"${REVISION}\"", "org.opencontainers.image.version=\"${VERSION}\"");
    assertThat(lines.indexOf(label)).isGreaterThan(configure);
  }

  @Test
  void buildContextSendsOnlyWhatTheContainerfileCopies() throws IOException {
    List<String> ignore = Files.readAllLines(Tool.REPO.resolve("liberty/.dockerignore")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertThat(ignore).containsExactly("*", "!src/main/liberty/config/", "!target/image/decision-ledger.ear",
        "!target/image/jdbc/postgresql.jar");
  }

  private static int indexOf(List<String> lines, String instruction) {
    int i = lines.indexOf(instruction);
    assertThat(i).as("instruction %s", instruction).isNotNegative();
    return i;
  }
}
