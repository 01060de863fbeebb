package io.decisionledger.domain.model.goal;

/** Normalisation of the free text goals keep: stripped, blank is absent. */
final class Texts {

  private Texts() {}

  static String required(String value, String field) {
    String trimmed = optional(value);
    if (trimmed == null) {
      throw new GoalRefused(field, capitalised(field) + " must not be blank");
    }
    return trimmed;
  }

  static String optional(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }

  private static String capitalised(String field) {
    return Character.toUpperCase(field.charAt(0)) + field.substring(1);
  }
}
