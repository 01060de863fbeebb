package io.decisionledger.domain.model.history;

import java.util.List;
import java.util.Locale;

/**
 * How one field differs between two revisions.
 *
 * @param field the field's name in the model ({@code chosenOption})
 * @param before its text before, {@code null} when it was not set
 * @param after its text after, {@code null} when it is no longer set
 * @param added for a collection: the keys of the items that came
 * @param removed for a collection: the keys of the items that went
 * @param changed for a collection: the keys of the items whose content changed
 */
public record FieldChange(String field, String before, String after, List<String> added,
    List<String> removed, List<String> changed) {

  public FieldChange {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
  }

  public static FieldChange of(String field, String before, String after) {
    return new FieldChange(field, before, after, List.of(), List.of(), List.of());
  }

  /** Whether this change is of a collection, summarised by item. */
  public boolean isCollection() {
    return !added.isEmpty() || !removed.isEmpty() || !changed.isEmpty();
  }

  /** The field's name for people: {@code chosenOption} is "Chosen option". */
  public String label() {
    return label(field);
  }

  /** For a collection, "added X, Y; removed Z; changed W"; otherwise {@code null}. */
  public String summary() {
    if (!isCollection()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    part(text, "added", added);
    part(text, "removed", removed);
    part(text, "changed", changed);
    return text.toString();
  }

  private static void part(StringBuilder text, String verb, List<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    if (!text.isEmpty()) {
      text.append("; ");
    }
    text.append(verb).append(' ').append(String.join(", ", keys));
  }

  static String label(String field) {
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        words.append(' ').append(Character.toLowerCase(c));
      } else {
        words.append(c);
      }
    }
    String text = words.toString();
    return text.isEmpty() ? text
        : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }
}
