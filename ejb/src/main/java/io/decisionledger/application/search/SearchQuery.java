package io.decisionledger.application.search;

/**
 * A search and which page of its results.
 *
 * @param text what the person typed, in web-search syntax: words, {@code "a phrase"}, {@code
 *     -excluded}, {@code or}
 */
public record SearchQuery(String text, int offset, int limit) {

  public static final int MAX_LIMIT = 100;

  public SearchQuery {
    offset = Math.max(0, offset);
    limit = Math.min(Math.max(1, limit), MAX_LIMIT);
  }
}
