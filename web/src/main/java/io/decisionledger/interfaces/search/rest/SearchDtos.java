package io.decisionledger.interfaces.search.rest;

import io.decisionledger.application.Page;
import io.decisionledger.application.search.SearchHit;
import io.decisionledger.application.search.SearchKind;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the search API returns. */
public final class SearchDtos {

  private SearchDtos() {}

  @Schema(name = "SearchHit", description = "One experiment, decision or goal that matched")
  public record SearchHitDto(
      @Schema(description = "EXPERIMENT, DECISION or GOAL") SearchKind kind,
      long id,
      @Schema(description = "Short reference shown before the title (ADR-0007), or null")
          String label,
      @Schema(description = "Plain text, not HTML") String title,
      @Schema(description = "The experiment's or decision's status; a goal's kind"
          + " (LEARNING, SUCCESS)") String status,
      Instant updatedAt,
      @Schema(description = "Rank in (0, 1); only the order means anything") double score,
      @Schema(description = "HTML: escaped text with the matched words in <mark>, no other markup")
          String snippet,
      @Schema(description = "The API resource of the hit") String href) {

    static SearchHitDto of(SearchHit hit) {
      return new SearchHitDto(hit.kind(), hit.id(), hit.label(), hit.title(), hit.status(),
          hit.updatedAt(), hit.score(), hit.snippetHtml(), href(hit));
    }

    /** Where the API keeps each kind; a new kind does not compile until it is named here. */
    static String href(SearchHit hit) {
      String collection = switch (hit.kind()) {
        case EXPERIMENT -> "experiments";
        case DECISION -> "decisions";
        case GOAL -> "goals";
      };
      return "/api/v1/" + collection + "/" + hit.id();
    }
  }

  @Schema(name = "SearchResults", description = "One page of hits, best first")
  public record SearchResultsDto(
      List<SearchHitDto> items,
      @Schema(description = "Number of all hits") long total,
      @Schema(description = "This page, from 1") int page,
      int size) {

    static SearchResultsDto of(Page<SearchHit> hits, int page, int size) {
      return new SearchResultsDto(hits.items().stream().map(SearchHitDto::of).toList(),
          hits.total(), page, size);
    }
  }
}
