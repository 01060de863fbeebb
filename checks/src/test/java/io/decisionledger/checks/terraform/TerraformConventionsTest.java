package io.decisionledger.checks.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The module conventions of docs (Azure Verified Modules style) and "same code" environments. */
class TerraformConventionsTest {

  static Stream<String> modules() {
    return Stream.of("network", "registry", "keyvault", "aks", "postgres", "monitoring", "identity");
  }

  @ParameterizedTest
  @MethodSource("modules")
  void moduleHasTheStandardFilesAndAReadmeListingInputsAndOutputs(String module) throws IOException {
    Path dir = TerraformModel.TERRAFORM.resolve("modules").resolve(module);
    for (String file : List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf", "README.md")) {
      assertThat(dir.resolve(file)).as("modules/%s/%s", module, file).isRegularFile();
    }
    TerraformModel model = TerraformModel.load("modules/" + module);
    String readme = Files.readString(dir.resolve("README.md"));
    model
        .section("variable")
        .fields()
        .forEachRemaining(
            v -> {
              assertThat(v.getValue().has("type")).as("variable %s of %s is typed", v.getKey(), module).isTrue();
              assertThat(v.getValue().path("description").asText())
                  .as("variable %s of %s is described", v.getKey(), module)
                  .isNotBlank();
              assertThat(readme).as("README of %s lists input %s", module, v.getKey()).contains("`" + v.getKey() + "`");
            });
    assertThat(model.section("output").has("resource_id")).as("%s outputs resource_id", module).isTrue();
    assertThat(model.section("output").has("name")).as("%s outputs name", module).isTrue();
    model
        .section("output")
        .fields()
        .forEachRemaining(
            o -> {
              assertThat(o.getValue().path("description").asText()).as("output %s described", o.getKey()).isNotBlank();
              assertThat(readme).as("README of %s lists output %s", module, o.getKey()).contains("`" + o.getKey() + "`");
            });
    assertPinnedAzurerm(model);
  }

  @Test
  void validationsGiveSpecificMessages() {
    Stream.concat(modules().map(m -> "modules/" + m), Stream.of("envs/prod", "bootstrap"))
        .map(TerraformModel::load)
        .forEach(
            model ->
                model
                    .section("variable")
                    .fields()
                    .forEachRemaining(
                        v ->
                            v.getValue()
                                .path("validation")
                                .forEach(
                                    rule ->
                                        assertThat(rule.path("error_message").asText())
                                            .as("error message of %s in %s", v.getKey(), model.directory())
                                            .contains(v.getKey().split("_")[0])
                                            .hasSizeGreaterThan(20))));
  }

  @Test
  void environmentsShareTheSameCode() throws IOException {
    Path dev = TerraformModel.TERRAFORM.resolve("envs/dev");
    Path prod = TerraformModel.TERRAFORM.resolve("envs/prod");
    for (String file : List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf")) {
      assertThat(Files.readString(prod.resolve(file)))
          .as("envs/prod/%s is the same as envs/dev/%s (only backend.tf and terraform.tfvars differ)", file, file)
          .isEqualTo(Files.readString(dev.resolve(file)));
    }
    assertThat(TerraformAuditSettingsTest.tfvars("dev")).containsEntry("environment", "\"dev\"");
    assertThat(TerraformAuditSettingsTest.tfvars("prod")).containsEntry("environment", "\"prod\"");
  }

  @Test
  void rootConfigurationsPinTheProvider() {
    for (String dir : List.of("bootstrap", "envs/dev", "envs/prod")) {
      assertPinnedAzurerm(TerraformModel.load(dir));
    }
  }

  private static void assertPinnedAzurerm(TerraformModel model) {
    JsonNode terraform = model.section("terraform");
    assertThat(terraform.size()).as("terraform block in %s", model.directory()).isPositive();
    String providers = terraform.toString();
    assertThat(providers).as("required_version in %s", model.directory()).contains("required_version");
    assertThat(providers)
        .as("azurerm pinned to 4.x with ~> in %s", model.directory())
        .containsPattern("\"source\":\\s*\"hashicorp/azurerm\",\\s*\"version\":\\s*\"~> 4\\.[0-9]+\"");
  }
}
