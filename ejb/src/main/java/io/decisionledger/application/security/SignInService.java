package io.decisionledger.application.security;

import io.decisionledger.application.ApplicationMetrics;
import io.decisionledger.domain.model.security.AppUser;
import io.decisionledger.domain.model.security.SecurityEventType;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a user name and password against the database, with the lock-out rule: after {@code
 * dl.security.lockout.attempts} failures in a row the account is locked for {@code
 * dl.security.lockout.duration}. Callable before sign-in (it is how one signs in).
 */
@Stateless
@PermitAll
public class SignInService {

  /** The outcome, with the roles when it succeeded. */
  public record Outcome(boolean valid, String username, Set<String> roles) {
    static Outcome refused() {
      return new Outcome(false, null, Set.of());
    }
  }

  @PersistenceContext EntityManager em;

  @Inject PasswordHasher passwords;
  @Inject SecurityEvents events;
  @Inject ApplicationMetrics metrics;

  @Inject
  @ConfigProperty(name = "dl.security.lockout.attempts", defaultValue = "5")
  int maxFailures;

  @Inject
  @ConfigProperty(name = "dl.security.lockout.duration", defaultValue = "PT15M")
  Duration lockFor;

  public Outcome signIn(String username, char[] password, String source) {
    Instant now = Instant.now();
    String name;
    try {
      name = AppUser.normalise(username);
    } catch (IllegalArgumentException e) {
      passwords.spendVerificationTime(password);
      return refused(null, source, SignInFailure.REFUSED, "no user name");
    }
    // The account's row stays locked until this sign-in commits: two sign-ins of one account
    // (two tabs, parallel clients) take turns instead of failing on the row's version, and
    // parallel wrong passwords each count towards the lockout.
    Optional<AppUser> found = find(name, true);
    if (found.isEmpty()) {
      passwords.spendVerificationTime(password);
      return refused(name, source, SignInFailure.REFUSED, "unknown user");
    }
    AppUser user = found.get();
    if (user.isLocked(now)) {
      passwords.spendVerificationTime(password);
      return refused(name, source, SignInFailure.LOCKED, "account locked");
    }
    if (!user.isEnabled() || user.getPasswordHash() == null) {
      passwords.spendVerificationTime(password);
      return user.isEnabled()
          ? refused(name, source, SignInFailure.REFUSED, "no password sign-in")
          : refused(name, source, SignInFailure.DISABLED, "account disabled");
    }
    if (!passwords.verify(password, user.getPasswordHash())) {
      boolean locked = user.failedSignIn(maxFailures, lockFor, now);
      Outcome outcome = refused(name, source, SignInFailure.REFUSED, "wrong password");
      if (locked) {
        events.record(SecurityEventType.ACCOUNT_LOCKED, name, source,
            "locked for " + lockFor + " after " + maxFailures + " failures");
      }
      return outcome;
    }
    user.signedIn(now);
    events.record(SecurityEventType.SIGN_IN, name, source, null);
    metrics.signedIn();
    return new Outcome(true, name, user.getRoles());
  }

  /**
   * Signs in a person whom the OpenID Connect provider vouched for (the web layer has validated
   * the provider's ID token): creates or updates their account, with no password, and gives it
   * exactly the roles the provider's claims map to, on every sign-in. Refused for a disabled
   * account and for an account with a password (a local account, such as the first
   * administrator, is never taken over by a provider's user of the same name).
   */
  public Outcome externalSignIn(String username, String displayName, Set<String> roles,
      String source) {
    Instant now = Instant.now();
    String name;
    try {
      name = AppUser.normalise(username);
    } catch (IllegalArgumentException e) {
      return refused(null, source, SignInFailure.PROVIDER, "openid connect: no user name claim");
    }
    if (name.length() > 100) {
      return refused(null, source, SignInFailure.PROVIDER,
          "openid connect: user name longer than 100 characters");
    }
    Optional<AppUser> found = find(name, true);
    AppUser user;
    if (found.isEmpty()) {
      user = new AppUser(name, displayName, roles, now);
      em.persist(user);
      events.record(SecurityEventType.USER_CREATED, name, source,
          "openid connect; roles " + String.join(",", new java.util.TreeSet<>(roles)));
    } else {
      user = found.get();
      if (user.getPasswordHash() != null) {
        return refused(name, source, SignInFailure.PROVIDER,
            "openid connect: a local account has this name");
      }
      if (!user.isEnabled()) {
        return refused(name, source, SignInFailure.DISABLED,
            "openid connect: account disabled");
      }
      if (!user.getRoles().equals(roles)) {
        events.record(SecurityEventType.USER_CHANGED, name, source,
            "openid connect; roles " + String.join(",", new java.util.TreeSet<>(roles)));
      }
      user.assignRoles(roles, now);
      user.rename(displayName, now);
    }
    user.signedIn(now);
    events.record(SecurityEventType.SIGN_IN, name, source, "openid connect");
    metrics.signedIn();
    return new Outcome(true, name, Set.copyOf(user.getRoles()));
  }

  /** Records an OpenID Connect sign-in that failed before the provider named a user. */
  public void externalSignInFailed(String source, String reason) {
    refused(null, source, SignInFailure.PROVIDER, reason);
  }

  /** The roles a signed-in user holds now; empty when the account was removed or disabled. */
  public Optional<Set<String>> currentRoles(String username) {
    return find(username).filter(AppUser::isEnabled).map(AppUser::getRoles);
  }

  private Optional<AppUser> find(String name) {
    return find(name, false);
  }

  private Optional<AppUser> find(String name, boolean forUpdate) {
    jakarta.persistence.TypedQuery<AppUser> query =
        em.createQuery("select u from AppUser u where u.username = :name", AppUser.class)
            .setParameter("name", name);
    if (forUpdate) {
      query.setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }
    return query.getResultList().stream().findFirst();
  }

  /**
   * Records a refusal: the trail gets the user name and the detailed reason, the metric only the
   * bounded {@code failure} (an unknown user and a wrong password look the same there).
   */
  private Outcome refused(String name, String source, SignInFailure failure, String reason) {
    events.record(SecurityEventType.SIGN_IN_FAILED, name, source, reason);
    metrics.signInFailed(failure);
    return Outcome.refused();
  }
}
