# Created once, by a person, with local state: the remote state account and the identities that
# GitHub Actions uses to run Terraform through OIDC (no client secrets).

locals {
  github_issuer = "https://token.actions.githubusercontent.com"
  tags = merge(var.tags, {
    project    = "decision-ledger"
    owner      = var.owner
    managed-by = "terraform-bootstrap"
  })

  # Roles the apply identities may hand out (ABAC condition on their role-assignment right):
  # AcrPull, AcrPush, Key Vault Secrets User, Key Vault Secrets Officer, Key Vault Reader,
  # Azure Kubernetes Service Cluster User Role, Azure Kubernetes Service RBAC Admin,
  # Network Contributor, Monitoring Data Reader.
  assignable_role_ids = [
    "7f951dda-4ed3-4680-a7ca-43fe172d538d",
    "8311e382-0749-4cb8-b61a-304f252e45ec",
    "4633458b-17de-408a-b874-0445c86b69e6",
    "b86a8fe4-44ce-4948-aee5-eccb2c155cd7",
    "21090545-7ca7-4776-b22c-e363652d74d2",
    "4abbcc35-e782-43d8-92c5-2d3f1bd2253f",
    "3498e952-d568-435e-9b2c-8d77e338d7f7",
    "4d97b98b-1d4f-4787-a291-c67834d212e7",
    "b0d8363b-8ddd-447d-831f-62ca05bff136",
  ]
  role_condition = <<-EOT
    (
     (
      !(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})
     )
     OR
     (
      @Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${join(", ", local.assignable_role_ids)}}
     )
    )
    AND
    (
     (
      !(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})
     )
     OR
     (
      @Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${join(", ", local.assignable_role_ids)}}
     )
    )
  EOT
}

resource "azurerm_resource_group" "state" {
  name     = "rg-decision-ledger-tfstate"
  location = var.location
  tags     = local.tags
}

resource "azurerm_storage_account" "state" {
  name                              = var.storage_account_name
  resource_group_name               = azurerm_resource_group.state.name
  location                          = azurerm_resource_group.state.location
  account_kind                      = "StorageV2"
  account_tier                      = "Standard"
  account_replication_type          = "GZRS"
  min_tls_version                   = "TLS1_2"
  https_traffic_only_enabled        = true
  allow_nested_items_to_be_public   = false
  shared_access_key_enabled         = false
  default_to_oauth_authentication   = true
  infrastructure_encryption_enabled = true
  local_user_enabled                = false
  sftp_enabled                      = false
  cross_tenant_replication_enabled  = false
  public_network_access_enabled     = true
  tags                              = local.tags

  blob_properties {
    versioning_enabled  = true
    change_feed_enabled = true

    delete_retention_policy {
      days = 30
    }

    container_delete_retention_policy {
      days = 30
    }
  }

  network_rules {
    default_action = length(var.allowed_ip_ranges) > 0 ? "Deny" : "Allow"
    bypass         = ["AzureServices", "Logging", "Metrics"]
    ip_rules       = var.allowed_ip_ranges
  }

  lifecycle {
    prevent_destroy = true
  }
}

resource "azurerm_storage_container" "state" {
  name                  = "tfstate"
  storage_account_id    = azurerm_storage_account.state.id
  container_access_type = "private"
}

# Who read or wrote the state (it holds the generated database password): blob data-plane logs.
resource "azurerm_log_analytics_workspace" "state" {
  name                = "log-decision-ledger-tfstate"
  location            = azurerm_resource_group.state.location
  resource_group_name = azurerm_resource_group.state.name
  sku                 = "PerGB2018"
  retention_in_days   = 365
  tags                = local.tags
}

resource "azurerm_monitor_diagnostic_setting" "state_blob" {
  name                       = "state-access-to-log-analytics"
  target_resource_id         = "${azurerm_storage_account.state.id}/blobServices/default"
  log_analytics_workspace_id = azurerm_log_analytics_workspace.state.id

  enabled_log {
    category = "StorageRead"
  }

  enabled_log {
    category = "StorageWrite"
  }

  enabled_log {
    category = "StorageDelete"
  }
}

# The person running the bootstrap also needs data-plane access to migrate state.
data "azurerm_client_config" "current" {}

resource "azurerm_role_assignment" "bootstrap_operator_state" {
  scope                = azurerm_storage_container.state.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = data.azurerm_client_config.current.object_id
  description          = "Bootstrap operator migrates and inspects state."
}

# Apply identity per environment: trusted only for jobs in the GitHub environment of that name
# (prod's has required reviewers). Contributor on the subscription plus a conditional right to
# assign the few roles the modules hand out.
module "terraform_apply" {
  source   = "../modules/identity"
  for_each = toset(var.environments)

  name                = "id-decision-ledger-tf-apply-${each.key}"
  location            = var.location
  resource_group_name = azurerm_resource_group.state.name
  tags                = local.tags

  federated_credentials = {
    github-environment = {
      issuer  = local.github_issuer
      subject = "repo:${var.github_repository}:environment:${each.key}"
    }
  }

  role_assignments = {
    contributor = {
      scope                = "/subscriptions/${var.subscription_id}"
      role_definition_name = "Contributor"
    }
    constrained-rbac-admin = {
      scope                = "/subscriptions/${var.subscription_id}"
      role_definition_name = "Role Based Access Control Administrator"
      condition            = local.role_condition
      condition_version    = "2.0"
    }
    state = {
      scope                = azurerm_storage_container.state.id
      role_definition_name = "Storage Blob Data Contributor"
    }
  }
}

# Plan identity per environment: trusted for pull requests and for the plan job on main; reads
# everything, writes only state locks and saved plans in the state container.
module "terraform_plan" {
  source   = "../modules/identity"
  for_each = toset(var.environments)

  name                = "id-decision-ledger-tf-plan-${each.key}"
  location            = var.location
  resource_group_name = azurerm_resource_group.state.name
  tags                = local.tags

  federated_credentials = {
    github-pull-request = {
      issuer  = local.github_issuer
      subject = "repo:${var.github_repository}:pull_request"
    }
    github-main = {
      issuer  = local.github_issuer
      subject = "repo:${var.github_repository}:ref:refs/heads/main"
    }
  }

  role_assignments = {
    reader = {
      scope                = "/subscriptions/${var.subscription_id}"
      role_definition_name = "Reader"
    }
    state = {
      scope                = azurerm_storage_container.state.id
      role_definition_name = "Storage Blob Data Contributor"
    }
  }
}
