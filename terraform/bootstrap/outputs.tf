output "resource_id" {
  description = "Resource ID of the state storage account."
  value       = azurerm_storage_account.state.id
}

output "name" {
  description = "Name of the state storage account (GitHub variable TFSTATE_STORAGE_ACCOUNT)."
  value       = azurerm_storage_account.state.name
}

output "resource_group_name" {
  description = "Resource group of the state account (GitHub variable TFSTATE_RESOURCE_GROUP)."
  value       = azurerm_resource_group.state.name
}

output "container_name" {
  description = "Blob container that holds the state files."
  value       = azurerm_storage_container.state.name
}

output "terraform_apply_client_ids" {
  description = "Client IDs of the apply identities by environment (GitHub environment variable AZURE_TF_CLIENT_ID)."
  value       = { for env, m in module.terraform_apply : env => m.client_id }
}

output "terraform_apply_principal_ids" {
  description = "Object IDs of the apply identities by environment (envs' terraform_apply_principal_id)."
  value       = { for env, m in module.terraform_apply : env => m.principal_id }
}

output "terraform_plan_client_ids" {
  description = "Client IDs of the plan identities by environment (repository variables AZURE_TF_PLAN_CLIENT_ID_DEV/_PROD)."
  value       = { for env, m in module.terraform_plan : env => m.client_id }
}

output "terraform_plan_principal_ids" {
  description = "Object IDs of the plan identities by environment (envs' terraform_plan_principal_id)."
  value       = { for env, m in module.terraform_plan : env => m.principal_id }
}

output "state_access_log_workspace_id" {
  description = "Log Analytics workspace with the state account's blob access log (StorageBlobLogs)."
  value       = azurerm_log_analytics_workspace.state.workspace_id
}
