package io.decisionledger.application.security;

import io.decisionledger.application.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Jakarta Security's PBKDF2 (HMAC-SHA-512, random salt) with the iteration count from
 * configuration; OWASP's 2023 guidance for PBKDF2-HMAC-SHA512 is 210,000. Also the password rule.
 */
@ApplicationScoped
public class PasswordHasher {

  /** Shorter passwords are refused; longer ones cost PBKDF2 time for nothing. */
  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 256;

  @Inject Pbkdf2PasswordHash hash;

  @Inject
  @ConfigProperty(name = "dl.security.pbkdf2.iterations", defaultValue = "210000")
  int iterations;

  /** A hash of a password nobody has, so unknown users cost as much time as known ones. */
  private String decoy;

  @PostConstruct
  void init() {
    hash.initialize(Map.of(
        "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
        "Pbkdf2PasswordHash.Iterations", Integer.toString(Math.max(iterations, 10_000)),
        "Pbkdf2PasswordHash.SaltSizeBytes", "32",
        "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    decoy = hash.generate(java.util.UUID.randomUUID().toString().toCharArray());
  }

  public String hash(char[] password) {
    check(password);
    return hash.generate(password);
  }

  public boolean verify(char[] password, String stored) {
    if (password == null || password.length == 0 || password.length > MAX_LENGTH) {
      return false;
    }
    return hash.verify(password, stored == null ? decoy : stored) && stored != null;
  }

  /** Spends the time of one verification, to answer for an unknown user as slowly as for a known one. */
  public void spendVerificationTime(char[] password) {
    hash.verify(password == null ? new char[0] : password, decoy);
  }

  /** The password rule: length only (NIST SP 800-63B), checked before hashing. */
  public static void check(char[] password) {
    if (password == null || password.length < MIN_LENGTH) {
      throw DomainException.InvalidInput.of("password",
          "A password needs at least " + MIN_LENGTH + " characters");
    }
    if (password.length > MAX_LENGTH) {
      throw DomainException.InvalidInput.of("password",
          "A password has at most " + MAX_LENGTH + " characters");
    }
  }
}
