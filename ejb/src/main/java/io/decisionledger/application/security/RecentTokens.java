package io.decisionledger.application.security;

import io.decisionledger.application.security.TokenService.TokenIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Tokens this server checked against the database in the last {@link #RECHECK} (docs/architecture.md
 * D12): a pipeline posting many requests a second is checked once per interval, not once per
 * request (the check is a transaction with a query of its own). Only successes are remembered, by
 * the SHA-256 of the value (never the value); an unknown, revoked or expired token is checked and
 * audited on every request. A revocation on this server forgets everything at once; on another
 * replica the revoked token keeps working for at most {@link #RECHECK}. An entry also ends with
 * the token's expiry.
 */
@ApplicationScoped
public class RecentTokens {

  /** How long a successful check stands before the database is asked again. */
  public static final Duration RECHECK = Duration.ofSeconds(5);

  /** More distinct tokens than this within one interval: start over (bounded memory). */
  static final int MAX_ENTRIES = 10_000;

  private record Checked(TokenIdentity identity, Instant expiresAt, long checkedAt) {}

  private final ConcurrentHashMap<String, Checked> checked = new ConcurrentHashMap<>();
  private final LongSupplier clock;

  public RecentTokens() {
    this(System::nanoTime);
  }

  RecentTokens(LongSupplier nanoClock) {
    this.clock = nanoClock;
  }

  /** The identity of a token value checked less than {@link #RECHECK} ago and not expired. */
  public Optional<TokenIdentity> find(String value) {
    if (value == null || !value.startsWith(TokenService.VALUE_PREFIX) || value.length() > 100) {
      return Optional.empty();
    }
    String hash = TokenService.sha256(value);
    Checked entry = checked.get(hash);
    if (entry == null) {
      return Optional.empty();
    }
    if (clock.getAsLong() - entry.checkedAt() >= RECHECK.toNanos()
        || !entry.expiresAt().isAfter(Instant.now())) {
      checked.remove(hash, entry);
      return Optional.empty();
    }
    return Optional.of(entry.identity());
  }

  /** Remembers a token the database has just found active. */
  void remember(String tokenHash, TokenIdentity identity, Instant expiresAt) {
    if (checked.size() >= MAX_ENTRIES) {
      checked.clear();
    }
    checked.put(tokenHash, new Checked(identity, expiresAt, clock.getAsLong()));
  }

  /** Forgets every token (a token was revoked: the next request of each is checked again). */
  void forgetAll() {
    checked.clear();
  }
}
