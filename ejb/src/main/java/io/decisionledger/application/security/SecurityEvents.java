package io.decisionledger.application.security;

import io.decisionledger.application.Page;
import io.decisionledger.domain.model.security.Roles;
import io.decisionledger.domain.model.security.SecurityEvent;
import io.decisionledger.domain.model.security.SecurityEventType;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The security audit trail: written in its own transaction (a refused request still leaves its
 * line), read by auditors and administrators. It also goes to the log, for Loki, without secrets.
 */
@Stateless
public class SecurityEvents {

  private static final Logger LOG = Logger.getLogger("io.decisionledger.security.audit");

  @PersistenceContext EntityManager em;

  /** Records one event. Never pass a secret: principal names and short reasons only. */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(SecurityEventType type, String principal, String source, String detail) {
    em.persist(new SecurityEvent(type, principal, source, detail, Instant.now()));
    LOG.info(() -> "security event " + type + " principal=" + principal + " source=" + source
        + (detail == null ? "" : " detail=" + detail));
  }

  @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
  public Page<SecurityEvent> list(int offset, int limit) {
    var items = em.createQuery(
            "select e from SecurityEvent e order by e.occurredAt desc, e.id desc", SecurityEvent.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
    long total = em.createQuery("select count(e) from SecurityEvent e", Long.class).getSingleResult();
    return new Page<>(items, total, offset, limit);
  }
}
