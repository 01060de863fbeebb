variable "name" {
  type        = string
  description = "Name of the Log Analytics workspace; also the prefix of the optional Prometheus workspace and Grafana."

  validation {
    condition     = can(regex("^[a-zA-Z0-9][a-zA-Z0-9-]{2,61}[a-zA-Z0-9]$", var.name))
    error_message = "name must be 4-63 characters of letters, digits and '-', starting and ending with a letter or digit (Log Analytics naming rule)."
  }
}

variable "location" {
  type        = string
  description = "Azure region of the workspace."

  validation {
    condition     = length(trimspace(var.location)) > 0
    error_message = "location must not be empty."
  }
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the monitoring resources."

  validation {
    condition     = length(var.resource_group_name) >= 1 && length(var.resource_group_name) <= 90
    error_message = "resource_group_name must be 1-90 characters."
  }
}

variable "retention_in_days" {
  type        = number
  description = "How long the workspace keeps logs, including the Key Vault AuditEvent log auditors query (30-730 days)."
  default     = 90

  validation {
    condition     = var.retention_in_days >= 30 && var.retention_in_days <= 730
    error_message = "retention_in_days must be between 30 and 730 days."
  }
}

variable "daily_quota_gb" {
  type        = number
  description = "Daily ingestion cap in GB; -1 for none. A cap protects the budget but drops logs once reached."
  default     = -1

  validation {
    condition     = var.daily_quota_gb == -1 || var.daily_quota_gb >= 0.023
    error_message = "daily_quota_gb must be -1 (no cap) or at least 0.023."
  }
}

variable "managed_prometheus_enabled" {
  type        = bool
  description = "Create an Azure Monitor workspace for managed Prometheus metrics."
  default     = false
}

variable "managed_grafana_enabled" {
  type        = bool
  description = "Create an Azure Managed Grafana linked to the Prometheus workspace (needs managed_prometheus_enabled)."
  default     = false

  validation {
    condition     = !var.managed_grafana_enabled || var.managed_prometheus_enabled
    error_message = "managed_grafana_enabled needs managed_prometheus_enabled = true: Grafana reads the Prometheus workspace."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every resource of the module."
  default     = {}
}
