variable "name" {
  type        = string
  description = "Name of the AKS cluster, also its DNS prefix."

  validation {
    condition     = can(regex("^[a-zA-Z0-9][a-zA-Z0-9-]{0,52}[a-zA-Z0-9]$", var.name))
    error_message = "name must be 2-54 characters of letters, digits and '-', starting and ending with a letter or digit."
  }
}

variable "location" {
  type        = string
  description = "Azure region of the cluster."

  validation {
    condition     = length(trimspace(var.location)) > 0
    error_message = "location must not be empty."
  }
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the cluster (its nodes live in a managed MC_ group)."

  validation {
    condition     = length(var.resource_group_name) >= 1 && length(var.resource_group_name) <= 90
    error_message = "resource_group_name must be 1-90 characters."
  }
}

variable "kubernetes_version" {
  type        = string
  description = "Kubernetes minor version (for example \"1.33\"); patches follow the automatic upgrade channel. null for the region's default."
  default     = null

  validation {
    condition     = var.kubernetes_version == null || can(regex("^1\\.[0-9]{2}$", coalesce(var.kubernetes_version, "x")))
    error_message = "kubernetes_version must be a minor version such as \"1.33\", or null."
  }
}

variable "sku_tier" {
  type        = string
  description = "Control plane tier: Free (dev, no SLA) or Standard (financially backed SLA)."
  default     = "Standard"

  validation {
    condition     = contains(["Free", "Standard", "Premium"], var.sku_tier)
    error_message = "sku_tier must be Free, Standard or Premium."
  }
}

variable "subnet_id" {
  type        = string
  description = "Subnet of the node pools (pods use an overlay network)."

  validation {
    condition     = can(regex("(?i)/subnets/[^/]+$", var.subnet_id))
    error_message = "subnet_id must be the resource ID of a subnet."
  }
}

variable "zones" {
  type        = list(string)
  description = "Availability zones of the node pools: [\"1\", \"2\", \"3\"] in prod, [] where the region or budget has none."
  default     = ["1", "2", "3"]

  validation {
    condition     = alltrue([for z in var.zones : contains(["1", "2", "3"], z)])
    error_message = "zones may only contain \"1\", \"2\" and \"3\"."
  }
}

variable "system_node_vm_size" {
  type        = string
  description = "VM size of the system node pool (critical add-ons only)."
  default     = "Standard_D2ds_v5"
}

variable "system_node_min_count" {
  type        = number
  description = "Minimum nodes of the system pool (autoscaler)."
  default     = 1

  validation {
    condition     = var.system_node_min_count >= 1 && var.system_node_min_count <= 10
    error_message = "system_node_min_count must be between 1 and 10."
  }
}

variable "system_node_max_count" {
  type        = number
  description = "Maximum nodes of the system pool (autoscaler)."
  default     = 3

  validation {
    condition     = var.system_node_max_count >= 1 && var.system_node_max_count <= 100
    error_message = "system_node_max_count must be between 1 and 100."
  }
}

variable "app_node_vm_size" {
  type        = string
  description = "VM size of the application node pool."
  default     = "Standard_D4ds_v5"
}

variable "app_node_min_count" {
  type        = number
  description = "Minimum nodes of the application pool (autoscaler)."
  default     = 1

  validation {
    condition     = var.app_node_min_count >= 0 && var.app_node_min_count <= 100
    error_message = "app_node_min_count must be between 0 and 100."
  }
}

variable "app_node_max_count" {
  type        = number
  description = "Maximum nodes of the application pool (autoscaler)."
  default     = 5

  validation {
    condition     = var.app_node_max_count >= 1 && var.app_node_max_count <= 1000
    error_message = "app_node_max_count must be between 1 and 1000."
  }
}

variable "os_disk_size_gb" {
  type        = number
  description = "Ephemeral OS disk size; must fit the VM size's cache or temporary disk."
  default     = 64

  validation {
    condition     = var.os_disk_size_gb >= 30 && var.os_disk_size_gb <= 2048
    error_message = "os_disk_size_gb must be between 30 and 2048."
  }
}

variable "tenant_id" {
  type        = string
  description = "Entra ID tenant for Kubernetes RBAC."

  validation {
    condition     = can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", var.tenant_id))
    error_message = "tenant_id must be a GUID."
  }
}

variable "admin_group_object_ids" {
  type        = list(string)
  description = "Entra groups with cluster-admin (break-glass); everyone else gets namespace-scoped Azure RBAC roles."

  validation {
    condition     = length(var.admin_group_object_ids) > 0
    error_message = "admin_group_object_ids must list at least one Entra group: local accounts are disabled, so without one nobody can administer the cluster."
  }
}

variable "api_server_authorized_ip_ranges" {
  type        = list(string)
  description = "CIDRs allowed to reach the public API server (the deploying runners' egress, operators). Empty leaves it open to any address, with Entra RBAC still required."
  default     = []

  validation {
    condition     = alltrue([for r in var.api_server_authorized_ip_ranges : can(cidrhost(r, 0))])
    error_message = "api_server_authorized_ip_ranges must contain only valid IPv4 CIDRs such as 203.0.113.0/24."
  }
}

variable "acr_id" {
  type        = string
  description = "Container registry the kubelet identity pulls from (AcrPull on that registry only)."

  validation {
    condition     = can(regex("(?i)/providers/Microsoft.ContainerRegistry/registries/", var.acr_id))
    error_message = "acr_id must be the resource ID of a container registry."
  }
}

variable "log_analytics_workspace_id" {
  type        = string
  description = "Log Analytics workspace for Container Insights and the control plane's audit logs."

  validation {
    condition     = can(regex("(?i)/providers/Microsoft.OperationalInsights/workspaces/", var.log_analytics_workspace_id))
    error_message = "log_analytics_workspace_id must be the resource ID of a Log Analytics workspace."
  }
}

variable "managed_prometheus_enabled" {
  type        = bool
  description = "Turn on the managed Prometheus metrics add-on (needs an Azure Monitor workspace and its data collection rule)."
  default     = false
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every resource of the module."
  default     = {}
}
