package io.decisionledger.domain.model.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the security audit trail. Immutable: the application never changes or deletes it. */
@Entity
@Table(name = "security_event")
public class SecurityEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32, updatable = false)
  private SecurityEventType type;

  @Column(length = 100, updatable = false)
  private String principal;

  @Column(length = 64, updatable = false)
  private String source;

  @Column(length = 500, updatable = false)
  private String detail;

  protected SecurityEvent() {}

  public SecurityEvent(SecurityEventType type, String principal, String source, String detail,
      Instant now) {
    this.type = type;
    this.principal = clip(principal, 100);
    this.source = clip(source, 64);
    this.detail = clip(detail, 500);
    this.occurredAt = now;
  }

  private static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public SecurityEventType getType() {
    return type;
  }

  public String getPrincipal() {
    return principal;
  }

  public String getSource() {
    return source;
  }

  public String getDetail() {
    return detail;
  }
}
