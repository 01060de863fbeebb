package io.decisionledger.application.configaudit;

/**
 * Where an effective value came from, in the terms an auditor reviews. Open Liberty 26 with
 * mpConfig-3.1 names its sources as below ({@code ConfigValue.getSourceName()}); its
 * {@code server.xml.variables.config.source} holds both {@code <variable value=…>} elements and
 * the files of the variables directories, so a file found there with the same value decides
 * between {@link #MOUNTED_FILE} and {@link #SERVER_CONFIGURATION}.
 *
 * <table>
 *   <tr><th>Source name</th><th>Ordinal</th><th>Kind</th></tr>
 *   <tr><td>server.xml.appproperties.config.source</td><td>600</td><td>server configuration</td></tr>
 *   <tr><td>server.xml.variables.config.source</td><td>500</td><td>mounted file, else server
 *       configuration</td></tr>
 *   <tr><td>SysPropConfigSource</td><td>400</td><td>server configuration (jvm.options)</td></tr>
 *   <tr><td>EnvConfigSource</td><td>300</td><td>environment</td></tr>
 *   <tr><td>PropertiesConfigSource[…microprofile-config.properties]</td><td>100</td><td>built-in
 *       default</td></tr>
 *   <tr><td>server.xml.default.variables.config.source</td><td>1</td><td>built-in default</td></tr>
 * </table>
 */
public enum ConfigSourceKind {
  /** A file in a Liberty variables directory: a mounted Kubernetes Secret or Key Vault (CSI). */
  MOUNTED_FILE("Key Vault / mounted file"),
  /** An environment variable of the process (in Kubernetes: the chart's ConfigMap or env). */
  ENVIRONMENT("environment"),
  /** server.xml {@code <variable value>}, appProperties, configDropins or JVM system properties. */
  SERVER_CONFIGURATION("server configuration"),
  /** Shipped with the application: server.xml defaultValue, microprofile-config.properties, code. */
  BUILT_IN_DEFAULT("built-in default"),
  /** A config source this classification does not know; its name is reported as it is. */
  OTHER("other source"),
  /** No value at all, and no default. */
  NOT_SET("not set");

  private final String label;

  ConfigSourceKind(String label) {
    this.label = label;
  }

  /** The words the page and the JSON show. */
  public String label() {
    return label;
  }

  /**
   * Classifies a source reported by MicroProfile Config.
   *
   * @param sourceName {@code ConfigValue.getSourceName()}, or null when no source has a value
   * @param ordinal {@code ConfigValue.getSourceOrdinal()}
   * @param fromVariableFile whether a file in a variables directory holds exactly this value
   */
  public static ConfigSourceKind classify(String sourceName, int ordinal, boolean fromVariableFile) {
    if (sourceName == null) {
      return NOT_SET;
    }
    String name = sourceName.toLowerCase(java.util.Locale.ROOT);
    if (name.contains("server.xml.default.variables")) {
      return BUILT_IN_DEFAULT;
    }
    if (name.contains("server.xml.variables")) {
      return fromVariableFile ? MOUNTED_FILE : SERVER_CONFIGURATION;
    }
    if (name.contains("appproperties") || name.contains("syspropconfigsource")
        || name.contains("system properties")) {
      return SERVER_CONFIGURATION;
    }
    if (name.contains("envconfigsource") || name.contains("environment")) {
      return ENVIRONMENT;
    }
    if (name.contains("microprofile-config.properties") || name.contains("defaultvalues")) {
      return BUILT_IN_DEFAULT;
    }
    // A file-backed source we do not know by name (a directory config source, for example).
    return fromVariableFile ? MOUNTED_FILE : OTHER;
  }
}
