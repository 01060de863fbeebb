package io.decisionledger.application.search;

/**
 * The kinds of things the one search box looks through, each with the SQL that presents its rows
 * as search documents. This is the one place a new kind is added (as goals were: a constant here,
 * a generated {@code search_vector} column with a GIN index in a migration, V8; the compiler then
 * points at the {@code switch}es that link a hit to its page and its API resource).
 *
 * <p>Every {@link #source} is a plain {@code SELECT ... FROM table} (no WHERE, no joins that
 * multiply rows) returning, in this order and with these types: {@code id bigint, label text,
 * title text, status text, updated_at timestamptz, vector tsvector, body text}. {@link
 * SearchService} puts them side by side with {@code UNION ALL} and filters with {@code vector @@
 * query} outside; PostgreSQL pushes that filter into each branch, where the GIN index answers it.
 * {@code body} is the text the snippet is cut from; {@code label} is an optional short reference
 * shown before the title (ADR-0007).
 */
public enum SearchKind {
  EXPERIMENT(
      "Experiment",
      """
      SELECT e.id, CAST(NULL AS text), CAST(e.title AS text), CAST(e.status AS text), e.updated_at,
             e.search_vector,
             concat_ws(E'\\n', e.hypothesis, e.description)
      FROM experiment e
      """),
  DECISION(
      "Decision",
      """
      SELECT d.id,
             'ADR-' || lpad(CAST(d.number AS text), greatest(4, length(CAST(d.number AS text))), '0'),
             CAST(d.title AS text), CAST(d.status AS text), d.updated_at, d.search_vector,
             concat_ws(E'\\n', d.context, d.chosen_option, d.justification, d.drivers,
                       d.consequences, d.body, d.options_text)
      FROM decision d
      """),
  /** A goal's kind (LEARNING, SUCCESS) stands in for a status; its checklist is in the body. */
  GOAL(
      "Goal",
      """
      SELECT g.id, CAST(NULL AS text), CAST(g.title AS text), CAST(g.kind AS text), g.updated_at,
             g.search_vector,
             concat_ws(E'\\n', g.description, g.items_text)
      FROM goal g
      """);

  private final String label;
  private final String source;

  SearchKind(String label, String source) {
    this.label = label;
    this.source = source;
  }

  /** How the kind reads on a badge: {@code Experiment}. */
  public String label() {
    return label;
  }

  /** The rows of this kind as search documents (see the class comment for the columns). */
  String source() {
    return source;
  }
}
