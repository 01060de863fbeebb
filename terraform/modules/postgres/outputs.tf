output "resource_id" {
  description = "Resource ID of the server."
  value       = azurerm_postgresql_flexible_server.this.id
}

output "name" {
  description = "Name of the server."
  value       = azurerm_postgresql_flexible_server.this.name
}

output "fqdn" {
  description = "Private host name of the server (resolves only inside the virtual network)."
  value       = azurerm_postgresql_flexible_server.this.fqdn
}

output "database_name" {
  description = "Name of the application's database."
  value       = azurerm_postgresql_flexible_server_database.app.name
}

output "secret_names" {
  description = "Key Vault secret names holding the connection settings, by MicroProfile Config property."
  value = {
    "dl.db.url"      = azurerm_key_vault_secret.connection["dl-db-url"].name
    "dl.db.user"     = azurerm_key_vault_secret.connection["dl-db-user"].name
    "dl.db.password" = azurerm_key_vault_secret.password.name
  }
}

output "password_secret_versionless_id" {
  description = "Versionless ID of the password secret in Key Vault (the value itself is never an output)."
  value       = azurerm_key_vault_secret.password.versionless_id
}
