output "resource_id" {
  description = "Resource ID of the registry (scope for AcrPull/AcrPush role assignments)."
  value       = azurerm_container_registry.this.id
}

output "name" {
  description = "Name of the registry (the GitHub variable ACR_NAME)."
  value       = azurerm_container_registry.this.name
}

output "login_server" {
  description = "Login server of the registry, used as the image repository prefix."
  value       = azurerm_container_registry.this.login_server
}
