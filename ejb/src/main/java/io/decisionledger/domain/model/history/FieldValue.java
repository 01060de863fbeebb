package io.decisionledger.domain.model.history;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The value of one field of an entity at one revision, as text that can be compared and shown:
 * either one value, or a collection of items, each under a key that says which item it is (a
 * parameter's name, an option's name) so that a change can say which items came, went or changed.
 */
public sealed interface FieldValue {

  /** Whether the field holds nothing (no value, no items). */
  boolean isEmpty();

  /** The whole value as text: the value itself, or one {@code key: item} line per item. */
  String text();

  static FieldValue of(String text) {
    return new Single(text);
  }

  static FieldValue items(Map<String, String> items) {
    return new Items(items);
  }

  /** One value; {@code null} when the field is not set. */
  record Single(String value) implements FieldValue {
    @Override
    public boolean isEmpty() {
      return value == null || value.isEmpty();
    }

    @Override
    public String text() {
      return value;
    }
  }

  /** Items in their order, by key; an item's text is what is compared. */
  record Items(Map<String, String> items) implements FieldValue {
    public Items {
      Objects.requireNonNull(items, "items");
      items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
    }

    @Override
    public boolean isEmpty() {
      return items.isEmpty();
    }

    @Override
    public String text() {
      StringBuilder text = new StringBuilder();
      items.forEach((key, item) -> {
        if (!text.isEmpty()) {
          text.append('\n');
        }
        text.append(key);
        if (item != null && !item.isEmpty() && !item.equals(key)) {
          text.append(": ").append(item);
        }
      });
      return text.toString();
    }
  }
}
