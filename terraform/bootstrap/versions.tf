terraform {
  required_version = ">= 1.6.0"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.50"
    }
  }

  # Local state on purpose: this configuration creates the remote state account. Keep the
  # terraform.tfstate it writes in a safe place (docs/azure.md), or migrate it into the account.
}

provider "azurerm" {
  storage_use_azuread = true
  subscription_id     = var.subscription_id

  features {}
}
