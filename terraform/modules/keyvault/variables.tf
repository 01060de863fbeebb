variable "name" {
  type        = string
  description = "Globally unique name of the Key Vault (3-24 characters)."

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$", var.name)) && !strcontains(var.name, "--")
    error_message = "name must be 3-24 characters of letters, digits and single '-', starting with a letter and ending with a letter or digit."
  }
}

variable "location" {
  type        = string
  description = "Azure region of the vault."

  validation {
    condition     = length(trimspace(var.location)) > 0
    error_message = "location must not be empty."
  }
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the vault."

  validation {
    condition     = length(var.resource_group_name) >= 1 && length(var.resource_group_name) <= 90
    error_message = "resource_group_name must be 1-90 characters."
  }
}

variable "tenant_id" {
  type        = string
  description = "Entra ID tenant that authenticates requests to the vault."

  validation {
    condition     = can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", var.tenant_id))
    error_message = "tenant_id must be a GUID."
  }
}

variable "sku_name" {
  type        = string
  description = "Vault tier: standard or premium (HSM-backed keys)."
  default     = "standard"

  validation {
    condition     = contains(["standard", "premium"], var.sku_name)
    error_message = "sku_name must be standard or premium."
  }
}

variable "soft_delete_retention_days" {
  type        = number
  description = "Days a deleted secret or vault stays recoverable. Auditors expect the maximum, 90."
  default     = 90

  validation {
    condition     = var.soft_delete_retention_days == 90
    error_message = "soft_delete_retention_days must be 90: the audit baseline requires the maximum retention."
  }
}

variable "public_network_access_enabled" {
  type        = bool
  description = "Allow the public endpoint at all. Even when true, network_acls deny everything but allowed_ip_ranges, allowed_subnet_ids and trusted Azure services."
  default     = false
}

variable "allowed_ip_ranges" {
  type        = list(string)
  description = "Public CIDR ranges allowed to reach the vault (for example the Terraform runner's egress); only used when public_network_access_enabled."
  default     = []

  validation {
    condition     = alltrue([for r in var.allowed_ip_ranges : can(cidrhost(r, 0))])
    error_message = "allowed_ip_ranges must contain only valid IPv4 CIDRs such as 203.0.113.0/24."
  }
}

variable "allowed_subnet_ids" {
  type        = list(string)
  description = "Subnets (with the Microsoft.KeyVault service endpoint) allowed to reach the vault."
  default     = []
}

variable "private_endpoint_subnet_id" {
  type        = string
  description = "Subnet for the vault's private endpoint; null for none."
  default     = null
}

variable "private_dns_zone_id" {
  type        = string
  description = "privatelink.vaultcore.azure.net zone that resolves the private endpoint; required with private_endpoint_subnet_id."
  default     = null
}

variable "log_analytics_workspace_id" {
  type        = string
  description = "Log Analytics workspace that receives the vault's AuditEvent log (who read which secret, when)."

  validation {
    condition     = can(regex("(?i)/providers/Microsoft.OperationalInsights/workspaces/", var.log_analytics_workspace_id))
    error_message = "log_analytics_workspace_id must be the resource ID of a Log Analytics workspace."
  }
}

variable "secrets_user_principal_ids" {
  type        = map(string)
  description = "Principals (key = stable label, value = object ID) that may read secret values: \"Key Vault Secrets User\" on this vault only. The application's workload identity belongs here."
  default     = {}
}

variable "secrets_officer_principal_ids" {
  type        = map(string)
  description = "Principals that write secrets (\"Key Vault Secrets Officer\" on this vault), such as the Terraform identity."
  default     = {}
}

variable "reader_principal_ids" {
  type        = map(string)
  description = "Principals that review the vault's configuration and secret metadata without reading values (\"Key Vault Reader\"), such as an auditors group."
  default     = {}
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every resource of the module."
  default     = {}
}
