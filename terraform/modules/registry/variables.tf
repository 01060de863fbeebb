variable "name" {
  type        = string
  description = "Globally unique name of the container registry (5-50 letters and digits)."

  validation {
    condition     = can(regex("^[a-zA-Z0-9]{5,50}$", var.name))
    error_message = "name must be 5-50 letters and digits only (Azure Container Registry naming rule)."
  }
}

variable "location" {
  type        = string
  description = "Azure region of the registry."

  validation {
    condition     = length(trimspace(var.location)) > 0
    error_message = "location must not be empty."
  }
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the registry."

  validation {
    condition     = length(var.resource_group_name) >= 1 && length(var.resource_group_name) <= 90
    error_message = "resource_group_name must be 1-90 characters."
  }
}

variable "sku" {
  type        = string
  description = "Registry tier: Basic, Standard or Premium. Premium adds zone redundancy, retention of untagged manifests and network rules."
  default     = "Premium"

  validation {
    condition     = contains(["Basic", "Standard", "Premium"], var.sku)
    error_message = "sku must be one of Basic, Standard or Premium."
  }
}

variable "public_network_access_enabled" {
  type        = bool
  description = "Allow pushes and pulls over the public endpoint (needed for GitHub-hosted runners). Off by default."
  default     = false
}

variable "allowed_ip_ranges" {
  type        = list(string)
  description = "CIDR ranges allowed through the public endpoint when it is enabled (Premium only); empty allows all authenticated clients."
  default     = []

  validation {
    condition     = alltrue([for r in var.allowed_ip_ranges : can(cidrhost(r, 0))])
    error_message = "allowed_ip_ranges must contain only valid IPv4 CIDRs such as 203.0.113.0/24."
  }
}

variable "untagged_retention_days" {
  type        = number
  description = "Days before untagged manifests are deleted (Premium only)."
  default     = 7

  validation {
    condition     = var.untagged_retention_days >= 0 && var.untagged_retention_days <= 365
    error_message = "untagged_retention_days must be between 0 and 365."
  }
}

variable "log_analytics_workspace_id" {
  type        = string
  description = "Log Analytics workspace that receives the registry's login and repository events."

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
