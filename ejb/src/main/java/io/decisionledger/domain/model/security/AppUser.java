package io.decisionledger.domain.model.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Someone who signs in: with a password (kept as a PBKDF2 hash) or through OpenID Connect (no
 * password). Holds roles and the state of the lock-out rule.
 */
@Entity
@Table(name = "app_user")
public class AppUser {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 100, updatable = false)
  private String username;

  @Column(name = "display_name", length = 200)
  private String displayName;

  @Column(name = "password_hash", length = 400)
  private String passwordHash;

  @Column(nullable = false)
  private boolean enabled = true;

  @Column(name = "failed_sign_ins", nullable = false)
  private int failedSignIns;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "last_sign_in_at")
  private Instant lastSignInAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "role", length = 16, nullable = false)
  private Set<String> roles = new TreeSet<>();

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected AppUser() {}

  public AppUser(String username, String displayName, Set<String> roles, Instant now) {
    this.username = normalise(username);
    this.displayName = clean(displayName);
    this.createdAt = Objects.requireNonNull(now, "now");
    this.updatedAt = now;
    assignRoles(roles, now);
  }

  /** User names compare without case and surrounding blanks. */
  public static String normalise(String username) {
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("username is required");
    }
    return username.strip().toLowerCase(Locale.ROOT);
  }

  public final void assignRoles(Set<String> roles, Instant now) {
    for (String role : roles) {
      if (!Roles.PEOPLE.contains(role)) {
        throw new IllegalArgumentException("Unknown role '" + role + "'");
      }
    }
    this.roles.clear();
    this.roles.addAll(roles);
    this.updatedAt = now;
  }

  /** A new display name (as an identity provider reports it); blank means none. */
  public void rename(String displayName, Instant now) {
    String cleaned = clean(displayName);
    if (!Objects.equals(cleaned, this.displayName)) {
      this.displayName = cleaned;
      this.updatedAt = now;
    }
  }

  private static String clean(String displayName) {
    if (displayName == null || displayName.isBlank()) {
      return null;
    }
    String stripped = displayName.strip();
    return stripped.length() > 200 ? stripped.substring(0, 200) : stripped;
  }

  public void changePasswordHash(String hash, Instant now) {
    this.passwordHash = Objects.requireNonNull(hash, "hash");
    this.updatedAt = now;
  }

  public void enable(boolean enabled, Instant now) {
    this.enabled = enabled;
    this.updatedAt = now;
  }

  public boolean isLocked(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  /**
   * Counts a failed sign-in; at {@code maxFailures} in a row the account locks for {@code
   * lockFor}.
   *
   * @return whether this failure locked the account
   */
  public boolean failedSignIn(int maxFailures, Duration lockFor, Instant now) {
    failedSignIns++;
    if (failedSignIns >= maxFailures) {
      failedSignIns = 0;
      lockedUntil = now.plus(lockFor);
      return true;
    }
    return false;
  }

  public void signedIn(Instant now) {
    failedSignIns = 0;
    lockedUntil = null;
    lastSignInAt = now;
  }

  public void unlock(Instant now) {
    failedSignIns = 0;
    lockedUntil = null;
    updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getDisplayName() {
    return displayName == null ? username : displayName;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public int getFailedSignIns() {
    return failedSignIns;
  }

  public Instant getLockedUntil() {
    return lockedUntil;
  }

  public Instant getLastSignInAt() {
    return lastSignInAt;
  }

  public Set<String> getRoles() {
    return Set.copyOf(roles);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
