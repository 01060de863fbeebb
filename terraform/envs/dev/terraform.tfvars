# dev: small and cheap, no zones, no HA, locally redundant backups. Identifiers below are
# placeholders: replace them with your own (docs/azure.md, "First apply").
environment = "dev"
location    = "westeurope"
name_suffix = "a1b2"
owner       = "team-decision-ledger"

zones                 = []
aks_sku_tier          = "Free"
system_node_vm_size   = "Standard_D2ds_v5"
system_node_min_count = 1
system_node_max_count = 2
app_node_vm_size      = "Standard_D2ds_v5"
app_node_min_count    = 1
app_node_max_count    = 3

acr_sku = "Standard"

postgres_sku_name                     = "B_Standard_B1ms"
postgres_storage_mb                   = 32768
postgres_high_availability_enabled    = false
postgres_geo_redundant_backup_enabled = false
postgres_backup_retention_days        = 7

log_retention_days         = 30
managed_prometheus_enabled = false
managed_grafana_enabled    = false
