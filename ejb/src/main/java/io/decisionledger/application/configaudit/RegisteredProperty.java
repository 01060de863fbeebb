package io.decisionledger.application.configaudit;

import java.util.Objects;

/**
 * One configuration property the application reads, as the registry knows it.
 *
 * @param name the MicroProfile Config name ({@code dl.db.password}); its environment form
 *     ({@code DL_DB_PASSWORD}) follows the MicroProfile mapping
 * @param defaultValue what applies when nothing sets it: the {@code @ConfigProperty} default, the
 *     {@code server.xml} default or the bundled {@code microprofile-config.properties} value;
 *     {@code ""} for an empty default; {@code null} when there is none
 * @param secret whether the value must never be shown (only masked, with a fingerprint)
 * @param meaning one line for the README table and the audit page
 */
public record RegisteredProperty(String name, String defaultValue, boolean secret, String meaning) {

  public RegisteredProperty {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(meaning, "meaning");
    if (name.isBlank() || meaning.isBlank()) {
      throw new IllegalArgumentException("a registered property needs a name and a meaning");
    }
    if (secret && defaultValue != null && !defaultValue.isEmpty()) {
      throw new IllegalArgumentException("secret " + name + " must not have a default");
    }
  }

  /** The environment-variable form: every character that is not a letter or digit becomes _. */
  public String environmentName() {
    return environmentName(name);
  }

  /** The MicroProfile mapping of a property name to an environment-variable name. */
  public static String environmentName(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
  }

  static RegisteredProperty plain(String name, String defaultValue, String meaning) {
    return new RegisteredProperty(name, defaultValue, false, meaning);
  }

  static RegisteredProperty secret(String name, String meaning) {
    return new RegisteredProperty(name, null, true, meaning);
  }
}
