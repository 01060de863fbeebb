package io.decisionledger.checks.k8s;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Kubernetes manifests as plain maps: parsing multi-document YAML and walking to pod specs. */
public final class Manifests {

  public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Kinds that carry a pod template, and where the pod spec is. */
  private static final Map<String, List<String>> POD_SPEC_PATHS =
      Map.of(
          "Pod", List.of("spec"),
          "Deployment", List.of("spec", "template", "spec"),
          "StatefulSet", List.of("spec", "template", "spec"),
          "DaemonSet", List.of("spec", "template", "spec"),
          "ReplicaSet", List.of("spec", "template", "spec"),
          "Job", List.of("spec", "template", "spec"),
          "CronJob", List.of("spec", "jobTemplate", "spec", "template", "spec"));

  private Manifests() {}

  /** Parses every non-empty document of a multi-document YAML stream. */
  public static List<Map<String, Object>> parse(String yaml) {
    List<Map<String, Object>> documents = new ArrayList<>();
    try (MappingIterator<Map<String, Object>> it =
        YAML.readerFor(new TypeReference<Map<String, Object>>() {}).readValues(yaml)) {
      while (it.hasNext()) {
        Map<String, Object> document = it.next();
        if (document != null && !document.isEmpty()) {
          documents.add(document);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("not valid YAML: " + e.getMessage(), e);
    }
    return documents;
  }

  public static List<Map<String, Object>> parse(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes documents as one YAML stream (for the command-line tools). */
  public static String toYaml(List<Map<String, Object>> documents) {
    StringBuilder out = new StringBuilder();
    for (Map<String, Object> document : documents) {
      try {
        out.append(YAML.writeValueAsString(document));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out.toString();
  }

  public static String kind(Map<String, Object> object) {
    return String.valueOf(object.get("kind"));
  }

  public static String name(Map<String, Object> object) {
    return String.valueOf(map(object.get("metadata")).get("name"));
  }

  /** kind/name, for messages and for matching objects. */
  public static String id(Map<String, Object> object) {
    return kind(object) + "/" + name(object);
  }

  public static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
    return objects.stream().filter(o -> kind.equals(kind(o))).toList();
  }

  public static Map<String, Object> single(List<Map<String, Object>> objects, String kind) {
    List<Map<String, Object>> found = ofKind(objects, kind);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + kind + ", found " + found.size());
    }
    return found.get(0);
  }

  /** The pod spec of a workload object, when it has one. */
  public static Optional<Map<String, Object>> podSpec(Map<String, Object> object) {
    List<String> path = POD_SPEC_PATHS.get(kind(object));
    if (path == null) {
      return Optional.empty();
    }
    Object node = object;
    for (String key : path) {
      node = map(node).get(key);
    }
    return Optional.of(map(node));
  }

  /** Follows a path of keys, returning null when any step is missing. */
  public static Object at(Object node, String... keys) {
    Object current = node;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(key);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object node) {
    if (node == null) {
      return new LinkedHashMap<>();
    }
    if (!(node instanceof Map)) {
      throw new AssertionError("expected a mapping, found " + node);
    }
    return (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  public static List<Object> list(Object node) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof List)) {
      throw new AssertionError("expected a list, found " + node);
    }
    return (List<Object>) node;
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> maps(Object node) {
    return list(node).stream().map(o -> (Map<String, Object>) o).toList();
  }
}
