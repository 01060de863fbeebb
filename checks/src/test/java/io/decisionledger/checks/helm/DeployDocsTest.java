package io.decisionledger.checks.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.decisionledger.checks.Tool;
import io.decisionledger.checks.k8s.Manifests;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** values.yaml, values.schema.json and docs/deploy.md say the same thing. */
class DeployDocsTest {

  static List<String> schemaLeaves() throws Exception {
    JsonNode schema = new ObjectMapper().readTree(Chart.DIR.resolve("values.schema.json").toFile());
    List<String> leaves = new ArrayList<>();
    walk("", schema, leaves);
    return leaves;
  }

  private static void walk(String prefix, JsonNode node, List<String> leaves) {
    JsonNode properties = node.get("properties");
    if (properties == null || prefix.equals("global")) {
      leaves.add(prefix);
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode child = field.getValue();
      assertThat(child.path("description").asText()).as("description of %s in values.schema.json", name).isNotBlank();
      walk(name, child, leaves);
    }
  }

  @Test
  void everySchemaValueIsInTheDeployDocsValuesTable() throws Exception {
    String deployMd = Files.readString(Tool.REPO.resolve("docs/deploy.md"));
    String docs = deployMd.substring(deployMd.indexOf("\n## Values\n"));
    List<String> leaves = schemaLeaves();
    assertThat(leaves).hasSizeGreaterThan(60);
    assertThat(leaves).filteredOn(leaf -> !leaf.equals("global"))
        .as("values in values.schema.json missing from the table in docs/deploy.md")
        .allMatch(leaf -> docs.contains("| `" + leaf + "` |"));
  }

  @Test
  void everyDocumentedValueExistsInTheSchema() throws Exception {
    List<String> leaves = schemaLeaves();
    String docs = Files.readString(Tool.REPO.resolve("docs/deploy.md"));
    String valuesSection = docs.substring(docs.indexOf("\n## Values\n"));
    List<String> documented = valuesSection.lines()
        .filter(l -> l.startsWith("| `")).map(l -> l.substring(3, l.indexOf('`', 3))).toList();
    assertThat(documented).hasSizeGreaterThan(60);
    assertThat(documented).as("values in docs/deploy.md's table that the schema does not have").allMatch(leaves::contains);
  }

  @Test
  void everyValueInValuesYamlIsInTheSchema() throws Exception {
    List<String> leaves = schemaLeaves();
    List<String> valuePaths = new ArrayList<>();
    collect("", Manifests.parse(Chart.DIR.resolve("values.yaml")).get(0), valuePaths);
    assertThat(valuePaths).allSatisfy(path -> assertThat(leaves).as("schema for %s", path)
        .anyMatch(leaf -> leaf.equals(path) || path.startsWith(leaf + ".")));
  }

  @Test
  void theDeployActionSetsOnlyValuesTheChartHas() throws Exception {
    // helm refuses unknown values (additionalProperties: false), but only at deploy time in GitHub.
    String action = Files.readString(Tool.REPO.resolve(".github/actions/helm-deploy/action.yml"));
    List<String> leaves = schemaLeaves();
    Matcher set = Pattern.compile("--set(?:-string|-json)? \"?([A-Za-z0-9.]+)=").matcher(action);
    List<String> keys = new ArrayList<>();
    while (set.find()) {
      keys.add(set.group(1));
    }
    assertThat(keys).contains("image.repository", "secrets.azureKeyVault.vaultName", "workloadIdentity.clientId");
    assertThat(keys).as("values the deploy action sets").allSatisfy(key -> assertThat(leaves).as("schema for %s", key)
        .anyMatch(leaf -> leaf.equals(key) || key.startsWith(leaf + ".")));
    Matcher values = Pattern.compile("--values (\\S+)").matcher(action);
    assertThat(values.find()).as("the action deploys a values profile").isTrue();
    assertThat(Tool.REPO.resolve(values.group(1))).isRegularFile();
  }

  @SuppressWarnings("unchecked")
  private static void collect(String prefix, Map<String, Object> values, List<String> out) {
    for (Map.Entry<String, Object> e : values.entrySet()) {
      String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      if (e.getValue() instanceof Map<?, ?> m && !m.isEmpty()) {
        collect(path, (Map<String, Object>) m, out);
      } else {
        out.add(path);
      }
    }
  }
}
