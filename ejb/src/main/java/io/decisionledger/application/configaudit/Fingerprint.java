package io.decisionledger.application.configaudit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an auditor sees of a secret: a fixed mask, and the first 12 hex digits of the SHA-256 of
 * the value's UTF-8 bytes, the same as {@code printf %s "$value" | sha256sum | cut -c1-12}. Twelve
 * digits (48 bits) tell two values apart for comparison with Key Vault without making the value
 * any easier to guess than the full hash would.
 */
public final class Fingerprint {

  /** Shown in place of every secret value, whatever its length. */
  public static final String MASK = "••••••";

  /** Hex digits of the SHA-256 that are shown. */
  public static final int LENGTH = 12;

  private Fingerprint() {}

  /** The first {@value #LENGTH} lower-case hex digits of SHA-256(UTF-8 bytes of value). */
  public static String of(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
