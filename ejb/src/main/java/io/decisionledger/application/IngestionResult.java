package io.decisionledger.application;

/**
 * What a bulk ingestion wrote.
 *
 * @param replayed true when an earlier request with the same idempotency key had already written
 *     these rows, so nothing was written this time
 */
public record IngestionResult(long runId, int rowsWritten, int metrics, boolean replayed) {}
