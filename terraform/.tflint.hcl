# tflint configuration used by the checks module (TerraformLintTest) on this machine: only the
# terraform ruleset bundled with tflint, since plugins cannot be downloaded here.
# .github/workflows/terraform.yml additionally runs the azurerm ruleset (.tflint.azurerm.hcl).
config {
  call_module_type = "local"
}

plugin "terraform" {
  enabled = true
  preset  = "all"
}
