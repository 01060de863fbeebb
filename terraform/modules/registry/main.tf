# Azure Container Registry: no admin user, no anonymous pull, Entra-only access. AKS pulls with its
# kubelet identity (AcrPull, assigned in the aks module); GitHub Actions pushes through OIDC (AcrPush).

locals {
  premium = var.sku == "Premium"
}

resource "azurerm_container_registry" "this" {
  name                          = var.name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  sku                           = var.sku
  admin_enabled                 = false
  anonymous_pull_enabled        = false
  public_network_access_enabled = var.public_network_access_enabled
  network_rule_bypass_option    = "AzureServices"
  data_endpoint_enabled         = local.premium
  zone_redundancy_enabled       = local.premium
  quarantine_policy_enabled     = false
  retention_policy_in_days      = local.premium ? var.untagged_retention_days : null
  tags                          = var.tags

  dynamic "network_rule_set" {
    for_each = local.premium && length(var.allowed_ip_ranges) > 0 ? [1] : []

    content {
      default_action = "Deny"

      dynamic "ip_rule" {
        for_each = var.allowed_ip_ranges

        content {
          action   = "Allow"
          ip_range = ip_rule.value
        }
      }
    }
  }
}

resource "azurerm_monitor_diagnostic_setting" "this" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_container_registry.this.id
  log_analytics_workspace_id = var.log_analytics_workspace_id

  enabled_log {
    category = "ContainerRegistryLoginEvents"
  }

  enabled_log {
    category = "ContainerRegistryRepositoryEvents"
  }

  enabled_metric {
    category = "AllMetrics"
  }
}
