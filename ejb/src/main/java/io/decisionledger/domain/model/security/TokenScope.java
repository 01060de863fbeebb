package io.decisionledger.domain.model.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What an API token may do. Each scope is one role ({@link Roles#API_READ}, {@link Roles#API_INGEST}). */
public enum TokenScope {
  /** Read experiments, comparisons, decisions, goals. */
  READ(Roles.API_READ),
  /** Create runs and post measurements. */
  INGEST(Roles.API_INGEST);

  private final String role;

  TokenScope(String role) {
    this.role = role;
  }

  public String role() {
    return role;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code "ingest,read"}; throws IllegalArgumentException naming an unknown scope. */
  public static Set<TokenScope> parse(String scopes) {
    EnumSet<TokenScope> parsed = EnumSet.noneOf(TokenScope.class);
    if (scopes == null) {
      return parsed;
    }
    for (String part : scopes.split(",")) {
      String key = part.strip();
      if (key.isEmpty()) {
        continue;
      }
      try {
        parsed.add(valueOf(key.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Unknown scope '" + key + "': use read or ingest");
      }
    }
    return parsed;
  }

  public static String format(Set<TokenScope> scopes) {
    return scopes.stream().sorted().map(TokenScope::key).collect(Collectors.joining(","));
  }
}
