package io.decisionledger.application.security;

import io.decisionledger.domain.model.security.AppUser;
import io.decisionledger.domain.model.security.Roles;
import io.decisionledger.domain.model.security.SecurityEventType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first administrator, from configuration: when no administrator exists, {@code
 * dl.admin.username} and {@code dl.admin.password} (a mounted secret) create one. There is no
 * default password. In production mode ({@code dl.mode}, the default) the application refuses to
 * start without an administrator and without the credentials to create one. Runs at start-up,
 * before anyone can sign in, so it writes directly rather than through {@link UserService}.
 */
@Stateless
public class AdminBootstrap {

  private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

  /** The application cannot run safely as configured. */
  public static class StartupRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StartupRefused(String message) {
      super(message);
    }
  }

  @PersistenceContext EntityManager em;

  @Inject PasswordHasher passwords;
  @Inject SecurityEvents events;

  @Inject
  @ConfigProperty(name = "dl.admin.username", defaultValue = "admin")
  String username;

  @Inject
  @ConfigProperty(name = "dl.admin.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "dl.mode", defaultValue = "production")
  String mode;

  public void ensureAdministrator() {
    boolean production = !"development".equals(mode.strip().toLowerCase(Locale.ROOT));
    long admins = em.createQuery(
            "select count(u) from AppUser u join u.roles r where r = :admin and u.enabled = true",
            Long.class)
        .setParameter("admin", Roles.ADMIN)
        .getSingleResult();
    if (admins > 0) {
      return;
    }
    String secret = password.map(String::strip).filter(p -> !p.isEmpty()).orElse(null);
    if (secret == null) {
      String message = "No administrator exists and dl.admin.password is not set: mount it as a"
          + " secret (variables/dl.admin.password) or set DL_ADMIN_PASSWORD";
      if (production) {
        throw new StartupRefused(message);
      }
      LOG.warning(message + "; nobody can sign in until it is (development mode)");
      return;
    }
    if (secret.length() < PasswordHasher.MIN_LENGTH) {
      throw new StartupRefused("dl.admin.password must have at least "
          + PasswordHasher.MIN_LENGTH + " characters");
    }
    Instant now = Instant.now();
    String name = AppUser.normalise(username);
    AppUser existing = em.createQuery("select u from AppUser u where u.username = :n", AppUser.class)
        .setParameter("n", name).getResultList().stream().findFirst().orElse(null);
    AppUser admin = existing != null ? existing
        : new AppUser(name, "Administrator", Set.of(Roles.ADMIN), now);
    admin.assignRoles(Set.copyOf(Roles.PEOPLE), now);
    admin.enable(true, now);
    admin.unlock(now);
    admin.changePasswordHash(passwords.hash(secret.toCharArray()), now);
    if (existing == null) {
      em.persist(admin);
    }
    events.record(SecurityEventType.ADMIN_BOOTSTRAPPED, name, null,
        "first administrator from configuration");
    LOG.info(() -> (existing == null ? "Created" : "Restored") + " the administrator '" + name
        + "' from configuration");
  }
}
