package io.decisionledger.application.search;

import java.time.Instant;

/**
 * One thing that matched a search.
 *
 * @param label a short reference shown before the title ({@code ADR-0007}), or null
 * @param title the title as stored: plain text, to be escaped where it is shown
 * @param status the status name of the experiment or decision ({@code RUNNING}, {@code ACCEPTED}),
 *     or a goal's kind ({@code LEARNING}, {@code SUCCESS})
 * @param score the rank, in (0, 1): higher is better; only the order means anything
 * @param snippetHtml a passage with the matched words in {@code <mark>}; HTML-escaped text with
 *     no other markup (see {@link Snippet}), safe to insert into a page as it is
 */
public record SearchHit(SearchKind kind, long id, String label, String title, String status,
    Instant updatedAt, double score, String snippetHtml) {}
