package io.decisionledger.interfaces.configaudit.web;

import io.decisionledger.application.configaudit.ConfigAuditEntry;
import io.decisionledger.application.configaudit.ConfigAuditReport;
import io.decisionledger.application.configaudit.ConfigAuditService;
import io.decisionledger.interfaces.configaudit.rest.ConfigAuditDtos;
import io.decisionledger.interfaces.web.Format;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The configuration audit page. Request-scoped: the registry is a few dozen rows, read fresh on
 * every visit, and nothing of it (least of all a fingerprint) stays in the session.
 */
@Named("configAudit")
@RequestScoped
public class ConfigAuditBean {

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Inject ConfigAuditService audit;

  private ConfigAuditReport report;

  @PostConstruct
  void load() {
    report = audit.report();
  }

  public List<ConfigAuditEntry> getProperties() {
    return report.properties();
  }

  public List<String> getVariableDirectories() {
    return report.variableDirectories();
  }

  public Instant getGeneratedAt() {
    return report.generatedAt();
  }

  public long getSecretCount() {
    return report.properties().stream().filter(ConfigAuditEntry::secret).count();
  }

  public long getUnregisteredCount() {
    return report.properties().stream().filter(e -> !e.registered()).count();
  }

  public String getFingerprintMethod() {
    return ConfigAuditDtos.FINGERPRINT_METHOD;
  }

  /** To the second, in UTC: an auditor compares it with Key Vault's "updated" time. */
  public String time(Instant instant) {
    return instant == null ? Format.NONE : SECONDS.format(instant) + " UTC";
  }
}
