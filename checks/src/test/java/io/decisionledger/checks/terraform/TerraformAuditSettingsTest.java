package io.decisionledger.checks.terraform;

import static io.decisionledger.checks.terraform.TerraformModel.block;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.decisionledger.checks.helm.Chart;
import io.decisionledger.checks.k8s.Manifests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The settings auditors look for (issue 7), read from the HCL itself, so that turning one off
 * fails the build even when checkov has no rule for it or the rule is skipped.
 */
class TerraformAuditSettingsTest {

  // ---- Key Vault -------------------------------------------------------------------------------

  @Test
  void keyVaultUsesRbacPurgeProtectionAndNinetyDaysSoftDelete() {
    TerraformModel kv = TerraformModel.load("modules/keyvault");
    JsonNode vault = kv.resource("azurerm_key_vault.this");
    assertThat(vault.path("rbac_authorization_enabled").asBoolean(false))
        .as("Key Vault authorises with Azure RBAC, not access policies")
        .isTrue();
    assertThat(vault.has("access_policy")).as("no access policies").isFalse();
    assertThat(vault.path("purge_protection_enabled").asBoolean(false))
        .as("purge protection")
        .isTrue();
    assertThat(vault.path("soft_delete_retention_days").asText())
        .isEqualTo("${var.soft_delete_retention_days}");
    JsonNode retention = kv.variable("soft_delete_retention_days");
    assertThat(retention.path("default").asInt()).as("soft delete retention default").isEqualTo(90);
    assertThat(block(retention, "validation").path("condition").asText())
        .as("soft delete retention can only be 90")
        .contains("== 90");
  }

  @Test
  void keyVaultNetworkIsDeniedByDefaultAndPublicAccessOffUnlessListed() {
    TerraformModel kv = TerraformModel.load("modules/keyvault");
    JsonNode vault = kv.resource("azurerm_key_vault.this");
    JsonNode acls = block(vault, "network_acls");
    assertThat(acls.path("default_action").asText()).isEqualTo("Deny");
    assertThat(vault.path("public_network_access_enabled").asText())
        .isEqualTo("${var.public_network_access_enabled}");
    assertThat(kv.variable("public_network_access_enabled").path("default").asBoolean(true))
        .as("public network access is off by default")
        .isFalse();
    for (String env : List.of("envs/dev", "envs/prod")) {
      JsonNode call = TerraformModel.load(env).module("keyvault");
      assertThat(call.path("public_network_access_enabled").asText())
          .as("%s enables the public endpoint only when networks are listed", env)
          .isEqualTo("${length(var.key_vault_allowed_ip_ranges) > 0}");
    }
  }

  @Test
  void keyVaultSendsAuditEventToLogAnalytics() {
    TerraformModel kv = TerraformModel.load("modules/keyvault");
    JsonNode diag = kv.resource("azurerm_monitor_diagnostic_setting.audit");
    assertThat(diag.path("target_resource_id").asText()).isEqualTo("${azurerm_key_vault.this.id}");
    assertThat(diag.path("log_analytics_workspace_id").asText())
        .isEqualTo("${var.log_analytics_workspace_id}");
    assertThat(categories(diag)).contains("AuditEvent");
    for (String env : List.of("envs/dev", "envs/prod")) {
      assertThat(
              TerraformModel.load(env).module("keyvault").path("log_analytics_workspace_id").asText())
          .isEqualTo("${module.monitoring.resource_id}");
    }
  }

  @Test
  void keyVaultRolesAreScopedToTheVaultWithTheRightRoleNames() {
    TerraformModel kv = TerraformModel.load("modules/keyvault");
    Map<String, String> expected =
        Map.of(
            "azurerm_role_assignment.secrets_user", "Key Vault Secrets User",
            "azurerm_role_assignment.reader", "Key Vault Reader",
            "azurerm_role_assignment.secrets_officer", "Key Vault Secrets Officer");
    expected.forEach(
        (resource, role) -> {
          JsonNode assignment = kv.resource(resource);
          assertThat(assignment.path("role_definition_name").asText()).isEqualTo(role);
          assertThat(assignment.path("scope").asText())
              .as("%s is scoped to the vault only", resource)
              .isEqualTo("${azurerm_key_vault.this.id}");
        });
    // No other role assignment hides in the module.
    assertThat(names(kv.section("resource"), "azurerm_role_assignment."))
        .containsExactlyInAnyOrderElementsOf(expected.keySet());

    for (String env : List.of("envs/dev", "envs/prod")) {
      JsonNode call = TerraformModel.load(env).module("keyvault");
      assertThat(call.path("secrets_user_principal_ids").asText())
          .as("%s: the application identity is a Key Vault Secrets User", env)
          .contains("'application': '${module.app_identity.principal_id}'");
      assertThat(call.path("reader_principal_ids").asText())
          .as("%s: auditors get Key Vault Reader", env)
          .isEqualTo("${var.auditor_principal_ids}");
    }
  }

  @Test
  void databaseSecretsHaveContentTypeExpiryAndAuditTags() {
    TerraformModel pg = TerraformModel.load("modules/postgres");
    List<JsonNode> secrets = new ArrayList<>();
    pg.section("resource")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().startsWith("azurerm_key_vault_secret.")) {
                secrets.add(e.getValue());
              }
            });
    assertThat(secrets).as("Key Vault secrets written by the postgres module").hasSize(2);
    for (JsonNode secret : secrets) {
      assertThat(secret.path("content_type").asText()).as("content_type of %s", secret).isNotBlank();
      assertThat(secret.path("expiration_date").asText())
          .as("expiration_date of %s", secret)
          .isEqualTo("${time_rotating.password.rotation_rfc3339}");
      assertThat(secret.path("tags").asText()).isNotBlank();
    }
    String tags = pg.section("locals").path("secret_tags").toString();
    assertThat(tags).contains("owner", "data-classification", "rotation");
    JsonNode password = pg.resource("azurerm_key_vault_secret.password");
    assertThat(password.path("name").asText()).isEqualTo("dl-db-password");
    assertThat(password.path("tags").asText()).isEqualTo("${local.secret_tags}");
    JsonNode connection = pg.section("locals").path("connection_secrets");
    if (connection.isArray()) {
      connection = connection.get(0);
    }
    assertThat(connection.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("dl-db-url", "dl-db-user");
  }

  @Test
  void databasePasswordIsGeneratedAndNeverAnOutput() {
    TerraformModel pg = TerraformModel.load("modules/postgres");
    pg.resource("random_password.administrator");
    assertThat(pg.resource("azurerm_postgresql_flexible_server.this").path("administrator_password").asText())
        .isEqualTo("${random_password.administrator.result}");
    assertThat(pg.resource("azurerm_key_vault_secret.password").path("value").asText())
        .isEqualTo("${random_password.administrator.result}");
    for (String dir :
        List.of("modules/postgres", "modules/keyvault", "envs/dev", "envs/prod", "bootstrap")) {
      TerraformModel model = TerraformModel.load(dir);
      model
          .section("output")
          .fields()
          .forEachRemaining(
              out -> {
                String value = out.getValue().path("value").toString();
                assertThat(value)
                    .as("output %s of %s must not expose a password", out.getKey(), dir)
                    .doesNotContain("random_password")
                    .doesNotContain("administrator_password");
              });
      model
          .section("variable")
          .fields()
          .forEachRemaining(
              v -> {
                if (v.getKey().contains("password")) {
                  assertThat(v.getValue().path("sensitive").asBoolean(false))
                      .as("variable %s of %s is sensitive", v.getKey(), dir)
                      .isTrue();
                }
              });
    }
  }

  @Test
  void adminPasswordIsGeneratedIntoKeyVaultWithTheSameAuditSettings() {
    // The chart's Key Vault mode mounts this name as the file dl.admin.password.
    List<Object> chartObjects = Manifests.list(Manifests.at(
        Manifests.parse(Chart.DIR.resolve("values.yaml")).get(0), "secrets", "azureKeyVault", "objects"));
    assertThat(chartObjects).contains(Map.of("name", "dl-admin-password", "alias", "dl.admin.password"));
    for (String env : List.of("envs/dev", "envs/prod")) {
      TerraformModel model = TerraformModel.load(env);
      JsonNode password = model.resource("random_password.admin");
      assertThat(password.path("length").asInt())
          .as("%s: the application refuses an administrator password under 12 characters", env)
          .isGreaterThanOrEqualTo(24);
      JsonNode secret = model.resource("azurerm_key_vault_secret.admin_password");
      assertThat(secret.path("name").asText()).isEqualTo("dl-admin-password");
      assertThat(secret.path("value").asText()).isEqualTo("${random_password.admin.result}");
      assertThat(secret.path("key_vault_id").asText())
          .as("%s: written after the Terraform identity may write secrets", env)
          .isEqualTo("${module.keyvault.resource_id}");
      assertThat(secret.path("content_type").asText()).isNotBlank();
      assertThat(secret.path("expiration_date").asText())
          .isEqualTo("${time_rotating.admin_password.rotation_rfc3339}");
      assertThat(block(password, "keepers").path("rotation").asText())
          .as("%s: the value changes when the secret expires", env)
          .isEqualTo("${time_rotating.admin_password.id}");
      assertThat(block(secret, "tags").fieldNames()).toIterable()
          .contains("owner", "data-classification", "rotation");
      assertThat(block(secret, "tags").path("data-classification").asText()).isEqualTo("confidential");
      assertThat(model.section("output").path("admin_password_secret_name").path("value").asText())
          .as("%s: operators learn the secret's name, never its value", env)
          .isEqualTo("${azurerm_key_vault_secret.admin_password.name}");
    }
  }

  // ---- Container registry ----------------------------------------------------------------------

  @Test
  void registryHasNoAdminUserAndKubeletPullsWithAcrPull() {
    JsonNode acr = TerraformModel.load("modules/registry").resource("azurerm_container_registry.this");
    assertThat(acr.path("admin_enabled").asBoolean(true)).as("ACR admin user").isFalse();
    assertThat(acr.path("anonymous_pull_enabled").asBoolean(true)).as("anonymous pull").isFalse();

    JsonNode pull = TerraformModel.load("modules/aks").resource("azurerm_role_assignment.kubelet_acr_pull");
    assertThat(pull.path("role_definition_name").asText()).isEqualTo("AcrPull");
    assertThat(pull.path("scope").asText()).isEqualTo("${var.acr_id}");
    assertThat(pull.path("principal_id").asText())
        .isEqualTo("${azurerm_kubernetes_cluster.this.kubelet_identity[0].object_id}");
  }

  // ---- AKS -------------------------------------------------------------------------------------

  @Test
  void aksHasWorkloadIdentityEntraRbacNoLocalAccountsAndNetworkPolicy() {
    JsonNode aks = TerraformModel.load("modules/aks").resource("azurerm_kubernetes_cluster.this");
    assertThat(aks.path("oidc_issuer_enabled").asBoolean(false)).as("OIDC issuer").isTrue();
    assertThat(aks.path("workload_identity_enabled").asBoolean(false)).as("workload identity").isTrue();
    assertThat(aks.path("local_account_disabled").asBoolean(false)).as("local accounts disabled").isTrue();
    assertThat(aks.path("role_based_access_control_enabled").asBoolean(false)).isTrue();
    assertThat(block(aks, "azure_active_directory_role_based_access_control")
            .path("azure_rbac_enabled")
            .asBoolean(false))
        .as("Entra ID with Azure RBAC")
        .isTrue();
    assertThat(block(aks, "network_profile").path("network_policy").asText())
        .as("network policy engine")
        .isIn("azure", "calico", "cilium");
    JsonNode csi = block(aks, "key_vault_secrets_provider");
    assertThat(csi.path("secret_rotation_enabled").asBoolean(false))
        .as("Key Vault secrets provider rotates secrets")
        .isTrue();
    assertThat(block(aks, "oms_agent").path("log_analytics_workspace_id").asText())
        .as("Container Insights")
        .isEqualTo("${var.log_analytics_workspace_id}");
  }

  @Test
  void aksAutoscalesAndUsesZonesInProd() {
    TerraformModel module = TerraformModel.load("modules/aks");
    JsonNode system = block(module.resource("azurerm_kubernetes_cluster.this"), "default_node_pool");
    JsonNode apps = module.resource("azurerm_kubernetes_cluster_node_pool.apps");
    for (JsonNode pool : List.of(system, apps)) {
      assertThat(pool.path("auto_scaling_enabled").asBoolean(false)).as("autoscaler").isTrue();
      assertThat(pool.path("zones").asText()).isEqualTo("${var.zones}");
    }
    assertThat(TerraformModel.load("envs/prod").module("aks").path("zones").asText())
        .isEqualTo("${var.zones}");
    assertThat(tfvars("prod")).containsEntry("zones", "[\"1\", \"2\", \"3\"]");
    assertThat(tfvars("prod")).containsEntry("aks_sku_tier", "\"Standard\"");
  }

  // ---- PostgreSQL ------------------------------------------------------------------------------

  @Test
  void postgresIsPrivateWithTlsEntraAuthAndBackups() {
    TerraformModel pg = TerraformModel.load("modules/postgres");
    JsonNode server = pg.resource("azurerm_postgresql_flexible_server.this");
    assertThat(server.path("public_network_access_enabled").asBoolean(true)).as("public access").isFalse();
    assertThat(server.path("delegated_subnet_id").asText()).isEqualTo("${var.delegated_subnet_id}");
    assertThat(server.path("private_dns_zone_id").asText()).isEqualTo("${var.private_dns_zone_id}");
    assertThat(block(server, "authentication").path("active_directory_auth_enabled").asBoolean(false))
        .as("Entra authentication")
        .isTrue();
    assertThat(server.path("backup_retention_days").asText()).isEqualTo("${var.backup_retention_days}");
    assertThat(server.path("geo_redundant_backup_enabled").asText())
        .isEqualTo("${var.geo_redundant_backup_enabled}");

    JsonNode tls = pg.resource("azurerm_postgresql_flexible_server_configuration.require_secure_transport");
    assertThat(tls.path("name").asText()).isEqualTo("require_secure_transport");
    assertThat(tls.path("value").asText()).isEqualToIgnoringCase("on");

    // The migrations create pg_trgm (V9): Azure refuses extensions that are not allow-listed.
    JsonNode extensions = pg.resource("azurerm_postgresql_flexible_server_configuration.extensions");
    assertThat(extensions.path("name").asText()).isEqualTo("azure.extensions");
    assertThat(List.of(extensions.path("value").asText().toLowerCase(java.util.Locale.ROOT).split(",")))
        .as("allow-listed extensions")
        .contains("pg_trgm");

    JsonNode ha = block(block(server, "dynamic").path("high_availability"), "content");
    assertThat(ha.path("mode").asText()).isEqualTo("ZoneRedundant");
    assertThat(server.path("high_availability").toString()).doesNotContain("SameZone");
  }

  @Test
  void prodHasGeoRedundantBackupAndZoneRedundantHa() {
    Map<String, String> prod = tfvars("prod");
    assertThat(prod).containsEntry("postgres_geo_redundant_backup_enabled", "true");
    assertThat(prod).containsEntry("postgres_high_availability_enabled", "true");
    JsonNode call = TerraformModel.load("envs/prod").module("postgres");
    assertThat(call.path("geo_redundant_backup_enabled").asText())
        .isEqualTo("${var.postgres_geo_redundant_backup_enabled}");
    assertThat(call.path("high_availability_enabled").asText())
        .isEqualTo("${var.postgres_high_availability_enabled}");
    assertThat(Integer.parseInt(prod.get("postgres_backup_retention_days"))).isGreaterThanOrEqualTo(30);
  }

  // ---- Identity and state ----------------------------------------------------------------------

  @Test
  void applicationIdentityTrustsOnlyTheAppServiceAccount() {
    JsonNode app = TerraformModel.load("envs/prod").module("app_identity");
    String creds = app.path("federated_credentials").toString();
    assertThat(creds).contains("${module.aks.oidc_issuer_url}");
    TerraformModel env = TerraformModel.load("envs/prod");
    assertThat(env.section("locals").path("app_namespace").asText()).isEqualTo("decision-ledger");
    assertThat(env.section("locals").path("app_sa").asText()).isEqualTo("decision-ledger");
    assertThat(creds).contains("system:serviceaccount:${local.app_namespace}:${local.app_sa}");
    assertThat(app.has("role_assignments")).as("the app identity gets roles only on the vault").isFalse();
  }

  @Test
  void githubIdentitiesUseEnvironmentScopedOidcSubjects() {
    TerraformModel env = TerraformModel.load("envs/prod");
    assertThat(env.section("locals").path("github_subjects").asText())
        .isEqualTo("repo:${var.github_repository}:environment:${var.environment}");
    String bootstrap = TerraformModel.load("bootstrap").module("terraform_apply").path("federated_credentials").toString();
    assertThat(bootstrap).contains("repo:${var.github_repository}:environment:${each.key}");
    // No client secret or certificate anywhere.
    for (String dir : List.of("bootstrap", "envs/prod", "modules/identity")) {
      TerraformModel model = TerraformModel.load(dir);
      assertThat(names(model.section("resource"), ""))
          .noneMatch(r -> r.startsWith("azuread_application_password") || r.startsWith("azuread_service_principal_password"));
    }
  }

  @Test
  void stateAccountIsVersionedSoftDeletedPrivateAndEntraOnly() {
    TerraformModel bootstrap = TerraformModel.load("bootstrap");
    JsonNode account = bootstrap.resource("azurerm_storage_account.state");
    assertThat(account.path("shared_access_key_enabled").asBoolean(true)).as("shared keys").isFalse();
    assertThat(account.path("allow_nested_items_to_be_public").asBoolean(true)).as("public blobs").isFalse();
    assertThat(account.path("min_tls_version").asText()).isEqualTo("TLS1_2");
    JsonNode blob = block(account, "blob_properties");
    assertThat(blob.path("versioning_enabled").asBoolean(false)).as("versioning").isTrue();
    assertThat(block(blob, "delete_retention_policy").path("days").asInt()).isGreaterThanOrEqualTo(7);
    assertThat(block(blob, "container_delete_retention_policy").path("days").asInt()).isGreaterThanOrEqualTo(7);
    assertThat(bootstrap.resource("azurerm_storage_container.state").path("container_access_type").asText())
        .isEqualTo("private");
    for (String env : List.of("envs/dev", "envs/prod")) {
      JsonNode backend = TerraformModel.load(env).section("terraform").get(0).path("backend").get(0).path("azurerm");
      assertThat(backend.path("use_azuread_auth").asBoolean(false))
          .as("%s backend authenticates with Entra ID", env)
          .isTrue();
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static List<String> categories(JsonNode diagnosticSetting) {
    List<String> categories = new ArrayList<>();
    diagnosticSetting.path("enabled_log").forEach(log -> categories.add(log.path("category").asText()));
    return categories;
  }

  private static List<String> names(JsonNode section, String prefix) {
    List<String> names = new ArrayList<>();
    section.fieldNames().forEachRemaining(n -> {
      if (n.startsWith(prefix)) {
        names.add(n);
      }
    });
    return names;
  }

  /** The simple {@code name = value} lines of an environment's terraform.tfvars, values verbatim. */
  static Map<String, String> tfvars(String env) {
    Map<String, String> values = new TreeMap<>();
    try {
      for (String line :
          java.nio.file.Files.readAllLines(TerraformModel.TERRAFORM.resolve("envs/" + env + "/terraform.tfvars"))) {
        String code = line.replaceAll("\\s+#.*$", "").trim();
        int eq = code.indexOf('=');
        if (!code.startsWith("#") && eq > 0) {
          values.put(code.substring(0, eq).trim(), code.substring(eq + 1).trim());
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return values;
  }
}
