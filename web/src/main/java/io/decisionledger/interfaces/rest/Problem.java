package io.decisionledger.interfaces.rest;

import io.decisionledger.application.FieldError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, with the individual field errors when there are any.
 *
 * @param type a URI naming the kind of problem
 * @param errors each invalid field, index ({@code [3].value}) or line ({@code line 12})
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
    String type, String title, int status, String detail, String instance, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

  /** Problem types are documented at this base. */
  public static final String TYPE_BASE = "https://decision-ledger.dev/problems/";

  public static Response response(Response.Status status, String type, String title, String detail,
      List<FieldError> errors) {
    return response(status.getStatusCode(), type, title, detail, errors);
  }

  public static Response response(int status, String type, String title, String detail,
      List<FieldError> errors) {
    return Response.status(status)
        .type(MEDIA)
        .entity(new Problem(TYPE_BASE + type, title, status, detail, null,
            errors == null ? List.of() : errors))
        .build();
  }
}
