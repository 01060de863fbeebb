variable "subscription_id" {
  type        = string
  description = "Subscription that holds the state account and that the Terraform identities manage."

  validation {
    condition     = can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", var.subscription_id))
    error_message = "subscription_id must be a GUID."
  }
}

variable "location" {
  type        = string
  description = "Azure region of the state account."
  default     = "westeurope"

  validation {
    condition     = can(regex("^[a-z0-9]+$", var.location))
    error_message = "location must be an Azure region name in lowercase without spaces, such as westeurope."
  }
}

variable "storage_account_name" {
  type        = string
  description = "Globally unique name of the state storage account (3-24 lowercase letters and digits)."

  validation {
    condition     = can(regex("^[a-z0-9]{3,24}$", var.storage_account_name))
    error_message = "storage_account_name must be 3-24 lowercase letters and digits."
  }
}

variable "github_repository" {
  type        = string
  description = "GitHub repository (OWNER/NAME) whose workflows may run Terraform."

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must be OWNER/NAME, without wildcards."
  }
}

variable "environments" {
  type        = list(string)
  description = "Environments that get a Terraform apply identity (trusted for the GitHub environment of the same name) and a plan identity (trusted for pull requests)."
  default     = ["dev", "prod"]

  validation {
    condition     = length(var.environments) > 0 && alltrue([for e in var.environments : can(regex("^[a-z][a-z0-9-]{1,15}$", e))])
    error_message = "environments must be a non-empty list of short lowercase names such as dev and prod."
  }
}

variable "allowed_ip_ranges" {
  type        = list(string)
  description = "Public CIDRs allowed to reach the state account besides trusted Azure services (for example the runners' egress or your office). Empty allows any network, with Entra authentication still required."
  default     = []

  validation {
    condition     = alltrue([for r in var.allowed_ip_ranges : can(cidrhost(r, 0))])
    error_message = "allowed_ip_ranges must contain only valid IPv4 CIDRs such as 203.0.113.0/24."
  }
}

variable "owner" {
  type        = string
  description = "Owning team (owner tag)."
  default     = "team-decision-ledger"

  validation {
    condition     = length(trimspace(var.owner)) > 0
    error_message = "owner must name the owning team."
  }
}

variable "tags" {
  type        = map(string)
  description = "Extra tags for every resource."
  default     = {}
}
