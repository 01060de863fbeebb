# Log Analytics for Container Insights and the audit logs (Key Vault AuditEvent, PostgreSQL, ACR),
# optionally Azure Monitor managed Prometheus and Azure Managed Grafana.

resource "azurerm_log_analytics_workspace" "this" {
  name                       = var.name
  location                   = var.location
  resource_group_name        = var.resource_group_name
  sku                        = "PerGB2018"
  retention_in_days          = var.retention_in_days
  daily_quota_gb             = var.daily_quota_gb
  internet_ingestion_enabled = true
  internet_query_enabled     = true
  tags                       = var.tags
}

resource "azurerm_monitor_workspace" "prometheus" {
  count = var.managed_prometheus_enabled ? 1 : 0

  name                          = "${var.name}-prom"
  location                      = var.location
  resource_group_name           = var.resource_group_name
  public_network_access_enabled = true
  tags                          = var.tags
}

resource "azurerm_dashboard_grafana" "this" {
  count = var.managed_grafana_enabled ? 1 : 0

  name                              = substr("${var.name}-graf", 0, 23)
  location                          = var.location
  resource_group_name               = var.resource_group_name
  grafana_major_version             = 11
  api_key_enabled                   = false
  deterministic_outbound_ip_enabled = false
  public_network_access_enabled     = true
  tags                              = var.tags

  identity {
    type = "SystemAssigned"
  }

  azure_monitor_workspace_integrations {
    resource_id = azurerm_monitor_workspace.prometheus[0].id
  }
}

# Grafana reads the Prometheus workspace with its own identity.
resource "azurerm_role_assignment" "grafana_reads_prometheus" {
  count = var.managed_grafana_enabled ? 1 : 0

  scope                = azurerm_monitor_workspace.prometheus[0].id
  role_definition_name = "Monitoring Data Reader"
  principal_id         = azurerm_dashboard_grafana.this[0].identity[0].principal_id
  principal_type       = "ServicePrincipal"
}
