# One environment of Decision Ledger. envs/dev and envs/prod hold the same main.tf, variables.tf,
# outputs.tf and versions.tf (a check enforces it); they differ only in backend.tf (state key) and
# terraform.tfvars (sizes, zones, redundancy).

locals {
  prefix          = "dl-${var.environment}"
  compact         = "dl${var.environment}${var.name_suffix}"
  github_issuer   = "https://token.actions.githubusercontent.com"
  app_namespace   = "decision-ledger"
  app_sa          = "decision-ledger"
  ha_zones        = length(var.zones) > 0
  standby_zone    = local.ha_zones ? var.zones[1 % length(var.zones)] : "2"
  postgres_zone   = local.ha_zones ? var.zones[0] : null
  github_subjects = "repo:${var.github_repository}:environment:${var.environment}"
  postgres_subnet = cidrsubnet(var.address_space, 8, 8)

  tags = merge(var.tags, {
    project     = "decision-ledger"
    environment = var.environment
    owner       = var.owner
    managed-by  = "terraform"
  })
}

data "azurerm_client_config" "current" {}

resource "azurerm_resource_group" "this" {
  name     = "rg-${local.prefix}"
  location = var.location
  tags     = local.tags
}

module "monitoring" {
  source = "../../modules/monitoring"

  name                       = "log-${local.prefix}-${var.name_suffix}"
  location                   = var.location
  resource_group_name        = azurerm_resource_group.this.name
  retention_in_days          = var.log_retention_days
  managed_prometheus_enabled = var.managed_prometheus_enabled
  managed_grafana_enabled    = var.managed_grafana_enabled
  tags                       = local.tags
}

module "network" {
  source = "../../modules/network"

  name                            = "vnet-${local.prefix}"
  location                        = var.location
  resource_group_name             = azurerm_resource_group.this.name
  address_space                   = var.address_space
  aks_subnet_prefix               = cidrsubnet(var.address_space, 6, 0)
  postgres_subnet_prefix          = local.postgres_subnet
  private_endpoints_subnet_prefix = cidrsubnet(var.address_space, 8, 9)
  postgres_private_dns_zone_name  = "${local.prefix}.private.postgres.database.azure.com"
  tags                            = local.tags
}

module "registry" {
  source = "../../modules/registry"

  name                          = "acr${local.compact}"
  location                      = var.location
  resource_group_name           = azurerm_resource_group.this.name
  sku                           = var.acr_sku
  public_network_access_enabled = true # GitHub-hosted runners push over the public endpoint (Entra auth only).
  allowed_ip_ranges             = var.acr_allowed_ip_ranges
  log_analytics_workspace_id    = module.monitoring.resource_id
  tags                          = local.tags
}

# The application's identity: trusted only for the decision-ledger service account of this
# cluster (workload identity); reads secrets from this environment's vault and nothing else.
module "app_identity" {
  source = "../../modules/identity"

  name                = "id-${local.prefix}-app"
  location            = var.location
  resource_group_name = azurerm_resource_group.this.name
  tags                = local.tags

  federated_credentials = {
    aks-service-account = {
      issuer  = module.aks.oidc_issuer_url
      subject = "system:serviceaccount:${local.app_namespace}:${local.app_sa}"
    }
  }
}

module "keyvault" {
  source = "../../modules/keyvault"

  name                          = "kv-${local.prefix}-${var.name_suffix}"
  location                      = var.location
  resource_group_name           = azurerm_resource_group.this.name
  tenant_id                     = data.azurerm_client_config.current.tenant_id
  public_network_access_enabled = length(var.key_vault_allowed_ip_ranges) > 0
  allowed_ip_ranges             = var.key_vault_allowed_ip_ranges
  allowed_subnet_ids            = [module.network.aks_subnet_id]
  private_endpoint_subnet_id    = module.network.private_endpoints_subnet_id
  private_dns_zone_id           = module.network.key_vault_private_dns_zone_id
  log_analytics_workspace_id    = module.monitoring.resource_id
  tags                          = local.tags

  # The plan identity reads secrets while refreshing state; it can read the state (which holds
  # the generated password) anyway, so this grants nothing new. docs/audit.md lists both.
  secrets_user_principal_ids = merge(
    { application = module.app_identity.principal_id },
    var.terraform_plan_principal_id == null ? {} : { terraform-plan = var.terraform_plan_principal_id }
  )
  secrets_officer_principal_ids = {
    terraform-apply = var.terraform_apply_principal_id
  }
  reader_principal_ids = var.auditor_principal_ids
}

module "aks" {
  source = "../../modules/aks"

  name                            = "aks-${local.prefix}"
  location                        = var.location
  resource_group_name             = azurerm_resource_group.this.name
  kubernetes_version              = var.kubernetes_version
  sku_tier                        = var.aks_sku_tier
  subnet_id                       = module.network.aks_subnet_id
  zones                           = var.zones
  system_node_vm_size             = var.system_node_vm_size
  system_node_min_count           = var.system_node_min_count
  system_node_max_count           = var.system_node_max_count
  app_node_vm_size                = var.app_node_vm_size
  app_node_min_count              = var.app_node_min_count
  app_node_max_count              = var.app_node_max_count
  tenant_id                       = data.azurerm_client_config.current.tenant_id
  admin_group_object_ids          = var.aks_admin_group_object_ids
  api_server_authorized_ip_ranges = var.api_server_authorized_ip_ranges
  acr_id                          = module.registry.resource_id
  log_analytics_workspace_id      = module.monitoring.resource_id
  managed_prometheus_enabled      = var.managed_prometheus_enabled
  tags                            = local.tags
}

module "postgres" {
  source = "../../modules/postgres"

  name                         = "psql-${local.prefix}-${var.name_suffix}"
  location                     = var.location
  resource_group_name          = azurerm_resource_group.this.name
  sku_name                     = var.postgres_sku_name
  storage_mb                   = var.postgres_storage_mb
  delegated_subnet_id          = module.network.postgres_subnet_id
  private_dns_zone_id          = module.network.postgres_private_dns_zone_id
  zone                         = local.postgres_zone
  high_availability_enabled    = var.postgres_high_availability_enabled
  standby_zone                 = local.standby_zone
  backup_retention_days        = var.postgres_backup_retention_days
  geo_redundant_backup_enabled = var.postgres_geo_redundant_backup_enabled
  tenant_id                    = data.azurerm_client_config.current.tenant_id
  entra_admin                  = var.postgres_entra_admin
  key_vault_id                 = module.keyvault.resource_id
  secret_rotation_days         = var.secret_rotation_days
  secret_owner                 = var.owner
  log_analytics_workspace_id   = module.monitoring.resource_id
  tags                         = local.tags
}

# The first administrator's password (MicroProfile Config property dl.admin.password; the chart maps
# the Key Vault name dl-admin-password back with objectAlias). The application reads it only while no
# enabled administrator exists: on the first start, or to recover when the last administrator is
# gone (docs/runbook.md). An operator reads it once with az keyvault secret show (output
# admin_password_secret_name), then sets a password of their own in the application. It rotates with
# the database secrets; a new value becomes a password only when the bootstrap runs again.
resource "time_rotating" "admin_password" {
  rotation_days = var.secret_rotation_days
}

resource "random_password" "admin" {
  length           = 32
  special          = true
  override_special = "-_.~"
  min_lower        = 4
  min_upper        = 4
  min_numeric      = 4

  keepers = {
    rotation = time_rotating.admin_password.id
  }
}

resource "azurerm_key_vault_secret" "admin_password" {
  name            = "dl-admin-password"
  value           = random_password.admin.result
  key_vault_id    = module.keyvault.resource_id
  content_type    = "text/plain; format=password"
  expiration_date = time_rotating.admin_password.rotation_rfc3339

  tags = {
    owner               = var.owner
    data-classification = "confidential"
    rotation            = "${var.secret_rotation_days}d"
    source              = "terraform/envs"
  }
}

# The OpenID Connect client secret (dl.auth.oidc.client-secret; the chart maps the Key Vault name
# dl-auth-oidc-client-secret back through secrets.azureKeyVault.extraObjects), only when sign-in
# through Entra ID is configured (config.auth.mode=oidc). Entra ID issues the value when the app
# registration's secret is created; it is given here as a sensitive variable and not generated.
resource "azurerm_key_vault_secret" "oidc_client_secret" {
  count = nonsensitive(var.oidc_client_secret != null) ? 1 : 0

  name            = "dl-auth-oidc-client-secret"
  value           = var.oidc_client_secret
  key_vault_id    = module.keyvault.resource_id
  content_type    = "text/plain; format=oidc-client-secret"
  expiration_date = var.oidc_client_secret_expires_at

  tags = {
    owner               = var.owner
    data-classification = "confidential"
    source              = "terraform/envs"
  }
}

# GitHub Actions' delivery identity for this environment: trusted only for jobs that run in the
# GitHub environment of the same name (prod's has required reviewers). It pushes images to this
# environment's registry and deploys into the application's namespace, nothing else.
module "github_delivery_identity" {
  source = "../../modules/identity"

  name                = "id-${local.prefix}-github-delivery"
  location            = var.location
  resource_group_name = azurerm_resource_group.this.name
  tags                = local.tags

  federated_credentials = {
    github-environment = {
      issuer  = local.github_issuer
      subject = local.github_subjects
    }
  }

  role_assignments = merge(
    {
      acr-push = {
        scope                = module.registry.resource_id
        role_definition_name = "AcrPush"
      }
      aks-cluster-user = {
        scope                = module.aks.resource_id
        role_definition_name = "Azure Kubernetes Service Cluster User Role"
      }
      aks-namespace-admin = {
        scope                = "${module.aks.resource_id}/namespaces/${local.app_namespace}"
        role_definition_name = "Azure Kubernetes Service RBAC Admin"
      }
    },
    var.promote_from_registry_id == null ? {} : {
      promote-from-registry = {
        scope                = var.promote_from_registry_id
        role_definition_name = "AcrPull"
      }
    }
  )
}
