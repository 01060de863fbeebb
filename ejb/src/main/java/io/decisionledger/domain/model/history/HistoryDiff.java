package io.decisionledger.domain.model.history;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The field-by-field difference between two recorded states of one entity. Pure: it knows nothing
 * of Envers or the database, only of {@link Snapshot}s.
 */
public final class HistoryDiff {

  private HistoryDiff() {}

  /**
   * What changed from {@code before} to {@code after}, in the order of {@code after}'s fields (then
   * fields only {@code before} had). With no {@code before} (a creation, or the first state the
   * history knows), every field that has a value is a change from nothing.
   */
  public static List<FieldChange> between(Snapshot before, Snapshot after) {
    Objects.requireNonNull(after, "after");
    Set<String> fields = new LinkedHashSet<>(after.fields().keySet());
    if (before != null) {
      fields.addAll(before.fields().keySet());
    }
    List<FieldChange> changes = new ArrayList<>();
    for (String field : fields) {
      FieldValue old = before == null ? null : before.get(field);
      FieldValue now = after.get(field);
      FieldChange change = compare(field, old, now);
      if (change != null) {
        changes.add(change);
      }
    }
    return changes;
  }

  private static FieldChange compare(String field, FieldValue old, FieldValue now) {
    boolean oldEmpty = old == null || old.isEmpty();
    boolean nowEmpty = now == null || now.isEmpty();
    if (oldEmpty && nowEmpty) {
      return null;
    }
    if ((old == null || old instanceof FieldValue.Items) && (now == null || now instanceof FieldValue.Items)) {
      return compareItems(field, (FieldValue.Items) old, (FieldValue.Items) now);
    }
    String before = oldEmpty ? null : old.text();
    String after = nowEmpty ? null : now.text();
    return Objects.equals(before, after) ? null : FieldChange.of(field, before, after);
  }

  private static FieldChange compareItems(String field, FieldValue.Items old, FieldValue.Items now) {
    Map<String, String> before = old == null ? Map.of() : old.items();
    Map<String, String> after = now == null ? Map.of() : now.items();
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, String> item : after.entrySet()) {
      if (!before.containsKey(item.getKey())) {
        added.add(item.getKey());
      } else if (!Objects.equals(before.get(item.getKey()), item.getValue())) {
        changed.add(item.getKey());
      }
    }
    List<String> removed = before.keySet().stream().filter(k -> !after.containsKey(k)).toList();
    boolean reordered = added.isEmpty() && removed.isEmpty() && changed.isEmpty()
        && !List.copyOf(before.keySet()).equals(List.copyOf(after.keySet()));
    if (added.isEmpty() && removed.isEmpty() && changed.isEmpty() && !reordered) {
      return null;
    }
    String beforeText = before.isEmpty() ? null : old.text();
    String afterText = after.isEmpty() ? null : now.text();
    if (reordered) {
      // Same items in another order: no item summary, the two orders tell it.
      return FieldChange.of(field, beforeText, afterText);
    }
    return new FieldChange(field, beforeText, afterText, added, removed, changed);
  }
}
