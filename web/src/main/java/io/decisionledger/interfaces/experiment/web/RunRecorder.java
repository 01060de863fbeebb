package io.decisionledger.interfaces.experiment.web;

import io.decisionledger.application.IngestionResult;
import io.decisionledger.application.IngestionService;
import io.decisionledger.application.MeasurementInput;
import io.decisionledger.application.RowLocator;
import io.decisionledger.application.RunDraft;
import io.decisionledger.application.RunService;
import io.decisionledger.domain.model.experiment.Run;
import io.decisionledger.domain.model.experiment.RunSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Records a run together with its measurements in one transaction, so that a refused batch leaves
 * no empty run behind: the services join this transaction, and any exception rolls back both.
 */
@ApplicationScoped
public class RunRecorder {

  @Inject RunService runs;
  @Inject IngestionService ingestion;

  /** What was recorded. */
  public record Recorded(long runId, int measurements) {}

  @Transactional
  public Recorded record(long variantId, RunDraft draft, RunSource source,
      List<MeasurementInput> measurements) {
    return record(variantId, draft, source, measurements, RowLocator.INDEX);
  }

  /** As {@link #record(long, RunDraft, RunSource, List)}, naming bad rows with {@code locator}. */
  @Transactional
  public Recorded record(long variantId, RunDraft draft, RunSource source,
      List<MeasurementInput> measurements, RowLocator locator) {
    Run run = runs.create(variantId, draft, source);
    int written = 0;
    if (!measurements.isEmpty()) {
      IngestionResult result = ingestion.ingest(run.getId(), measurements, null, null, locator);
      written = result.rowsWritten();
    }
    return new Recorded(run.getId(), written);
  }

  /** Adds measurements to an existing run, naming bad rows with {@code locator}. */
  public Recorded append(long runId, List<MeasurementInput> measurements, RowLocator locator) {
    IngestionResult result = ingestion.ingest(runId, measurements, null, null, locator);
    return new Recorded(runId, result.rowsWritten());
  }

  public int maxRows() {
    return ingestion.maxRows();
  }
}
