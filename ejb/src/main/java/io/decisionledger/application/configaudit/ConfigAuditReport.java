package io.decisionledger.application.configaudit;

import java.time.Instant;
import java.util.List;

/**
 * The configuration as an auditor reviews it: every registered property, then any other {@code
 * dl.*} property some source sets, in registry order.
 *
 * @param generatedAt when the values were read
 * @param variableDirectories the directories Liberty reads variable files from (mounted secrets)
 * @param properties one entry a property
 */
public record ConfigAuditReport(
    Instant generatedAt, List<String> variableDirectories, List<ConfigAuditEntry> properties) {

  public ConfigAuditReport {
    variableDirectories = List.copyOf(variableDirectories);
    properties = List.copyOf(properties);
  }
}
