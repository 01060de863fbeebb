output "resource_id" {
  description = "Resource ID of the Log Analytics workspace (destination of every diagnostic setting)."
  value       = azurerm_log_analytics_workspace.this.id
}

output "name" {
  description = "Name of the Log Analytics workspace."
  value       = azurerm_log_analytics_workspace.this.name
}

output "workspace_id" {
  description = "Workspace (customer) ID used by `az monitor log-analytics query --workspace`."
  value       = azurerm_log_analytics_workspace.this.workspace_id
}

output "prometheus_workspace_id" {
  description = "Resource ID of the Azure Monitor workspace for managed Prometheus, or null when disabled."
  value       = var.managed_prometheus_enabled ? azurerm_monitor_workspace.prometheus[0].id : null
}

output "grafana_endpoint" {
  description = "URL of the Managed Grafana, or null when disabled."
  value       = var.managed_grafana_enabled ? azurerm_dashboard_grafana.this[0].endpoint : null
}
