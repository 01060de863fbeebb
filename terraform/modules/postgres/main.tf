# PostgreSQL Flexible Server with private access only (delegated subnet + private DNS), TLS
# enforced, Entra authentication, backups; the generated password goes to Key Vault and nowhere else.

# The password rotates: once rotation_days have passed, the next apply generates a new one and
# writes it to the server and to Key Vault together. The secrets expire at the same date.
resource "time_rotating" "password" {
  rotation_days = var.secret_rotation_days
}

resource "random_password" "administrator" {
  length           = 40
  special          = true
  override_special = "-_.~"
  min_lower        = 4
  min_upper        = 4
  min_numeric      = 4

  keepers = {
    rotation = time_rotating.password.id
  }
}

resource "azurerm_postgresql_flexible_server" "this" {
  name                          = var.name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  version                       = var.postgres_version
  sku_name                      = var.sku_name
  storage_mb                    = var.storage_mb
  auto_grow_enabled             = true
  zone                          = var.zone
  delegated_subnet_id           = var.delegated_subnet_id
  private_dns_zone_id           = var.private_dns_zone_id
  public_network_access_enabled = false
  administrator_login           = var.administrator_login
  administrator_password        = random_password.administrator.result
  backup_retention_days         = var.backup_retention_days
  geo_redundant_backup_enabled  = var.geo_redundant_backup_enabled
  tags                          = var.tags

  authentication {
    active_directory_auth_enabled = true
    password_auth_enabled         = true
    tenant_id                     = var.tenant_id
  }

  dynamic "high_availability" {
    for_each = var.high_availability_enabled ? [1] : []

    content {
      mode                      = "ZoneRedundant"
      standby_availability_zone = var.standby_zone
    }
  }

  maintenance_window {
    day_of_week  = 0
    start_hour   = 3
    start_minute = 0
  }

  lifecycle {
    # Azure may swap primary and standby after a failover.
    ignore_changes = [zone, high_availability[0].standby_availability_zone]
  }
}

# TLS is mandatory and at least 1.2.
resource "azurerm_postgresql_flexible_server_configuration" "require_secure_transport" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.this.id
  value     = "on"
}

resource "azurerm_postgresql_flexible_server_configuration" "ssl_min_protocol_version" {
  name      = "ssl_min_protocol_version"
  server_id = azurerm_postgresql_flexible_server.this.id
  value     = "TLSv1.2"
}

resource "azurerm_postgresql_flexible_server_configuration" "log_connections" {
  name      = "log_connections"
  server_id = azurerm_postgresql_flexible_server.this.id
  value     = "on"
}

resource "azurerm_postgresql_flexible_server_configuration" "log_disconnections" {
  name      = "log_disconnections"
  server_id = azurerm_postgresql_flexible_server.this.id
  value     = "on"
}

# Extensions the application's migrations create (Flyway, ejb/src/main/resources/db/migration):
# Azure lets a database create only allow-listed ones. pg_trgm: trigram indexes for the
# experiments list's text filter (V9).
resource "azurerm_postgresql_flexible_server_configuration" "extensions" {
  name      = "azure.extensions"
  server_id = azurerm_postgresql_flexible_server.this.id
  value     = "PG_TRGM"
}

resource "azurerm_postgresql_flexible_server_active_directory_administrator" "this" {
  server_name         = azurerm_postgresql_flexible_server.this.name
  resource_group_name = var.resource_group_name
  tenant_id           = var.tenant_id
  object_id           = var.entra_admin.object_id
  principal_name      = var.entra_admin.principal_name
  principal_type      = var.entra_admin.principal_type
}

resource "azurerm_postgresql_flexible_server_database" "app" {
  name      = var.database_name
  server_id = azurerm_postgresql_flexible_server.this.id
  charset   = "UTF8"
  collation = "en_US.utf8"

  lifecycle {
    prevent_destroy = true
  }
}

resource "azurerm_monitor_diagnostic_setting" "this" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_postgresql_flexible_server.this.id
  log_analytics_workspace_id = var.log_analytics_workspace_id

  enabled_log {
    category = "PostgreSQLLogs"
  }

  enabled_metric {
    category = "AllMetrics"
  }
}

# The connection settings the application reads as MicroProfile Config properties dl.db.url,
# dl.db.user and dl.db.password. Key Vault names cannot contain dots, so they are stored as
# dl-db-*; the chart's SecretProviderClass maps them back (objectAlias) to files named dl.db.*
# under /config/variables/.
locals {
  secret_tags = {
    owner               = var.secret_owner
    data-classification = "confidential"
    rotation            = "${var.secret_rotation_days}d"
    source              = "terraform/modules/postgres"
  }

  connection_secrets = {
    "dl-db-url" = {
      value        = "jdbc:postgresql://${azurerm_postgresql_flexible_server.this.fqdn}:5432/${var.database_name}?sslmode=require"
      content_type = "text/plain; format=jdbc-url"
    }
    "dl-db-user" = {
      value        = var.administrator_login
      content_type = "text/plain; format=username"
    }
  }
}

resource "azurerm_key_vault_secret" "connection" {
  for_each = local.connection_secrets

  name            = each.key
  value           = each.value.value
  key_vault_id    = var.key_vault_id
  content_type    = each.value.content_type
  expiration_date = time_rotating.password.rotation_rfc3339
  tags            = merge(local.secret_tags, { data-classification = "internal" })
}

resource "azurerm_key_vault_secret" "password" {
  name            = "dl-db-password"
  value           = random_password.administrator.result
  key_vault_id    = var.key_vault_id
  content_type    = "text/plain; format=password"
  expiration_date = time_rotating.password.rotation_rfc3339
  tags            = local.secret_tags
}
