package io.decisionledger.domain.model.experiment;

/** Normalisation of the free text the entities keep. */
final class Text {

  private Text() {}

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
