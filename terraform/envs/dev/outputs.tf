# Everything the GitHub environment and the Helm values need; no secret values.

output "resource_group_name" {
  description = "Resource group of the environment (GitHub variable AKS_RESOURCE_GROUP)."
  value       = azurerm_resource_group.this.name
}

output "acr_name" {
  description = "Container registry name (GitHub variable ACR_NAME)."
  value       = module.registry.name
}

output "acr_resource_id" {
  description = "Container registry resource ID (prod's promote_from_registry_id takes dev's)."
  value       = module.registry.resource_id
}

output "aks_cluster_name" {
  description = "AKS cluster name (GitHub variable AKS_CLUSTER_NAME)."
  value       = module.aks.name
}

output "key_vault_name" {
  description = "Key Vault name (GitHub variable KEY_VAULT_NAME, the chart's keyvaultName)."
  value       = module.keyvault.name
}

output "tenant_id" {
  description = "Entra tenant (GitHub variable AZURE_TENANT_ID)."
  value       = data.azurerm_client_config.current.tenant_id
}

output "app_identity_client_id" {
  description = "Client ID of the application's workload identity (GitHub variable APP_CLIENT_ID, the service account annotation)."
  value       = module.app_identity.client_id
}

output "github_delivery_client_id" {
  description = "Client ID of the GitHub delivery identity (GitHub environment variable AZURE_CLIENT_ID)."
  value       = module.github_delivery_identity.client_id
}

output "postgres_fqdn" {
  description = "Private host name of the database server."
  value       = module.postgres.fqdn
}

output "postgres_subnet_cidr" {
  description = "CIDR of the database subnet (GitHub environment variable POSTGRES_SUBNET_CIDR, the chart's networkPolicy.database.cidrs)."
  value       = local.postgres_subnet
}

output "db_secret_names" {
  description = "Key Vault secret names by MicroProfile Config property (values stay in Key Vault)."
  value       = module.postgres.secret_names
}

output "admin_password_secret_name" {
  description = "Key Vault secret with the first administrator's password (dl.admin.password). Read it once, then set your own in the application: az keyvault secret show --vault-name <key_vault_name> -n <this> --query value -o tsv"
  value       = azurerm_key_vault_secret.admin_password.name
}

output "log_analytics_workspace_id" {
  description = "Workspace ID for the audit queries in docs/audit.md."
  value       = module.monitoring.workspace_id
}
