package io.decisionledger.application;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A request the domain refuses. Application exceptions roll the transaction back and reach the
 * caller as they are, so the REST layer maps each kind to its status and the pages show the message.
 */
@ApplicationException(rollback = true)
public abstract class DomainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<FieldError> errors;

  protected DomainException(String message, List<FieldError> errors) {
    super(message);
    this.errors = List.copyOf(errors);
  }

  /** The individual problems, each naming its field, index or line. */
  public List<FieldError> errors() {
    return errors;
  }

  /** Input that breaks a rule (400). */
  @ApplicationException(rollback = true)
  public static class InvalidInput extends DomainException {
    private static final long serialVersionUID = 1L;

    public InvalidInput(String message, List<FieldError> errors) {
      super(message, errors);
    }

    public static InvalidInput of(String field, String message) {
      return new InvalidInput(message, List.of(new FieldError(field, message)));
    }
  }

  /** Something named that does not exist (404). */
  @ApplicationException(rollback = true)
  public static class NotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    public NotFound(String what, Object id) {
      super(what + " " + id + " does not exist", List.of());
    }
  }

  /** A change that collides with the current state (409). */
  @ApplicationException(rollback = true)
  public static class Conflict extends DomainException {
    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
      super(message, List.of());
    }

    public Conflict(String message, List<FieldError> errors) {
      super(message, errors);
    }
  }

  /** More than a request may carry (413). */
  @ApplicationException(rollback = true)
  public static class TooLarge extends DomainException {
    private static final long serialVersionUID = 1L;

    public TooLarge(String message) {
      super(message, List.of());
    }
  }
}
