package io.decisionledger.application.configaudit;

import java.time.Instant;

/**
 * One property as the audit shows it. A secret's value is never held here: only {@link
 * Fingerprint#MASK} and its fingerprint.
 *
 * @param name property name (or, for an unregistered environment variable, its name)
 * @param registered whether {@link ConfigRegistry} knows it
 * @param secret whether it is treated as a secret (registered as one, or named like one)
 * @param meaning the registry's one line; null when unregistered
 * @param defaultValue the registry's default; null when there is none or it is a secret
 * @param source where the effective value came from, classified
 * @param sourceName MicroProfile Config's name of the source; null for a default in code or none
 * @param sourceOrdinal that source's ordinal; null with no source
 * @param set whether configuration (not a default) supplies a non-empty value
 * @param value the effective value of a non-secret (credentials embedded in it masked); null for
 *     secrets and when there is none
 * @param maskedValue {@link Fingerprint#MASK} for a secret with a non-empty value, else null
 * @param fingerprint first 12 hex digits of SHA-256 of a secret's value, else null
 * @param file the variables file the value came from, else null
 * @param fileModifiedAt that file's last-modified time, else null
 */
public record ConfigAuditEntry(
    String name,
    boolean registered,
    boolean secret,
    String meaning,
    String defaultValue,
    ConfigSourceKind source,
    String sourceName,
    Integer sourceOrdinal,
    boolean set,
    String value,
    String maskedValue,
    String fingerprint,
    String file,
    Instant fileModifiedAt) {

  public ConfigAuditEntry {
    if (secret && value != null) {
      throw new IllegalArgumentException("a secret's value is never part of the audit: " + name);
    }
  }

  public String sourceLabel() {
    return source.label();
  }
}
