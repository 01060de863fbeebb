package io.decisionledger.application.configaudit;

import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.config.Config;

/**
 * The configuration audit (issue #4): every property the application reads, where its value comes
 * from, and for secrets only a mask and a fingerprint. Read-only; for auditors and administrators.
 */
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
@Stateless
public class ConfigAuditService {

  @Inject Config config;

  /** The audit as of now: read fresh each time, so a rotated secret shows its new fingerprint. */
  public ConfigAuditReport report() {
    ConfigAuditor auditor = new ConfigAuditor(ConfigRegistry.PROPERTIES,
        VariableFiles.ofThisServer(), config::getConfigValue, config.getPropertyNames());
    return auditor.audit(Instant.now(Clock.systemUTC()));
  }
}
