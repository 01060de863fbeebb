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
import java.util.ArrayList;
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

  /** The command an auditor runs on the Key Vault value to get the same fingerprint. */
  public String getFingerprintCommand() {
    return ConfigAuditDtos.FINGERPRINT_COMMAND;
  }

  /** A piece of a meaning: plain text, or code (between backticks in the registry's Markdown). */
  public record Segment(String text, boolean code) {}

  /** The registry's one-line Markdown meaning, split so the page shows `…` as code. */
  public List<Segment> inline(String markdown) {
    List<Segment> segments = new ArrayList<>();
    if (markdown == null) {
      return segments;
    }
    String[] parts = markdown.split("`", -1);
    for (int i = 0; i < parts.length; i++) {
      if (!parts[i].isEmpty()) {
        segments.add(new Segment(parts[i], i % 2 == 1));
      }
    }
    return segments;
  }

  /** To the second, in UTC: an auditor compares it with Key Vault's "updated" time. */
  public String time(Instant instant) {
    return instant == null ? Format.NONE : SECONDS.format(instant) + " UTC";
  }
}
