output "resource_id" {
  description = "Resource ID of the virtual network."
  value       = azurerm_virtual_network.this.id
}

output "name" {
  description = "Name of the virtual network."
  value       = azurerm_virtual_network.this.name
}

output "aks_subnet_id" {
  description = "Resource ID of the AKS node subnet."
  value       = azurerm_subnet.aks.id
}

output "postgres_subnet_id" {
  description = "Resource ID of the subnet delegated to PostgreSQL Flexible Server."
  value       = azurerm_subnet.postgres.id
}

output "private_endpoints_subnet_id" {
  description = "Resource ID of the subnet for private endpoints."
  value       = azurerm_subnet.private_endpoints.id
}

output "postgres_private_dns_zone_id" {
  description = "Resource ID of the PostgreSQL private DNS zone (linked to the network)."
  value       = azurerm_private_dns_zone.postgres.id

  # The server can only be created once the zone is linked to the network.
  depends_on = [azurerm_private_dns_zone_virtual_network_link.postgres]
}

output "key_vault_private_dns_zone_id" {
  description = "Resource ID of the privatelink.vaultcore.azure.net zone (linked to the network)."
  value       = azurerm_private_dns_zone.key_vault.id

  depends_on = [azurerm_private_dns_zone_virtual_network_link.key_vault]
}
