package io.decisionledger.checks.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.checks.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** actionlint on every workflow and checkov on .github/ (both installed by .ci/run). */
class GithubActionsToolsTest {

  static final Path GITHUB = Tool.REPO.resolve(".github");

  static List<Path> workflows() throws IOException {
    try (Stream<Path> files = Files.list(GITHUB.resolve("workflows"))) {
      return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void actionlintAcceptsEveryWorkflow() throws IOException {
    Tool actionlint = Tool.require("actionlint");
    List<String> args = new ArrayList<>(List.of("-no-color"));
    List<Path> workflows = workflows();
    assertThat(workflows).extracting(p -> p.getFileName().toString())
        .contains("ci.yml", "image.yml", "deploy.yml", "terraform.yml");
    workflows.forEach(w -> args.add(Tool.REPO.relativize(w).toString()));
    actionlint.run(Tool.REPO, args.toArray(String[]::new)).assertSuccess();
  }

  @Test
  void checkovFindsNoFailedCheck() {
    Tool checkov = Tool.require("checkov");
    Tool.Result result =
        checkov.run(GITHUB, "--directory", ".", "--config-file", ".checkov.yaml").assertSuccess();
    assertThat(result.output()).contains("Failed checks: 0");
  }

  @Test
  void everyCheckovSkipHasAReason() throws IOException {
    io.decisionledger.checks.terraform.SkipReasons.assertSkipsHaveReasons(GITHUB.resolve(".checkov.yaml"));
  }
}
