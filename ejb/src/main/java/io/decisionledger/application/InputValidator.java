package io.decisionledger.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Runs Bean Validation on a draft and turns violations into one {@link DomainException}. */
@ApplicationScoped
public class InputValidator {

  @Inject Validator validator;

  public <T> T validate(T draft) {
    if (draft == null) {
      throw DomainException.InvalidInput.of("body", "A request body is required");
    }
    Set<ConstraintViolation<T>> violations = validator.validate(draft);
    if (!violations.isEmpty()) {
      List<FieldError> errors =
          violations.stream()
              .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
              .sorted(Comparator.comparing(FieldError::field))
              .toList();
      throw new DomainException.InvalidInput("The request has invalid fields", errors);
    }
    return draft;
  }
}
