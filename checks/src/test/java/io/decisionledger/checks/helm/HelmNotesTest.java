package io.decisionledger.checks.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.checks.k8s.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * NOTES.txt renders for every profile (an error there would fail `helm install` after the objects
 * were created). `helm template` skips NOTES.txt, so a copy of the chart renders it into a ConfigMap.
 */
class HelmNotesTest {

  @ParameterizedTest
  @EnumSource(Chart.Profile.class)
  void notesRenderAndSayHowToCheckTheRelease(Chart.Profile profile) throws IOException {
    Path copy = Files.createTempDirectory("chart-notes-").resolve("decision-ledger");
    try (Stream<Path> files = Files.walk(Chart.DIR)) {
      for (Path file : files.sorted().toList()) {
        Path target = copy.resolve(Chart.DIR.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    Files.writeString(copy.resolve("templates/notes-check.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: notes
        data:
          notes: |
        {{ include (print $.Template.BasePath "/NOTES.txt") . | indent 4 }}
        """);
    String yaml = Chart.helm().run(copy, "template", Chart.RELEASE, copy.toString(), "--namespace", Chart.NAMESPACE,
        "--values", profile.valuesFile().toString(), "--show-only", "templates/notes-check.yaml").assertSuccess().output();
    String notes = (String) Manifests.map(Manifests.parse(yaml).get(0).get("data")).get("notes");
    assertThat(notes).contains("helm test decision-ledger -n decision-ledger")
        .contains("Secrets: mode " + Manifests.parse(Files.readString(profile.valuesFile())).stream().findFirst()
            .map(v -> (Map<?, ?>) v.get("secrets")).map(s -> (String) s.get("mode")).orElse("kubernetes"));
    try (Stream<Path> files = Files.walk(copy.getParent())) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
