# tflint configuration for GitHub Actions: the bundled terraform ruleset plus the azurerm ruleset
# (downloaded by `tflint --init`, which this machine cannot do).
config {
  call_module_type = "local"
}

plugin "terraform" {
  enabled = true
  preset  = "all"
}

plugin "azurerm" {
  enabled = true
  version = "0.29.0"
  source  = "github.com/terraform-linters/tflint-ruleset-azurerm"
}
