variable "subscription_id" {
  type        = string
  description = "Azure subscription of the environment."

  validation {
    condition     = can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", var.subscription_id))
    error_message = "subscription_id must be a GUID."
  }
}

variable "environment" {
  type        = string
  description = "Environment name; also the GitHub environment whose jobs may use this environment's identities."

  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "environment must be dev or prod."
  }
}

variable "location" {
  type        = string
  description = "Azure region, for example westeurope (a region with availability zones for prod)."
  default     = "westeurope"

  validation {
    condition     = can(regex("^[a-z0-9]+$", var.location))
    error_message = "location must be an Azure region name in lowercase without spaces, such as westeurope."
  }
}

variable "name_suffix" {
  type        = string
  description = "Short random suffix that makes the global names (registry, vault, database) unique, for example \"7f3k\"."

  validation {
    condition     = can(regex("^[a-z0-9]{3,6}$", var.name_suffix))
    error_message = "name_suffix must be 3-6 lowercase letters or digits."
  }
}

variable "owner" {
  type        = string
  description = "Owning team, written to the owner tag of every resource and secret."

  validation {
    condition     = length(trimspace(var.owner)) > 0
    error_message = "owner must name the owning team."
  }
}

variable "github_repository" {
  type        = string
  description = "GitHub repository as OWNER/NAME, the only repository whose workflows the federated credentials trust."

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must be OWNER/NAME, without wildcards."
  }
}

variable "terraform_apply_principal_id" {
  type        = string
  description = "Object ID of the Terraform apply identity (created by terraform/bootstrap); it writes the database and administrator secrets."

  validation {
    condition     = can(regex("^[0-9a-fA-F-]{36}$", var.terraform_apply_principal_id))
    error_message = "terraform_apply_principal_id must be an object ID (GUID)."
  }
}

variable "terraform_plan_principal_id" {
  type        = string
  description = "Object ID of the Terraform plan identity (created by terraform/bootstrap), or null."
  default     = null

  validation {
    condition     = var.terraform_plan_principal_id == null || can(regex("^[0-9a-fA-F-]{36}$", coalesce(var.terraform_plan_principal_id, "x")))
    error_message = "terraform_plan_principal_id must be an object ID (GUID) or null."
  }
}

variable "auditor_principal_ids" {
  type        = map(string)
  description = "Auditors (label => Entra object ID, preferably a group) granted Key Vault Reader: configuration and metadata, never secret values."
  default     = {}
}

variable "aks_admin_group_object_ids" {
  type        = list(string)
  description = "Entra groups with cluster-admin on AKS (break-glass)."

  validation {
    condition     = length(var.aks_admin_group_object_ids) > 0
    error_message = "aks_admin_group_object_ids must list at least one group: local accounts are disabled."
  }
}

variable "postgres_entra_admin" {
  type = object({
    object_id      = string
    principal_name = string
    principal_type = string
  })
  description = "Entra administrator of the database server (a group)."
}

variable "address_space" {
  type        = string
  description = "CIDR of the environment's virtual network (a /16 is split into the subnets)."
  default     = "10.40.0.0/16"

  validation {
    condition     = can(cidrhost(var.address_space, 0)) && tonumber(split("/", var.address_space)[1]) <= 16
    error_message = "address_space must be a valid IPv4 CIDR of size /16 or larger."
  }
}

variable "zones" {
  type        = list(string)
  description = "Availability zones for AKS node pools and PostgreSQL HA; [] in dev."
  default     = []

  validation {
    condition     = alltrue([for z in var.zones : contains(["1", "2", "3"], z)])
    error_message = "zones may only contain \"1\", \"2\" and \"3\"."
  }
}

variable "kubernetes_version" {
  type        = string
  description = "AKS minor version, or null for the region default."
  default     = null
}

variable "aks_sku_tier" {
  type        = string
  description = "AKS control plane tier (Free in dev, Standard in prod)."
  default     = "Standard"
}

variable "system_node_vm_size" {
  type        = string
  description = "VM size of the AKS system pool."
  default     = "Standard_D2ds_v5"
}

variable "system_node_min_count" {
  type        = number
  description = "Minimum AKS system nodes."
  default     = 1
}

variable "system_node_max_count" {
  type        = number
  description = "Maximum AKS system nodes."
  default     = 3
}

variable "app_node_vm_size" {
  type        = string
  description = "VM size of the AKS application pool."
  default     = "Standard_D4ds_v5"
}

variable "app_node_min_count" {
  type        = number
  description = "Minimum AKS application nodes."
  default     = 1
}

variable "app_node_max_count" {
  type        = number
  description = "Maximum AKS application nodes."
  default     = 5
}

variable "api_server_authorized_ip_ranges" {
  type        = list(string)
  description = "CIDRs allowed to reach the AKS API server."
  default     = []
}

variable "acr_sku" {
  type        = string
  description = "Container registry tier."
  default     = "Premium"
}

variable "acr_allowed_ip_ranges" {
  type        = list(string)
  description = "CIDRs allowed to reach the registry's public endpoint (Premium only); empty allows any authenticated client."
  default     = []
}

variable "promote_from_registry_id" {
  type        = string
  description = "Registry whose images this environment imports (prod: dev's registry); the delivery identity gets AcrPull there. null for none."
  default     = null
}

variable "key_vault_allowed_ip_ranges" {
  type        = list(string)
  description = "Public CIDRs allowed to reach Key Vault (the Terraform runner's egress). Empty disables the public endpoint entirely (then run Terraform from inside the network)."
  default     = []
}

variable "postgres_sku_name" {
  type        = string
  description = "PostgreSQL compute SKU."
  default     = "GP_Standard_D2ds_v5"
}

variable "postgres_storage_mb" {
  type        = number
  description = "PostgreSQL storage in MB."
  default     = 32768
}

variable "postgres_high_availability_enabled" {
  type        = bool
  description = "Zone-redundant HA for PostgreSQL (prod)."
  default     = true
}

variable "postgres_backup_retention_days" {
  type        = number
  description = "PostgreSQL point-in-time restore window in days."
  default     = 35
}

variable "postgres_geo_redundant_backup_enabled" {
  type        = bool
  description = "Geo-redundant PostgreSQL backups (prod)."
  default     = true
}

variable "secret_rotation_days" {
  type        = number
  description = "Days until the database password and the first administrator's password are regenerated and their secrets expire."
  default     = 90
}

variable "log_retention_days" {
  type        = number
  description = "Log Analytics retention (audit logs included)."
  default     = 90
}

variable "managed_prometheus_enabled" {
  type        = bool
  description = "Azure Monitor managed Prometheus workspace and AKS metrics add-on."
  default     = false
}

variable "managed_grafana_enabled" {
  type        = bool
  description = "Azure Managed Grafana on top of managed Prometheus."
  default     = false
}

variable "tags" {
  type        = map(string)
  description = "Extra tags for every resource."
  default     = {}
}

variable "oidc_client_secret" {
  type        = string
  description = "Client secret of the application's Entra ID app registration, stored as the Key Vault secret dl-auth-oidc-client-secret for OpenID Connect sign-in (config.auth.mode=oidc). Null (the default) creates no secret. Sensitive: give it as TF_VAR_oidc_client_secret, never in a tfvars file."
  default     = null
  sensitive   = true

  validation {
    condition     = var.oidc_client_secret == null || length(coalesce(var.oidc_client_secret, "x")) >= 16
    error_message = "oidc_client_secret must be the app registration's secret value (16 characters or more), or null."
  }
}

variable "oidc_client_secret_expires_at" {
  type        = string
  description = "When the app registration's client secret expires (RFC 3339, e.g. 2027-11-30T00:00:00Z): the Key Vault secret expires with it, so the expiry alert fires before sign-in breaks. Required with oidc_client_secret."
  default     = null

  validation {
    condition     = var.oidc_client_secret_expires_at == null || can(regex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$", coalesce(var.oidc_client_secret_expires_at, "x")))
    error_message = "oidc_client_secret_expires_at must be an RFC 3339 UTC time such as 2027-11-30T00:00:00Z, or null."
  }
}
