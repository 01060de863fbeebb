package io.decisionledger.application.configaudit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The registry is complete and the README agrees with it. Scans the sources of the whole
 * repository: the Java code of both modules, Liberty's configuration, the bundled
 * microprofile-config.properties, the Helm chart and the kustomize manifests.
 */
class ConfigRegistryTest {

  /** {@code @ConfigProperty(…)}, with its attributes in any order, over several lines. */
  private static final Pattern CONFIG_PROPERTY =
      Pattern.compile("@ConfigProperty\\s*\\(([^)]*)\\)", Pattern.DOTALL);
  private static final Pattern NAME_ATTRIBUTE = Pattern.compile("\\bname\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern DEFAULT_ATTRIBUTE =
      Pattern.compile("\\bdefaultValue\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  /** {@code config.getValue("x", …)} and its relatives. */
  private static final Pattern CONFIG_CALL = Pattern.compile(
      "\\b(?:getValue|getOptionalValue|getValues|getOptionalValues|getConfigValue)\\s*\\(\\s*\"([^\"]+)\"");
  /** A string literal that is a property name, or a prefix of names ({@code "dl.auth.oidc."}). */
  private static final Pattern NAME_LITERAL = Pattern.compile("\"((?:dl|mp)\\.[a-z0-9][a-z0-9.\\-]*)\"");
  /** {@code ${dl.db.url}} in Liberty's configuration. */
  private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\{((?:dl|mp)\\.[^}]+)}");
  /** Environment-variable forms in manifests. */
  private static final Pattern ENVIRONMENT_NAME = Pattern.compile("\\b(DL_[A-Z0-9_]+)\\b");
  /** Dotted names in manifests: Secret keys, objectAlias, comments. */
  private static final Pattern MANIFEST_NAME =
      Pattern.compile("(?<![\\w.])(dl(?:\\.[a-z0-9][a-z0-9-]*){2,})(?![\\w.-])");

  private static Path root;

  @BeforeAll
  static void repository() {
    // Surefire runs in the module directory (ejb/); the repository is its parent.
    root = Path.of("").toAbsolutePath().getParent();
    assertThat(root.resolve("README.md")).as("repository root").isRegularFile();
    assertThat(root.resolve("web/src/main/java")).isDirectory();
    assertThat(root.resolve("liberty/src/main/liberty/config/server.xml")).isRegularFile();
  }

  /** A name some file reads, where, and the default it gives there (null: none given). */
  record Use(String name, String where, String defaultValue) {}

  // ---- what the code and configuration use -------------------------------------------------

  static List<Use> javaUses(String source, String where) {
    List<Use> uses = new ArrayList<>();
    Matcher annotation = CONFIG_PROPERTY.matcher(source);
    while (annotation.find()) {
      Matcher name = NAME_ATTRIBUTE.matcher(annotation.group(1));
      Matcher defaultValue = DEFAULT_ATTRIBUTE.matcher(annotation.group(1));
      if (name.find()) {
        uses.add(new Use(name.group(1), where, defaultValue.find() ? defaultValue.group(1) : null));
      }
    }
    for (Pattern pattern : List.of(CONFIG_CALL, NAME_LITERAL)) {
      Matcher m = pattern.matcher(source);
      while (m.find()) {
        uses.add(new Use(m.group(1), where, null));
      }
    }
    return uses;
  }

  private static List<Use> javaUses() throws IOException {
    List<Use> uses = new ArrayList<>();
    for (String module : List.of("ejb", "web")) {
      for (Path file : files(root.resolve(module + "/src/main/java"), ".java")) {
        uses.addAll(javaUses(Files.readString(file), root.relativize(file).toString()));
      }
    }
    return uses;
  }

  private static List<Use> libertyUses() throws Exception {
    List<Use> uses = new ArrayList<>();
    List<Path> xml = new ArrayList<>(files(root.resolve("liberty/src/main/liberty/config"), ".xml"));
    xml.addAll(files(root.resolve("liberty/src/it/liberty/config"), ".xml"));
    for (Path file : xml) {
      String where = root.relativize(file).toString();
      Matcher reference = VARIABLE_REFERENCE.matcher(Files.readString(file));
      while (reference.find()) {
        uses.add(new Use(reference.group(1), where, null));
      }
      NodeList variables = DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(file.toFile()).getElementsByTagName("variable");
      for (int i = 0; i < variables.getLength(); i++) {
        Element variable = (Element) variables.item(i);
        String value = variable.hasAttribute("value") ? variable.getAttribute("value")
            : variable.hasAttribute("defaultValue") ? variable.getAttribute("defaultValue") : null;
        uses.add(new Use(variable.getAttribute("name"), where, value));
      }
    }
    return uses;
  }

  private static List<Use> bundledPropertiesUses() throws IOException {
    List<Use> uses = new ArrayList<>();
    for (String module : List.of("ejb", "web")) {
      Path file = root.resolve(module + "/src/main/resources/META-INF/microprofile-config.properties");
      if (Files.isRegularFile(file)) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          properties.load(reader);
        }
        for (String key : properties.stringPropertyNames()) {
          uses.add(new Use(key, root.relativize(file).toString(), properties.getProperty(key)));
        }
      }
    }
    return uses;
  }

  private static List<Use> manifestUses() throws IOException {
    List<Use> uses = new ArrayList<>();
    List<Path> manifests = new ArrayList<>();
    manifests.addAll(files(root.resolve("helm"), ".yaml"));
    manifests.addAll(files(root.resolve("helm"), ".tpl"));
    manifests.addAll(files(root.resolve("k8s"), ".yaml"));
    manifests.add(root.resolve("liberty/Containerfile"));
    for (Path file : manifests) {
      if (!Files.isRegularFile(file)) {
        continue;
      }
      String text = Files.readString(file);
      String where = root.relativize(file).toString();
      Matcher env = ENVIRONMENT_NAME.matcher(text);
      while (env.find()) {
        uses.add(new Use(env.group(1), where, null));
      }
      Matcher dotted = MANIFEST_NAME.matcher(text);
      while (dotted.find()) {
        uses.add(new Use(dotted.group(1), where, null));
      }
    }
    return uses;
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(suffix) && Files.isRegularFile(p))
          .filter(p -> !p.toString().contains("/target/")).sorted().toList();
    }
  }

  /** Whether the name (property, prefix ending in a dot, or environment form) is registered. */
  static boolean registered(String name) {
    if (name.startsWith("DL_")) {
      return ConfigRegistry.findByEnvironmentName(name).isPresent();
    }
    if (name.endsWith(".")) {
      return ConfigRegistry.PROPERTIES.stream().anyMatch(p -> p.name().startsWith(name));
    }
    return ConfigRegistry.find(name).isPresent();
  }

  private static List<String> unregistered(List<Use> uses) {
    return uses.stream().filter(u -> !registered(u.name()))
        .map(u -> u.name() + " (" + u.where() + ")").distinct().toList();
  }

  // ---- the tests -----------------------------------------------------------------------------

  @Test
  void theScannerFindsWhatCodeReads() {
    String code = """
        @Inject @ConfigProperty(name = "dl.unknown.setting", defaultValue = "7") int x;
        @ConfigProperty(
            defaultValue = "a", name = "dl.other")
        String y = config.getValue("some.setting", String.class);
        static final String KEY = "dl.constant.name";
        String message = "dl.db.url is not set";
        """;
    assertThat(javaUses(code, "Example.java")).extracting(Use::name)
        .contains("dl.unknown.setting", "dl.other", "some.setting", "dl.constant.name")
        .doesNotContain("dl.db.url is not set");
    assertThat(javaUses(code, "Example.java")).contains(
        new Use("dl.unknown.setting", "Example.java", "7"), new Use("dl.other", "Example.java", "a"));
    assertThat(unregistered(javaUses(code, "Example.java")))
        .contains("dl.unknown.setting (Example.java)", "some.setting (Example.java)");
    assertThat(registered("DL_DB_POOL_MAX")).isTrue();
    assertThat(registered("DL_NOT_THERE")).isFalse();
    assertThat(registered("dl.auth.oidc.")).isTrue();
  }

  @Test
  void everyPropertyTheJavaCodeReadsIsRegistered() throws IOException {
    List<Use> uses = javaUses();
    assertThat(uses).as("the scan found the code's @ConfigProperty uses")
        .extracting(Use::name).contains("dl.ingest.max-rows", "dl.demo.seed");
    assertThat(unregistered(uses)).as("read in code but missing from ConfigRegistry").isEmpty();
  }

  @Test
  void everyLibertyVariableAndBundledPropertyIsRegistered() throws Exception {
    List<Use> uses = new ArrayList<>(libertyUses());
    uses.addAll(bundledPropertiesUses());
    assertThat(uses).extracting(Use::name).contains("dl.db.url", "mp.openapi.scan.disable");
    assertThat(unregistered(uses)).as("in server.xml or microprofile-config.properties but"
        + " missing from ConfigRegistry").isEmpty();
  }

  @Test
  void everyNameTheChartAndManifestsSetIsRegistered() throws IOException {
    List<Use> uses = manifestUses();
    assertThat(uses).extracting(Use::name).contains("DL_DB_POOL_MAX", "dl.db.password");
    assertThat(unregistered(uses)).as("set by helm/, k8s/ or the Containerfile but missing from"
        + " ConfigRegistry").isEmpty();
  }

  @Test
  void theDefaultsInTheRegistryAreTheOnesTheCodeAndServerXmlApply() throws Exception {
    List<Use> uses = new ArrayList<>(javaUses());
    uses.addAll(libertyUses());
    uses.addAll(bundledPropertiesUses());
    List<String> differing = new ArrayList<>();
    for (Use use : uses) {
      if (use.defaultValue() == null || !registered(use.name()) || use.name().endsWith(".")) {
        continue;
      }
      String registeredDefault = ConfigRegistry.find(use.name()).orElseThrow().defaultValue();
      if (!use.defaultValue().equals(registeredDefault)) {
        differing.add(use.name() + ": " + use.where() + " says \"" + use.defaultValue()
            + "\", the registry \"" + registeredDefault + "\"");
      }
    }
    assertThat(differing).isEmpty();
  }

  @Test
  void secretsSaySoAndHaveNoDefault() {
    assertThat(ConfigRegistry.PROPERTIES).filteredOn(RegisteredProperty::secret)
        .extracting(RegisteredProperty::name)
        .contains("dl.db.password", "dl.admin.password", "dl.auth.oidc.client-secret");
    for (RegisteredProperty secret : ConfigRegistry.PROPERTIES) {
      if (secret.secret()) {
        assertThat(secret.defaultValue()).as(secret.name()).isIn(null, "");
      }
    }
  }

  // ---- the README ----------------------------------------------------------------------------

  /** The README row the registry implies: name, default (— none, empty, or the value), meaning. */
  static String readmeRow(RegisteredProperty p) {
    String defaultValue = p.defaultValue() == null ? "—"
        : p.defaultValue().isEmpty() ? "empty" : "`" + p.defaultValue() + "`";
    String meaning = p.meaning() + (p.secret() ? " (secret)" : "");
    return "| `" + p.name() + "` | " + defaultValue + " | " + meaning + " |";
  }

  private static Map<String, String> readmeConfigurationRows() throws IOException {
    String readme = Files.readString(root.resolve("README.md"));
    int start = readme.indexOf("\n## Configuration");
    assertThat(start).as("README has a Configuration section").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    Map<String, String> rows = new LinkedHashMap<>();
    Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\|.*$").matcher(section);
    while (row.find()) {
      rows.put(row.group(1), row.group().strip());
    }
    return rows;
  }

  @Test
  void theReadmeTableHasEveryRegisteredPropertyWithItsDefaultAndMeaning() throws IOException {
    Map<String, String> rows = readmeConfigurationRows();
    List<String> wrong = new ArrayList<>();
    for (RegisteredProperty property : ConfigRegistry.PROPERTIES) {
      String expected = readmeRow(property);
      if (!expected.equals(rows.get(property.name()))) {
        wrong.add(expected);
      }
    }
    assertThat(wrong).as("README.md configuration rows missing or different; the registry says"
        + " (paste these):\n" + String.join("\n", wrong)).isEmpty();
  }

  @Test
  void theReadmeTableListsNothingElseExceptTheRunCommandsOwnSettings() throws IOException {
    TreeSet<String> extra = new TreeSet<>();
    readmeConfigurationRows().forEach((name, row) -> {
      if (ConfigRegistry.find(name).isEmpty() && !row.contains("| Run command only:")) {
        extra.add(name);
      }
    });
    assertThat(extra).as("README rows that are neither registered nor run-command-only").isEmpty();
  }
}
