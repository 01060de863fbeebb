package io.decisionledger.application.security;

import io.decisionledger.application.DomainException;
import io.decisionledger.application.FieldError;
import io.decisionledger.domain.model.security.AppUser;
import io.decisionledger.domain.model.security.Roles;
import io.decisionledger.domain.model.security.SecurityEventType;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Users and their roles: administrators only. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class UserService {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,99}");

  @PersistenceContext EntityManager em;

  @Inject PasswordHasher passwords;
  @Inject SecurityEvents events;

  @Resource SessionContext context;

  public List<AppUser> list() {
    return em.createQuery("select u from AppUser u order by u.username", AppUser.class)
        .getResultList();
  }

  public AppUser get(long id) {
    AppUser user = em.find(AppUser.class, id);
    if (user == null) {
      throw new DomainException.NotFound("User", id);
    }
    return user;
  }

  /** Creates a user who signs in with this password. */
  public AppUser create(String username, String displayName, char[] password, Set<String> roles) {
    List<FieldError> errors = new ArrayList<>();
    String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    if (!USERNAME.matcher(name).matches()) {
      errors.add(new FieldError("username",
          "A user name is 1 to 100 of a-z, 0-9, '.', '_', '@', '-', starting with a letter or digit"));
    } else if (!em.createQuery("select u.id from AppUser u where u.username = :n", Long.class)
        .setParameter("n", name).getResultList().isEmpty()) {
      errors.add(new FieldError("username", "User '" + name + "' exists already"));
    }
    errors.addAll(roleErrors(roles));
    try {
      PasswordHasher.check(password);
    } catch (DomainException e) {
      errors.addAll(e.errors());
    }
    if (!errors.isEmpty()) {
      throw new DomainException.InvalidInput("The user has invalid fields", errors);
    }
    Instant now = Instant.now();
    AppUser user = new AppUser(name, displayName, new TreeSet<>(roles), now);
    user.changePasswordHash(passwords.hash(password), now);
    em.persist(user);
    events.record(SecurityEventType.USER_CREATED, caller(), null,
        "user '" + name + "' roles " + new TreeSet<>(roles));
    return user;
  }

  public AppUser changeRoles(long id, Set<String> roles, boolean enabled) {
    List<FieldError> errors = roleErrors(roles);
    if (!errors.isEmpty()) {
      throw new DomainException.InvalidInput("The roles are invalid", errors);
    }
    AppUser user = get(id);
    Instant now = Instant.now();
    if (user.getUsername().equals(caller())
        && (!enabled || !roles.contains(Roles.ADMIN))) {
      throw new DomainException.Conflict("You cannot remove your own administrator role or account");
    }
    user.assignRoles(new TreeSet<>(roles), now);
    user.enable(enabled, now);
    events.record(SecurityEventType.USER_CHANGED, caller(), null,
        "user '" + user.getUsername() + "' roles " + new TreeSet<>(roles)
            + (enabled ? "" : " disabled"));
    return user;
  }

  public AppUser resetPassword(long id, char[] password) {
    AppUser user = get(id);
    Instant now = Instant.now();
    user.changePasswordHash(passwords.hash(password), now);
    user.unlock(now);
    events.record(SecurityEventType.USER_CHANGED, caller(), null,
        "user '" + user.getUsername() + "' password reset");
    return user;
  }

  public AppUser unlock(long id) {
    AppUser user = get(id);
    user.unlock(Instant.now());
    events.record(SecurityEventType.USER_CHANGED, caller(), null,
        "user '" + user.getUsername() + "' unlocked");
    return user;
  }

  private static List<FieldError> roleErrors(Set<String> roles) {
    List<FieldError> errors = new ArrayList<>();
    if (roles == null || roles.isEmpty()) {
      errors.add(new FieldError("roles", "At least one role is required: "
          + String.join(", ", Roles.PEOPLE)));
      return errors;
    }
    for (String role : roles) {
      if (!Roles.PEOPLE.contains(role)) {
        errors.add(new FieldError("roles", "Unknown role '" + role + "': use "
            + String.join(", ", Roles.PEOPLE)));
      }
    }
    return errors;
  }

  private String caller() {
    return context.getCallerPrincipal().getName();
  }
}
