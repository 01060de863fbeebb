package io.decisionledger.interfaces.security;

import io.decisionledger.domain.model.security.Roles;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which roles the values of an OpenID Connect claim give ({@code dl.auth.oidc.role-map}):
 * comma-separated {@code value=role} pairs, a value may repeat to give several roles. Values
 * compare exactly (Entra ID group object ids, app role names); a value the map does not name gives
 * nothing, so a provider's user is never more than the map says.
 */
final class RoleMap {

  private final Map<String, Set<String>> roles;

  private RoleMap(Map<String, Set<String>> roles) {
    this.roles = roles;
  }

  /**
   * Reads the map; empty or blank text is an empty map.
   *
   * @throws IllegalArgumentException for a pair without {@code =}, an empty value, or a role that
   *     is not one of {@link Roles#PEOPLE} (the message names the pair, never other settings)
   */
  static RoleMap parse(String text) {
    Map<String, Set<String>> roles = new LinkedHashMap<>();
    if (text != null) {
      for (String pair : text.split(",")) {
        if (pair.isBlank()) {
          continue;
        }
        int equals = pair.lastIndexOf('=');
        String value = equals < 0 ? "" : pair.substring(0, equals).strip();
        String role = equals < 0 ? "" : pair.substring(equals + 1).strip();
        if (value.isEmpty() || !Roles.PEOPLE.contains(role)) {
          throw new IllegalArgumentException("dl.auth.oidc.role-map: '" + pair.strip()
              + "' is not value=role with a role among " + Roles.PEOPLE);
        }
        roles.computeIfAbsent(value, v -> new TreeSet<>()).add(role);
      }
    }
    return new RoleMap(roles);
  }

  /** The roles the claim's values give together. */
  Set<String> rolesFor(Collection<String> claimValues) {
    Set<String> granted = new TreeSet<>();
    for (String value : claimValues) {
      granted.addAll(roles.getOrDefault(value, Set.of()));
    }
    return Set.copyOf(granted);
  }

  /** A claim's values: a single string, or the strings of an array; anything else is none. */
  static List<String> values(Object claim) {
    if (claim instanceof String single) {
      return List.of(single);
    }
    if (claim instanceof Collection<?> many) {
      return many.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return List.of();
  }

  /**
   * Whether the provider left the claim out of the ID token and says where to fetch it instead:
   * Microsoft Entra ID does so for {@code groups} when a user is in more groups than a token holds
   * ("group overage": {@code _claim_names} names the claim, or {@code hasgroups} is true). Mapping
   * the claim as absent would sign the user in without any role, silently.
   */
  static boolean leftOut(Map<String, Object> claims, String claim) {
    if (claims.get(claim) != null) {
      return false;
    }
    return claims.get("_claim_names") instanceof Map<?, ?> names && names.containsKey(claim)
        || "groups".equals(claim) && Boolean.TRUE.equals(claims.get("hasgroups"));
  }
}
