package io.decisionledger.application.search;

import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.decisionledger.application.DomainException;
import io.decisionledger.application.Page;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One search over experiments, decisions and goals with PostgreSQL full-text search: the query in
 * web-search syntax ({@code websearch_to_tsquery}), ranked by {@code ts_rank_cd} over the weighted
 * vectors of migrations V5 and V8 (title A, summary and status B, bodies C), paged in the
 * database, each hit with a highlighted snippet ({@code ts_headline}, made safe by {@link
 * Snippet}). What is searched is listed once, in {@link SearchKind} (docs/architecture.md,
 * "Search").
 *
 * <p>Reads run in the default (required) transaction: a refused query then rolls back an ordinary
 * JTA transaction, where a SUPPORTS bean's local containment would log an FFDC incident per refusal.
 */
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN, Roles.API_READ})
@Stateless
public class SearchService {

  /** Longest query accepted, in characters. */
  public static final int MAX_QUERY_LENGTH = 200;

  /** The text-search configuration of the V5 and V8 vectors; queries are parsed with the same. */
  static final String CONFIG = "english";

  /**
   * Weights of D, C, B, A (PostgreSQL's order): a title match counts ten body matches. Normalisation
   * 32 maps the rank to (0, 1) without changing the order; there is no length normalisation, so a
   * long decision is not punished for being thorough.
   */
  private static final String RANK =
      "ts_rank_cd(CAST(ARRAY[0.05, 0.1, 0.4, 1.0] AS real[]), d.vector, "
          + "websearch_to_tsquery('" + CONFIG + "', ?1), 32)";

  private static final String HEADLINE_OPTIONS = "StartSel=\"" + Snippet.START + "\", StopSel=\""
      + Snippet.STOP + "\", MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2,"
      + " FragmentDelimiter=\" ... \"";

  /** Every kind's rows as (kind, id, label, title, status, updated_at, vector, body). */
  private static final String DOCUMENTS = Arrays.stream(SearchKind.values())
      .map(k -> "SELECT '" + k.name() + "' AS kind, s.* FROM (" + k.source().strip()
          + ") AS s(id, label, title, status, updated_at, vector, body)")
      .collect(Collectors.joining("\nUNION ALL\n"));

  private static final String MATCH =
      "d.vector @@ websearch_to_tsquery('" + CONFIG + "', ?1)";

  /**
   * The page of hits, best first (ties: most recently updated first, then kind and id, so pages
   * never overlap), with the number of all hits; the snippets are cut only for the page's rows.
   */
  private static final String SEARCH_SQL =
      """
      SELECT h.kind, h.id, h.label, h.title, h.status, h.updated_at, h.score, h.total,
             ts_headline('%1$s', translate(h.body, ?4, ''), websearch_to_tsquery('%1$s', ?1), ?5)
      FROM (
        SELECT d.kind, d.id, d.label, d.title, d.status, d.updated_at, d.body,
               %2$s AS score, count(*) OVER () AS total
        FROM (
      %3$s
        ) d
        WHERE %4$s
        ORDER BY score DESC, d.updated_at DESC, d.kind, d.id
        LIMIT ?2 OFFSET ?3
      ) h
      ORDER BY h.score DESC, h.updated_at DESC, h.kind, h.id
      """.formatted(CONFIG, RANK, DOCUMENTS, MATCH);

  private static final String COUNT_SQL =
      "SELECT count(*) FROM (\n" + DOCUMENTS + "\n) d WHERE " + MATCH;

  /** What PostgreSQL made of the query: its size, and the part an index can answer. */
  private static final String PARSE_SQL =
      "SELECT numnode(q), querytree(q) FROM websearch_to_tsquery('" + CONFIG
          + "', ?1) AS q";

  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  @PersistenceContext EntityManager em;

  /**
   * A page of the things matching the query, best first.
   *
   * @throws DomainException.InvalidInput (field {@code q}) when the query is empty, too long, or
   *     has no word to look for
   */
  public Page<SearchHit> search(SearchQuery query) {
    String text = checkQuery(query.text());
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(SEARCH_SQL, Object[].class)
        .setParameter(1, text)
        .setParameter(2, query.limit())
        .setParameter(3, query.offset())
        .setParameter(4, String.valueOf(new char[] {Snippet.START, Snippet.STOP}))
        .setParameter(5, HEADLINE_OPTIONS)
        .getResultList();
    List<SearchHit> hits = new ArrayList<>(rows.size());
    long total = 0;
    for (Object[] row : rows) {
      hits.add(new SearchHit(SearchKind.valueOf((String) row[0]), ((Number) row[1]).longValue(),
          (String) row[2], (String) row[3], (String) row[4], instant(row[5]),
          ((Number) row[6]).doubleValue(), Snippet.toHtml((String) row[8])));
      total = ((Number) row[7]).longValue();
    }
    if (hits.isEmpty() && query.offset() > 0) {
      total = countMatches(text); // past the last page: the window count had no row to ride on
    }
    return new Page<>(hits, total, query.offset(), query.limit());
  }

  /** How many things match the query (cheaper than a page: no ranking, no snippets). */
  public long count(String queryText) {
    return countMatches(checkQuery(queryText));
  }

  /**
   * The query as it will be searched (control characters removed, stripped), or the reason it
   * cannot be: absent or blank, longer than {@value #MAX_QUERY_LENGTH} characters, no word left
   * once punctuation and common words ("the") are dropped, or only excluded words ({@code -word}),
   * which would match nearly everything.
   */
  public String checkQuery(String queryText) {
    String text = queryText == null ? "" : CONTROL.matcher(queryText).replaceAll(" ").strip();
    if (text.isEmpty()) {
      throw DomainException.InvalidInput.of("q", "Type one or more words to search for");
    }
    if (text.length() > MAX_QUERY_LENGTH) {
      throw DomainException.InvalidInput.of("q",
          "A search may have at most " + MAX_QUERY_LENGTH + " characters");
    }
    Object[] parsed = (Object[]) em.createNativeQuery(PARSE_SQL, Object[].class)
        .setParameter(1, text)
        .getSingleResult();
    if (((Number) parsed[0]).intValue() == 0) {
      throw DomainException.InvalidInput.of("q", "Nothing to search for in \"" + text
          + "\": use words, not only punctuation or common words like \"the\"");
    }
    if ("T".equals(parsed[1])) {
      throw DomainException.InvalidInput.of("q",
          "Name at least one word that must be there, not only words to leave out (-word)");
    }
    return text;
  }

  private long countMatches(String text) {
    return ((Number) em.createNativeQuery(COUNT_SQL, Long.class)
        .setParameter(1, text)
        .getSingleResult()).longValue();
  }

  private static Instant instant(Object value) {
    if (value == null || value instanceof Instant) {
      return (Instant) value;
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getName());
  }
}
