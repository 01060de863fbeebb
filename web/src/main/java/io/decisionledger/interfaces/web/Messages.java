package io.decisionledger.interfaces.web;

import io.decisionledger.application.DomainException;
import io.decisionledger.application.FieldError;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Map;

/**
 * Turns outcomes into Faces messages: field errors of a {@link DomainException} beside the input
 * they concern, everything else as a global message in the template.
 */
public final class Messages {

  private Messages() {}

  public static void info(String summary) {
    global(FacesMessage.SEVERITY_INFO, summary);
  }

  public static void warn(String summary) {
    global(FacesMessage.SEVERITY_WARN, summary);
  }

  public static void error(String summary) {
    global(FacesMessage.SEVERITY_ERROR, summary);
  }

  /** An error beside the input with this client id (for example {@code experimentForm:title}). */
  public static void fieldError(String clientId, String message) {
    FacesContext context = FacesContext.getCurrentInstance();
    context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
    context.validationFailed();
  }

  /** Keeps the messages added in this request for the page after a redirect. */
  public static void keepForRedirect() {
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
  }

  /**
   * Adds the messages of a refused request.
   *
   * @param fields maps the service's field names (as in {@link FieldError#field()}) to the client
   *     ids of the inputs; field errors of unmapped fields become global messages
   */
  public static void add(DomainException e, Map<String, String> fields) {
    FacesContext context = FacesContext.getCurrentInstance();
    boolean anyGlobal = false;
    boolean anyField = false;
    for (FieldError error : e.errors()) {
      String clientId = clientId(error.field(), fields);
      if (clientId != null) {
        fieldError(clientId, error.message());
        anyField = true;
      } else {
        global(FacesMessage.SEVERITY_ERROR, label(error));
        anyGlobal = true;
      }
    }
    if (!anyGlobal) {
      // The summary says what happened; with only field errors it tells where to look.
      global(FacesMessage.SEVERITY_ERROR,
          anyField ? "Please correct the marked fields." : e.getMessage());
    }
    context.validationFailed();
  }

  /** The client id for a field name: exact match first, then the name before a dot or bracket. */
  public static String clientId(String field, Map<String, String> fields) {
    if (field == null || fields == null) {
      return null;
    }
    String exact = fields.get(field);
    if (exact != null) {
      return exact;
    }
    int cut = indexOfAny(field, '.', '[');
    return cut > 0 ? fields.get(field.substring(0, cut)) : null;
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }

  private static String label(FieldError error) {
    return error.field() == null || error.field().isBlank()
        ? error.message()
        : error.field() + ": " + error.message();
  }

  private static void global(FacesMessage.Severity severity, String summary) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, null));
  }
}
