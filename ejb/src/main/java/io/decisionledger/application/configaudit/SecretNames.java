package io.decisionledger.application.configaudit;

import java.util.regex.Pattern;

/**
 * Which properties are secrets: those the registry marks, and, as a safety net for anything the
 * registry does not know (a stray file in the variables directory, a new property not yet
 * registered), every name that mentions a password, secret, token, key or credential.
 */
public final class SecretNames {

  private static final Pattern SECRET_LOOKING =
      Pattern.compile("password|passwd|secret|token|key|credential", Pattern.CASE_INSENSITIVE);

  private SecretNames() {}

  /** Whether the name alone says the value is a secret. */
  public static boolean looksSecret(String name) {
    return name != null && SECRET_LOOKING.matcher(name).find();
  }

  /** Whether the property is treated as a secret: registered as one, or named like one. */
  public static boolean isSecret(String name, RegisteredProperty registered) {
    return (registered != null && registered.secret()) || looksSecret(name);
  }
}
