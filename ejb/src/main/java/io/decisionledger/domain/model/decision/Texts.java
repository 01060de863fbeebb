package io.decisionledger.domain.model.decision;

/** Normalisation of the free text decisions keep: stripped, blank is absent. */
final class Texts {

  private Texts() {}

  static String required(String value, String field) {
    String trimmed = optional(value);
    if (trimmed == null) {
      throw new IllegalArgumentException(field + " must not be blank");
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
}
