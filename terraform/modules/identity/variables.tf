variable "name" {
  type        = string
  description = "Name of the user-assigned managed identity."

  validation {
    condition     = can(regex("^[a-zA-Z0-9][a-zA-Z0-9_-]{2,127}$", var.name))
    error_message = "name must be 3-128 characters of letters, digits, '-' and '_', starting with a letter or digit."
  }
}

variable "location" {
  type        = string
  description = "Azure region of the identity."

  validation {
    condition     = length(trimspace(var.location)) > 0
    error_message = "location must not be empty."
  }
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the identity."

  validation {
    condition     = length(var.resource_group_name) >= 1 && length(var.resource_group_name) <= 90
    error_message = "resource_group_name must be 1-90 characters."
  }
}

variable "federated_credentials" {
  type = map(object({
    issuer   = string
    subject  = string
    audience = optional(string, "api://AzureADTokenExchange")
  }))
  description = <<-EOT
    Federated credentials (OIDC trust) by name. Examples:
    GitHub Actions environment: issuer "https://token.actions.githubusercontent.com", subject "repo:OWNER/REPO:environment:prod";
    Kubernetes service account: issuer = the AKS OIDC issuer URL, subject "system:serviceaccount:NAMESPACE:NAME".
    Subjects must be exact: no wildcards, no whole-repository trust.
  EOT
  default     = {}

  validation {
    condition     = alltrue([for c in values(var.federated_credentials) : startswith(c.issuer, "https://")])
    error_message = "Every federated credential issuer must be an https:// URL."
  }

  validation {
    condition = alltrue([for c in values(var.federated_credentials) :
      can(regex("^repo:[^/:*]+/[^/:*]+:(environment:[^:*]+|ref:refs/heads/[^:*]+|ref:refs/tags/[^:*]+|pull_request)$", c.subject)) ||
      can(regex("^system:serviceaccount:[a-z0-9-]+:[a-z0-9-]+$", c.subject))
    ])
    error_message = "Each federated credential subject must be a GitHub subject (repo:OWNER/REPO:environment:NAME, :ref:refs/heads/BRANCH, :ref:refs/tags/TAG or :pull_request) or a Kubernetes one (system:serviceaccount:NAMESPACE:NAME), without wildcards."
  }
}

variable "role_assignments" {
  type = map(object({
    scope                = string
    role_definition_name = string
    condition            = optional(string)
    condition_version    = optional(string)
  }))
  description = "Azure roles granted to the identity, by stable label. Keep scopes as narrow as the job allows."
  default     = {}

  validation {
    condition     = alltrue([for a in values(var.role_assignments) : !contains(["Owner", "User Access Administrator"], a.role_definition_name) || a.condition != null])
    error_message = "Owner and User Access Administrator may only be granted with an ABAC condition that limits which roles can be assigned."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to the identity."
  default     = {}
}
