package io.decisionledger.domain.model.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** A token a pipeline sends as {@code Authorization: Bearer}. Only its SHA-256 is kept. */
@Entity
@Table(name = "api_token")
public class ApiToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
  private String tokenHash;

  @Column(nullable = false, length = 16, updatable = false)
  private String prefix;

  @Column(nullable = false, length = 64, updatable = false)
  private String scopes;

  @Column(name = "created_by", nullable = false, length = 100, updatable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Version private long version;

  protected ApiToken() {}

  public ApiToken(String name, String tokenHash, String prefix, Set<TokenScope> scopes,
      String createdBy, Instant now, Duration lifetime) {
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("a token needs at least one scope");
    }
    this.name = Objects.requireNonNull(name, "name").strip();
    this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.scopes = TokenScope.format(scopes);
    this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
    this.createdAt = now;
    this.expiresAt = now.plus(lifetime);
  }

  /** Usable: neither revoked nor expired. */
  public boolean isActive(Instant now) {
    return revokedAt == null && expiresAt.isAfter(now);
  }

  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getPrefix() {
    return prefix;
  }

  public Set<TokenScope> getScopes() {
    return TokenScope.parse(scopes);
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public Instant getLastUsedAt() {
    return lastUsedAt;
  }
}
