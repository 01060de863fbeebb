terraform {
  required_version = ">= 1.6.0"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.50"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7"
    }
    time = {
      source  = "hashicorp/time"
      version = "~> 0.13"
    }
  }
}

provider "azurerm" {
  # Entra ID everywhere: the state account and the storage data plane accept no shared keys.
  storage_use_azuread = true
  subscription_id     = var.subscription_id

  features {
    key_vault {
      # Never purge on destroy: purge protection keeps deleted secrets for 90 days anyway.
      purge_soft_delete_on_destroy    = false
      recover_soft_deleted_key_vaults = true
    }
    resource_group {
      prevent_deletion_if_contains_resources = true
    }
  }
}
