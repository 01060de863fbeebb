variable "name" {
  type        = string
  description = "Name of the virtual network, also the prefix of its subnets, security groups and DNS links."

  validation {
    condition     = can(regex("^[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}[a-zA-Z0-9_]$", var.name))
    error_message = "name must be 2-64 characters: letters, digits, '.', '_' or '-', starting with a letter or digit."
  }
}

variable "location" {
  type        = string
  description = "Azure region of the network, for example \"westeurope\"."

  validation {
    condition     = length(trimspace(var.location)) > 0
    error_message = "location must not be empty."
  }
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the network."

  validation {
    condition     = length(var.resource_group_name) >= 1 && length(var.resource_group_name) <= 90
    error_message = "resource_group_name must be 1-90 characters."
  }
}

variable "address_space" {
  type        = string
  description = "CIDR of the virtual network, for example \"10.40.0.0/16\"."

  validation {
    condition     = can(cidrhost(var.address_space, 0))
    error_message = "address_space must be a valid IPv4 CIDR such as 10.40.0.0/16."
  }
}

variable "aks_subnet_prefix" {
  type        = string
  description = "CIDR of the subnet for the AKS nodes (pods use an overlay network, so a /22 is plenty)."

  validation {
    condition     = can(cidrhost(var.aks_subnet_prefix, 0))
    error_message = "aks_subnet_prefix must be a valid IPv4 CIDR such as 10.40.0.0/22."
  }
}

variable "postgres_subnet_prefix" {
  type        = string
  description = "CIDR of the subnet delegated to PostgreSQL Flexible Server (private access); at least a /28."

  validation {
    condition     = can(cidrhost(var.postgres_subnet_prefix, 0)) && tonumber(split("/", var.postgres_subnet_prefix)[1]) <= 28
    error_message = "postgres_subnet_prefix must be a valid IPv4 CIDR of size /28 or larger, such as 10.40.8.0/24."
  }
}

variable "private_endpoints_subnet_prefix" {
  type        = string
  description = "CIDR of the subnet that holds private endpoints (Key Vault)."

  validation {
    condition     = can(cidrhost(var.private_endpoints_subnet_prefix, 0))
    error_message = "private_endpoints_subnet_prefix must be a valid IPv4 CIDR such as 10.40.9.0/24."
  }
}

variable "postgres_private_dns_zone_name" {
  type        = string
  description = "Private DNS zone for the PostgreSQL Flexible Server; must end in .postgres.database.azure.com."

  validation {
    condition     = endswith(var.postgres_private_dns_zone_name, ".postgres.database.azure.com")
    error_message = "postgres_private_dns_zone_name must end with .postgres.database.azure.com (Azure requires it for VNet-integrated servers)."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every resource of the module."
  default     = {}
}
