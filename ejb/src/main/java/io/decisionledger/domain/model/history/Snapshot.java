package io.decisionledger.domain.model.history;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** An entity as one revision recorded it: its fields in their order, each with its value. */
public record Snapshot(Map<String, FieldValue> fields) {

  public Snapshot {
    Objects.requireNonNull(fields, "fields");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public FieldValue get(String field) {
    return fields.get(field);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects fields in the order they are added. */
  public static final class Builder {
    private final Map<String, FieldValue> fields = new LinkedHashMap<>();

    public Builder field(String name, String value) {
      fields.put(name, FieldValue.of(value));
      return this;
    }

    public Builder items(String name, Map<String, String> items) {
      fields.put(name, FieldValue.items(items));
      return this;
    }

    public Builder value(String name, FieldValue value) {
      fields.put(name, value);
      return this;
    }

    public Snapshot build() {
      return new Snapshot(fields);
    }
  }
}
