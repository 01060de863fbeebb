# A user-assigned managed identity trusted through OIDC federation only: there is no client secret
# or certificate to leak or rotate. Used for GitHub Actions (per environment) and for the
# application's Kubernetes service account (workload identity).

resource "azurerm_user_assigned_identity" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_federated_identity_credential" "this" {
  for_each = var.federated_credentials

  name                = each.key
  resource_group_name = var.resource_group_name
  parent_id           = azurerm_user_assigned_identity.this.id
  issuer              = each.value.issuer
  subject             = each.value.subject
  audience            = [each.value.audience]
}

resource "azurerm_role_assignment" "this" {
  for_each = var.role_assignments

  scope                = each.value.scope
  role_definition_name = each.value.role_definition_name
  principal_id         = azurerm_user_assigned_identity.this.principal_id
  principal_type       = "ServicePrincipal"
  condition            = each.value.condition
  condition_version    = each.value.condition_version
  description          = "${var.name}: ${each.key}"
}
