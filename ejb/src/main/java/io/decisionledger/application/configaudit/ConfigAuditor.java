package io.decisionledger.application.configaudit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * Builds the audit from MicroProfile Config's view of each property ({@code
 * Config.getConfigValue}: value, source name, ordinal) and the variables directories. Plain Java,
 * so the classification and masking are tested without a server. Never logs.
 */
public final class ConfigAuditor {

  /** {@code password=…}, {@code sslkey: …} and the like inside a non-secret value (a JDBC URL). */
  private static final Pattern EMBEDDED_SECRET = Pattern.compile(
      "(?i)((?:password|passwd|secret|token|key|credential)[a-z_.-]*\\s*[=:]\\s*)([^&;,\\s]+)");

  /** The password of {@code scheme://user:password@host}. */
  private static final Pattern URL_USERINFO = Pattern.compile("(://[^/@:\\s]+:)([^@/\\s]+)@");

  private final List<RegisteredProperty> registry;
  private final VariableFiles files;
  private final Function<String, ConfigValue> lookup;
  private final Iterable<String> knownNames;

  /**
   * @param registry the properties to report, in order
   * @param files the variables directories
   * @param lookup {@code Config::getConfigValue}
   * @param knownNames every name some source has ({@code Config.getPropertyNames()}), to find
   *     {@code dl.*} properties the registry misses
   */
  public ConfigAuditor(List<RegisteredProperty> registry, VariableFiles files,
      Function<String, ConfigValue> lookup, Iterable<String> knownNames) {
    this.registry = List.copyOf(registry);
    this.files = files;
    this.lookup = lookup;
    this.knownNames = knownNames;
  }

  public ConfigAuditReport audit(Instant now) {
    List<ConfigAuditEntry> entries = new ArrayList<>();
    for (RegisteredProperty property : registry) {
      entries.add(entry(property.name(), property));
    }
    for (String name : unregisteredNames()) {
      entries.add(entry(name, null));
    }
    return new ConfigAuditReport(now,
        files.directories().stream().map(Object::toString).toList(), entries);
  }

  /**
   * {@code dl.*} names and {@code DL_*} environment variables that map to no registered name. An
   * environment variable whose dotted form is also listed (Liberty lists both) appears once, dotted.
   */
  private TreeSet<String> unregisteredNames() {
    TreeSet<String> dotted = new TreeSet<>();
    TreeSet<String> environment = new TreeSet<>();
    for (String name : knownNames) {
      if (name != null && name.startsWith("dl.")
          && registry.stream().noneMatch(p -> p.name().equals(name))) {
        dotted.add(name);
      } else if (name != null && name.startsWith("DL_")) {
        environment.add(name);
      }
    }
    TreeSet<String> names = new TreeSet<>(dotted);
    for (String name : environment) {
      boolean known = registry.stream().anyMatch(p -> p.environmentName().equals(name))
          || dotted.stream().anyMatch(d -> RegisteredProperty.environmentName(d).equals(name));
      if (!known) {
        names.add(name);
      }
    }
    return names;
  }

  private ConfigAuditEntry entry(String name, RegisteredProperty registered) {
    boolean secret = SecretNames.isSecret(name, registered);
    String defaultValue = registered == null ? null : registered.defaultValue();
    ConfigValue configValue = lookup.apply(name);
    String value = configValue == null ? null : configValue.getValue();
    String sourceName = configValue == null ? null : configValue.getSourceName();
    Integer ordinal = sourceName == null ? null : configValue.getSourceOrdinal();

    Optional<VariableFiles.Origin> origin =
        sourceName == null ? Optional.empty() : files.find(name, value);
    ConfigSourceKind kind;
    String effective;
    if (sourceName == null || value == null) {
      // No source has it: the default in the code applies, if there is one.
      sourceName = null;
      ordinal = null;
      effective = defaultValue;
      kind = defaultValue == null ? ConfigSourceKind.NOT_SET : ConfigSourceKind.BUILT_IN_DEFAULT;
    } else {
      effective = value;
      kind = ConfigSourceKind.classify(sourceName, ordinal, origin.isPresent());
    }
    boolean hasValue = effective != null && !effective.isEmpty();
    boolean set = hasValue && kind != ConfigSourceKind.BUILT_IN_DEFAULT
        && kind != ConfigSourceKind.NOT_SET;
    boolean fromFile = kind == ConfigSourceKind.MOUNTED_FILE && origin.isPresent();
    return new ConfigAuditEntry(
        name,
        registered != null,
        secret,
        registered == null ? null : registered.meaning(),
        secret ? null : defaultValue,
        kind,
        sourceName,
        ordinal,
        set,
        secret ? null : redactEmbedded(effective),
        secret && hasValue ? Fingerprint.MASK : null,
        secret && hasValue ? Fingerprint.of(effective) : null,
        fromFile ? origin.get().file().toString() : null,
        fromFile ? origin.get().lastModified() : null);
  }

  /**
   * A non-secret value with any credential written into it masked: {@code password=…} parameters
   * and the password of {@code user:password@host}. A JDBC URL should carry none, but if one
   * does, the audit must not show it.
   */
  static String redactEmbedded(String value) {
    if (value == null) {
      return null;
    }
    String masked = EMBEDDED_SECRET.matcher(value).replaceAll(m ->
        java.util.regex.Matcher.quoteReplacement(m.group(1) + Fingerprint.MASK));
    return URL_USERINFO.matcher(masked).replaceAll(m ->
        java.util.regex.Matcher.quoteReplacement(m.group(1) + Fingerprint.MASK + "@"));
  }
}
