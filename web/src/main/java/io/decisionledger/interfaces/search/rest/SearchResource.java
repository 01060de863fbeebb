package io.decisionledger.interfaces.search.rest;

import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.decisionledger.application.DomainException;
import io.decisionledger.application.FieldError;
import io.decisionledger.application.search.SearchQuery;
import io.decisionledger.application.search.SearchService;
import io.decisionledger.interfaces.rest.Problem;
import io.decisionledger.interfaces.search.rest.SearchDtos.SearchResultsDto;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One search over experiments, decisions and goals. */
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN, Roles.API_READ})
@Path("v1/search")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Full-text search over experiments, decisions and goals")
public class SearchResource {

  /** Deepest page served: beyond it, refine the query. */
  static final int MAX_PAGE = 10_000;

  @Inject SearchService search;

  @GET
  @Operation(summary = "Search experiments, decisions and goals",
      description = "PostgreSQL full-text search (English stemming), best first: a match in a"
          + " title counts more than one in a summary or status, which counts more than one in a"
          + " body. Web-search syntax: words (all must occur), \"a phrase\", -excluded, or."
          + " Each hit has an HTML snippet: the text escaped, the matches in <mark>.")
  @APIResponse(responseCode = "200", description = "OK",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = SearchResultsDto.class)))
  @APIResponse(responseCode = "400", description = "No query, a query with no word to look for,"
      + " or a bad page or size",
      content = @Content(mediaType = Problem.MEDIA_TYPE,
          schema = @Schema(implementation = Problem.class)))
  public SearchResultsDto search(
      @Parameter(description = "What to look for, at most " + SearchService.MAX_QUERY_LENGTH
          + " characters", required = true, example = "kubevirt -nginx")
          @QueryParam("q") String q,
      @Parameter(description = "Page, from 1 (default 1)") @QueryParam("page") String page,
      @Parameter(description = "Hits per page, 1 to " + SearchQuery.MAX_LIMIT + " (default 20)")
          @QueryParam("size") String size) {
    List<FieldError> errors = new ArrayList<>();
    int pageNumber = parse("page", page, 1, 1, MAX_PAGE, errors);
    int pageSize = parse("size", size, 20, 1, SearchQuery.MAX_LIMIT, errors);
    if (!errors.isEmpty()) {
      try {
        search.checkQuery(q); // report a bad query in the same problem
      } catch (DomainException.InvalidInput e) {
        errors.addAll(0, e.errors());
      }
      throw new DomainException.InvalidInput("The request has invalid parameters", errors);
    }
    var hits = search.search(new SearchQuery(q, (pageNumber - 1) * pageSize, pageSize));
    return SearchResultsDto.of(hits, pageNumber, pageSize);
  }

  private static int parse(String name, String value, int fallback, int min, int max,
      List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(new FieldError(name, name + " must be a whole number from " + min + " to " + max));
    return fallback;
  }
}
