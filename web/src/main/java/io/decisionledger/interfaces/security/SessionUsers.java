package io.decisionledger.interfaces.security;

import io.decisionledger.application.security.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The roles of signed-in users, read from the database at most every {@link #TTL} per user and
 * replica: one query per few seconds instead of one per request, and a change of roles or a
 * disabled account takes effect within that time everywhere.
 */
@ApplicationScoped
public class SessionUsers {

  static final Duration TTL = Duration.ofSeconds(5);

  private record Entry(Optional<Set<String>> roles, long readAt) {}

  private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

  @Inject SignInService signIns;

  public Optional<Set<String>> roles(String username) {
    long now = System.nanoTime();
    Entry entry = cache.get(username);
    if (entry == null || now - entry.readAt() > TTL.toNanos()) {
      Optional<Set<String>> roles;
      try {
        roles = signIns.currentRoles(username);
      } catch (RuntimeException e) {
        if (entry == null) {
          throw e;
        }
        // The database is unreachable: keep what was known (nothing can be read without it
        // anyway), so the request fails where the data is, with its own error.
        return entry.roles();
      }
      entry = new Entry(roles, now);
      if (cache.size() > 10_000) {
        cache.clear();
      }
      cache.put(username, entry);
    }
    return entry.roles();
  }

  /** Forgets what is known of a user, for example after their roles changed on this replica. */
  public void forget(String username) {
    cache.remove(username);
  }
}
