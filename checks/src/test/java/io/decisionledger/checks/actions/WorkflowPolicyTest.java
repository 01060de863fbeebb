package io.decisionledger.checks.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.decisionledger.checks.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pipeline rules of docs/azure.md: actions pinned to commit SHAs, least-privilege permissions,
 * id-token only where OIDC is used, concurrency groups, prod behind an environment, no Azure
 * secrets and no hard-coded registry host names.
 */
class WorkflowPolicyTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern USES = Pattern.compile("^\\s*-?\\s*uses:\\s*(\\S+)(.*)$", Pattern.MULTILINE);
  private static final Pattern PINNED = Pattern.compile("^[\\w.-]+/[\\w./-]+@[0-9a-f]{40}$");
  private static final Pattern VERSION_COMMENT = Pattern.compile("^\\s*#\\s*v?\\d+(\\.\\d+)*\\b.*");

  private static List<Path> yamlFiles() throws IOException {
    try (Stream<Path> files = Files.walk(GithubActionsToolsTest.GITHUB)) {
      return files
          .filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
          .filter(f -> !f.getFileName().toString().equals(".checkov.yaml"))
          .sorted()
          .toList();
    }
  }

  private static JsonNode read(Path file) throws IOException {
    return YAML.readTree(file.toFile());
  }

  @Test
  void everyActionIsPinnedToACommitShaWithItsVersionInAComment() throws IOException {
    int count = 0;
    for (Path file : yamlFiles()) {
      Matcher m = USES.matcher(Files.readString(file));
      while (m.find()) {
        String ref = m.group(1);
        if (ref.startsWith("./")) {
          continue; // a local action of this repository
        }
        count++;
        assertThat(ref).as("%s: %s is pinned to a full commit SHA", file, ref).matches(PINNED);
        assertThat(m.group(2)).as("%s: %s carries its version in a comment", file, ref).matches(VERSION_COMMENT);
      }
    }
    assertThat(count).as("pinned actions found").isGreaterThan(10);
  }

  @Test
  void permissionsAreDeclaredAndIdTokenOnlyWhereOidcIsUsed() throws IOException {
    for (Path file : GithubActionsToolsTest.workflows()) {
      JsonNode workflow = read(file);
      JsonNode top = workflow.path("permissions");
      assertThat(top.isObject()).as("%s declares top-level permissions", file).isTrue();
      assertThat(top.toString()).as("%s top-level permissions are read-only", file).doesNotContain("write");

      for (Map.Entry<String, JsonNode> job : iterable(workflow.path("jobs"))) {
        JsonNode permissions = job.getValue().path("permissions");
        assertThat(permissions.isObject())
            .as("%s job %s declares its permissions", file, job.getKey())
            .isTrue();
        String jobText = YAML.writeValueAsString(job.getValue());
        boolean usesOidc =
            jobText.contains("azure/login@") || jobText.contains("ARM_USE_OIDC") || usesOidcAtWorkflowLevel(workflow, jobText);
        boolean idToken = "write".equals(permissions.path("id-token").asText());
        assertThat(idToken)
            .as("%s job %s: id-token: write exactly when it authenticates with OIDC", file, job.getKey())
            .isEqualTo(usesOidc);
        permissions
            .fields()
            .forEachRemaining(
                p ->
                    assertThat(p.getValue().asText())
                        .as("%s job %s permission %s", file, job.getKey(), p.getKey())
                        .isIn("read", "write", "none"));
        assertThat(permissions.path("contents").asText()).as("%s job %s contents", file, job.getKey()).isNotEqualTo("write");
      }
    }
  }

  /** terraform.yml sets ARM_USE_OIDC once for all jobs; a job uses it when it talks to Azure. */
  private static boolean usesOidcAtWorkflowLevel(JsonNode workflow, String jobText) {
    return workflow.path("env").path("ARM_USE_OIDC").asText().equals("true") && jobText.contains("ARM_CLIENT_ID");
  }

  @Test
  void everyWorkflowHasAConcurrencyGroup() throws IOException {
    for (Path file : GithubActionsToolsTest.workflows()) {
      assertThat(read(file).path("concurrency").path("group").asText())
          .as("%s concurrency group", file)
          .isNotBlank();
    }
  }

  @Test
  void noSecretsForAzureAndNoHardCodedRegistryHosts() throws IOException {
    for (Path file : yamlFiles()) {
      String text = Files.readString(file);
      // Expressions only: the chart's values (secrets.azureKeyVault.vaultName) are not GitHub secrets.
      assertThat(text).as("%s uses no repository secrets (OIDC + variables only)", file)
          .doesNotContainPattern("\\$\\{\\{[^}]*secrets\\.(?!GITHUB_TOKEN)\\w");
      assertThat(text).as("%s has no client secret", file).doesNotContainIgnoringCase("client-secret").doesNotContain("creds:");
      assertThat(text).as("%s derives the registry host from az", file).doesNotContain(".azurecr.").doesNotContain("docker.io");
    }
  }

  @Test
  void prodJobsRunInTheProtectedProdEnvironmentAfterDev() throws IOException {
    for (String name : List.of("deploy.yml", "terraform.yml")) {
      JsonNode jobs = read(GithubActionsToolsTest.GITHUB.resolve("workflows").resolve(name)).path("jobs");
      List<String> prodJobs = new ArrayList<>();
      for (Map.Entry<String, JsonNode> job : iterable(jobs)) {
        JsonNode env = job.getValue().path("environment");
        String envName = env.isObject() ? env.path("name").asText() : env.asText();
        if (envName.equals("prod")) {
          prodJobs.add(job.getKey());
          assertThat(job.getValue().path("needs").toString())
              .as("%s: prod job %s waits for dev", name, job.getKey())
              .contains("dev");
        }
      }
      assertThat(prodJobs).as("%s has a job in environment prod", name).hasSize(1);
    }
  }

  @Test
  void ciRunsTheReadmeTestCommandAndPublishesReportsAndSbom() throws IOException {
    String ci = Files.readString(GithubActionsToolsTest.GITHUB.resolve("workflows/ci.yml"));
    assertThat(ci).contains("run: bash .ci/run", "cyclonedx-maven-plugin", "surefire-reports", "~/.m2/repository");
    JsonNode on = read(GithubActionsToolsTest.GITHUB.resolve("workflows/ci.yml")).path("on");
    assertThat(on.has("pull_request") && on.has("push")).isTrue();
  }

  @Test
  void imageIsBuiltFromTheContainerfileScannedThenPushed() throws IOException {
    String image = Files.readString(GithubActionsToolsTest.GITHUB.resolve("workflows/image.yml"));
    assertThat(image).contains("--file liberty/Containerfile", "liberty/", "severity: HIGH,CRITICAL", "exit-code: \"1\"");
    assertThat(image.indexOf("aquasecurity/trivy-action@")).as("scan before push").isLessThan(image.indexOf("docker push"));
  }

  @Test
  void deployIsAtomicAndSmokeTested() throws IOException {
    String action = Files.readString(GithubActionsToolsTest.GITHUB.resolve("actions/helm-deploy/action.yml"));
    assertThat(action)
        .contains("helm upgrade --install decision-ledger helm/decision-ledger", "--namespace decision-ledger", "--atomic", "--wait")
        .contains("/health/ready", ":9080");
  }

  @Test
  void terraformWorkflowPlansOnPullRequestsAndAppliesTheSavedPlan() throws IOException {
    String tf = Files.readString(GithubActionsToolsTest.GITHUB.resolve("workflows/terraform.yml"));
    assertThat(tf).contains("terraform fmt -check", "terraform validate", "tflint", "checkov", "createComment", "terraform apply -input=false tfplan");
  }

  @Test
  void dependabotCoversMavenActionsDockerAndTerraform() throws IOException {
    JsonNode dependabot = read(GithubActionsToolsTest.GITHUB.resolve("dependabot.yml"));
    List<String> ecosystems = new ArrayList<>();
    dependabot.path("updates").forEach(u -> ecosystems.add(u.path("package-ecosystem").asText()));
    assertThat(ecosystems).containsExactlyInAnyOrder("maven", "github-actions", "docker", "terraform");
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }
}
