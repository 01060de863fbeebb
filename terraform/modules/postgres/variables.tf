variable "name" {
  type        = string
  description = "Globally unique name of the PostgreSQL Flexible Server (3-63 lowercase letters, digits and '-')."

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", var.name))
    error_message = "name must be 3-63 lowercase letters, digits and '-', starting and ending with a letter or digit."
  }
}

variable "location" {
  type        = string
  description = "Azure region of the server."

  validation {
    condition     = length(trimspace(var.location)) > 0
    error_message = "location must not be empty."
  }
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the server."

  validation {
    condition     = length(var.resource_group_name) >= 1 && length(var.resource_group_name) <= 90
    error_message = "resource_group_name must be 1-90 characters."
  }
}

variable "postgres_version" {
  type        = string
  description = "Major PostgreSQL version."
  default     = "17"

  validation {
    condition     = contains(["15", "16", "17"], var.postgres_version)
    error_message = "postgres_version must be 15, 16 or 17."
  }
}

variable "sku_name" {
  type        = string
  description = "Compute SKU, tier prefix included, for example B_Standard_B1ms (dev) or GP_Standard_D2ds_v5 (prod)."

  validation {
    condition     = can(regex("^(B|GP|MO)_Standard_", var.sku_name))
    error_message = "sku_name must start with B_Standard_, GP_Standard_ or MO_Standard_ (for example GP_Standard_D2ds_v5)."
  }
}

variable "storage_mb" {
  type        = number
  description = "Storage size in MB (32768 = 32 GiB)."
  default     = 32768

  validation {
    condition     = contains([32768, 65536, 131072, 262144, 524288, 1048576, 2097152, 4193280, 4194304, 8388608, 16777216, 33553408], var.storage_mb)
    error_message = "storage_mb must be one of the sizes Flexible Server offers: 32768, 65536, 131072, 262144, 524288, 1048576, ..."
  }
}

variable "delegated_subnet_id" {
  type        = string
  description = "Subnet delegated to Microsoft.DBforPostgreSQL/flexibleServers: the server gets a private address only."

  validation {
    condition     = can(regex("(?i)/subnets/[^/]+$", var.delegated_subnet_id))
    error_message = "delegated_subnet_id must be the resource ID of a subnet."
  }
}

variable "private_dns_zone_id" {
  type        = string
  description = "Private DNS zone (*.postgres.database.azure.com) linked to the virtual network."

  validation {
    condition     = can(regex("(?i)/privateDnsZones/.+\\.postgres\\.database\\.azure\\.com$", var.private_dns_zone_id))
    error_message = "private_dns_zone_id must be the resource ID of a private DNS zone ending in .postgres.database.azure.com."
  }
}

variable "zone" {
  type        = string
  description = "Availability zone of the primary; null lets Azure choose."
  default     = null

  validation {
    condition     = var.zone == null || contains(["1", "2", "3"], coalesce(var.zone, "x"))
    error_message = "zone must be null, \"1\", \"2\" or \"3\"."
  }
}

variable "high_availability_enabled" {
  type        = bool
  description = "Zone-redundant high availability (a hot standby in another zone). Required in prod."
  default     = true
}

variable "standby_zone" {
  type        = string
  description = "Availability zone of the standby when high availability is on."
  default     = "2"

  validation {
    condition     = contains(["1", "2", "3"], var.standby_zone)
    error_message = "standby_zone must be \"1\", \"2\" or \"3\"."
  }
}

variable "backup_retention_days" {
  type        = number
  description = "Days of point-in-time restore (7-35)."
  default     = 35

  validation {
    condition     = var.backup_retention_days >= 7 && var.backup_retention_days <= 35
    error_message = "backup_retention_days must be between 7 and 35."
  }
}

variable "geo_redundant_backup_enabled" {
  type        = bool
  description = "Copy backups to the paired region. Cannot be changed after creation. Required in prod."
  default     = true
}

variable "tenant_id" {
  type        = string
  description = "Entra ID tenant for Entra authentication on the server."

  validation {
    condition     = can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", var.tenant_id))
    error_message = "tenant_id must be a GUID."
  }
}

variable "entra_admin" {
  type = object({
    object_id      = string
    principal_name = string
    principal_type = string
  })
  description = "Entra ID administrator of the server (preferably a group): object ID, display name and type (Group, User or ServicePrincipal)."

  validation {
    condition     = contains(["Group", "User", "ServicePrincipal"], var.entra_admin.principal_type)
    error_message = "entra_admin.principal_type must be Group, User or ServicePrincipal."
  }
}

variable "administrator_login" {
  type        = string
  description = "Login of the password administrator the application uses until it moves to Entra tokens."
  default     = "dladmin"

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.administrator_login)) && !contains(["admin", "administrator", "root", "postgres", "azure_superuser", "azure_pg_admin", "guest", "public"], var.administrator_login)
    error_message = "administrator_login must be a lowercase identifier and not a reserved name (admin, administrator, root, postgres, azure_superuser, azure_pg_admin, guest, public)."
  }
}

variable "database_name" {
  type        = string
  description = "Name of the application's database."
  default     = "decisionledger"

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.database_name))
    error_message = "database_name must be a lowercase identifier of at most 63 characters."
  }
}

variable "key_vault_id" {
  type        = string
  description = "Key Vault that receives the connection secrets dl-db-url, dl-db-user and dl-db-password (the only place the generated password is written)."

  validation {
    condition     = can(regex("(?i)/providers/Microsoft.KeyVault/vaults/", var.key_vault_id))
    error_message = "key_vault_id must be the resource ID of a Key Vault."
  }
}

variable "secret_rotation_days" {
  type        = number
  description = "Days after which the password is regenerated and the secrets expire (the next apply after that date rotates them)."
  default     = 90

  validation {
    condition     = var.secret_rotation_days >= 7 && var.secret_rotation_days <= 365
    error_message = "secret_rotation_days must be between 7 and 365."
  }
}

variable "secret_owner" {
  type        = string
  description = "Team that owns the secrets (tag owner on each secret)."

  validation {
    condition     = length(trimspace(var.secret_owner)) > 0
    error_message = "secret_owner must name an owning team."
  }
}

variable "log_analytics_workspace_id" {
  type        = string
  description = "Log Analytics workspace that receives the server's logs."

  validation {
    condition     = can(regex("(?i)/providers/Microsoft.OperationalInsights/workspaces/", var.log_analytics_workspace_id))
    error_message = "log_analytics_workspace_id must be the resource ID of a Log Analytics workspace."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every resource of the module."
  default     = {}
}
