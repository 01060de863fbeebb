output "resource_id" {
  description = "Resource ID of the cluster (scope for Azure Kubernetes Service RBAC roles)."
  value       = azurerm_kubernetes_cluster.this.id
}

output "name" {
  description = "Name of the cluster (the GitHub variable AKS_CLUSTER_NAME)."
  value       = azurerm_kubernetes_cluster.this.name
}

output "oidc_issuer_url" {
  description = "OIDC issuer of the cluster: the issuer of the application's federated credential."
  value       = azurerm_kubernetes_cluster.this.oidc_issuer_url
}

output "kubelet_object_id" {
  description = "Object ID of the kubelet identity (holds AcrPull)."
  value       = azurerm_kubernetes_cluster.this.kubelet_identity[0].object_id
}

output "key_vault_secrets_provider_client_id" {
  description = "Client ID of the secrets provider add-on's identity (unused with workload identity, listed for audits)."
  value       = azurerm_kubernetes_cluster.this.key_vault_secrets_provider[0].secret_identity[0].client_id
}

output "node_resource_group" {
  description = "Managed resource group of the nodes."
  value       = azurerm_kubernetes_cluster.this.node_resource_group
}
