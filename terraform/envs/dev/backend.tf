# Remote state in the account made by terraform/bootstrap. Entra ID only (no storage keys, no SAS).
# resource_group_name and storage_account_name come from -backend-config at init (the GitHub
# variables TFSTATE_RESOURCE_GROUP and TFSTATE_STORAGE_ACCOUNT); see docs/azure.md.
terraform {
  backend "azurerm" {
    container_name   = "tfstate"
    key              = "decision-ledger/dev.tfstate"
    use_azuread_auth = true
  }
}
