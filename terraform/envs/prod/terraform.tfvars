# prod: three zones, zone-redundant PostgreSQL HA, geo-redundant backups, paid AKS control plane.
# Identifiers below are placeholders: replace them with your own (docs/azure.md, "First apply").
environment = "prod"
location    = "westeurope"
name_suffix = "a1b2"
owner       = "team-decision-ledger"

zones                 = ["1", "2", "3"]
aks_sku_tier          = "Standard"
system_node_vm_size   = "Standard_D2ds_v5"
system_node_min_count = 2
system_node_max_count = 3
app_node_vm_size      = "Standard_D4ds_v5"
app_node_min_count    = 2
app_node_max_count    = 6

acr_sku = "Premium"

postgres_sku_name                     = "GP_Standard_D2ds_v5"
postgres_storage_mb                   = 65536
postgres_high_availability_enabled    = true
postgres_geo_redundant_backup_enabled = true
postgres_backup_retention_days        = 35

log_retention_days         = 90
managed_prometheus_enabled = false # the data collection rule wiring is not in the aks module yet
managed_grafana_enabled    = false
