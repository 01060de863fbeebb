package io.decisionledger.application.security;

import io.decisionledger.application.DomainException;
import io.decisionledger.application.FieldError;
import io.decisionledger.domain.model.security.ApiToken;
import io.decisionledger.domain.model.security.Roles;
import io.decisionledger.domain.model.security.SecurityEventType;
import io.decisionledger.domain.model.security.TokenScope;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API tokens for pipelines: created by administrators and shown once, kept as SHA-256, scoped,
 * expiring, revocable, with their last use recorded (at most once a minute, so ingestion does not
 * write a row per request). A successful check stands for {@link RecentTokens#RECHECK} on this
 * server ({@link RecentTokens}); a revocation ends that at once here.
 */
@Stateless
public class TokenService {

  /** What a valid token grants. */
  public record TokenIdentity(String name, Set<TokenScope> scopes) {
    public String principal() {
      return "token:" + name;
    }
  }

  /** A token just created: the only time its value exists outside the client. */
  public record CreatedToken(ApiToken token, String value) {}

  /** Token values start with this, so secret scanners and people recognise them. */
  public static final String VALUE_PREFIX = "dlt_";

  static final Duration MAX_LIFETIME = Duration.ofDays(366);
  private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext EntityManager em;

  @Inject SecurityEvents events;

  @Resource SessionContext context;

  @Resource TransactionSynchronizationRegistry transactions;

  @Inject RecentTokens recent;

  @RolesAllowed(Roles.ADMIN)
  public CreatedToken create(String name, String scopes, Duration lifetime) {
    List<FieldError> errors = new ArrayList<>();
    if (name == null || name.isBlank() || name.strip().length() > 100) {
      errors.add(new FieldError("name", "A name of 1 to 100 characters is required"));
    }
    Set<TokenScope> parsed = Set.of();
    try {
      parsed = TokenScope.parse(scopes);
      if (parsed.isEmpty()) {
        errors.add(new FieldError("scopes", "At least one scope is required: read, ingest"));
      }
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("scopes", e.getMessage()));
    }
    if (lifetime == null || lifetime.isNegative() || lifetime.isZero()
        || lifetime.compareTo(MAX_LIFETIME) > 0) {
      errors.add(new FieldError("expiresInDays", "A token lives 1 to 366 days"));
    }
    if (!errors.isEmpty()) {
      throw new DomainException.InvalidInput("The token request has invalid fields", errors);
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String value = VALUE_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    String creator = context.getCallerPrincipal().getName();
    ApiToken token = new ApiToken(name, sha256(value), value.substring(0, 10), parsed, creator,
        Instant.now(), lifetime);
    em.persist(token);
    events.record(SecurityEventType.TOKEN_CREATED, creator, null,
        "token '" + token.getName() + "' scopes " + TokenScope.format(parsed));
    return new CreatedToken(token, value);
  }

  @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
  public List<ApiToken> list() {
    return em.createQuery("select t from ApiToken t order by t.createdAt desc, t.id desc",
            ApiToken.class)
        .getResultList();
  }

  @RolesAllowed(Roles.ADMIN)
  public ApiToken revoke(long id) {
    ApiToken token = em.find(ApiToken.class, id);
    if (token == null) {
      throw new DomainException.NotFound("Token", id);
    }
    token.revoke(Instant.now());
    // Forgotten now and again after the commit: a check running between the two read the token
    // as still active and may have remembered it.
    recent.forgetAll();
    transactions.registerInterposedSynchronization(new Synchronization() {
      @Override
      public void beforeCompletion() {}

      @Override
      public void afterCompletion(int status) {
        recent.forgetAll();
      }
    });
    events.record(SecurityEventType.TOKEN_REVOKED, context.getCallerPrincipal().getName(), null,
        "token '" + token.getName() + "'");
    return token;
  }

  /**
   * The identity a presented token value stands for, when it is known, unrevoked and unexpired.
   * Called before authentication (it is the authentication). A token found active is remembered
   * in {@link RecentTokens}, which the caller asks first.
   */
  @PermitAll
  public Optional<TokenIdentity> authenticate(String value, String source) {
    Instant now = Instant.now();
    if (value == null || !value.startsWith(VALUE_PREFIX) || value.length() > 100) {
      events.record(SecurityEventType.TOKEN_REJECTED, null, source, "malformed token");
      return Optional.empty();
    }
    List<ApiToken> found =
        em.createQuery("select t from ApiToken t where t.tokenHash = :hash", ApiToken.class)
            .setParameter("hash", sha256(value))
            .getResultList();
    if (found.isEmpty() || !found.get(0).isActive(now)) {
      events.record(SecurityEventType.TOKEN_REJECTED,
          found.isEmpty() ? null : "token:" + found.get(0).getName(), source,
          found.isEmpty() ? "unknown token" : "revoked or expired token");
      return Optional.empty();
    }
    ApiToken token = found.get(0);
    Instant lastUsed = token.getLastUsedAt();
    if (lastUsed == null || lastUsed.plus(LAST_USE_RESOLUTION).isBefore(now)) {
      // One statement, no version bump: concurrent pipeline requests must not conflict on it.
      em.createQuery("update ApiToken t set t.lastUsedAt = :now where t.id = :id")
          .setParameter("now", now)
          .setParameter("id", token.getId())
          .executeUpdate();
      events.record(SecurityEventType.TOKEN_USED, "token:" + token.getName(), source, null);
    }
    TokenIdentity identity = new TokenIdentity(token.getName(), token.getScopes());
    recent.remember(sha256(value), identity, token.getExpiresAt());
    return Optional.of(identity);
  }

  static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
