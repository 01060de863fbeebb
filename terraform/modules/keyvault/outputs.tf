output "resource_id" {
  description = "Resource ID of the vault."
  value       = azurerm_key_vault.this.id

  # Callers that write secrets must wait until the writers' role assignments exist.
  depends_on = [azurerm_role_assignment.secrets_officer]
}

output "name" {
  description = "Name of the vault (the chart's SecretProviderClass keyvaultName)."
  value       = azurerm_key_vault.this.name
}

output "vault_uri" {
  description = "URI of the vault's data plane."
  value       = azurerm_key_vault.this.vault_uri
}
