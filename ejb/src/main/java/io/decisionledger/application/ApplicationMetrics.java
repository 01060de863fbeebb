package io.decisionledger.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The application's own metrics, in one place. They are registered at start-up so that Prometheus
 * sees every series from the first scrape (at zero), not only after the first event: rate() and
 * alerts need the series to exist. No label carries an id or a user name.
 */
@ApplicationScoped
public class ApplicationMetrics {

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  private Counter rows;
  private Counter requests;
  private Counter rejected;
  private Timer ingestion;
  private Timer comparison;

  void register(@Observes Startup startup) {
    rows = registry.counter(Metadata.builder().withName("decisionledger.ingestion.rows")
        .withDescription("Measurements written by bulk ingestion").build());
    requests = registry.counter(Metadata.builder().withName("decisionledger.ingestion.requests")
        .withDescription("Bulk ingestion requests received").build());
    rejected = registry.counter(Metadata.builder().withName("decisionledger.ingestion.rejected")
        .withDescription("Bulk ingestion requests refused (invalid, too large, conflict)").build());
    ingestion = registry.timer(Metadata.builder().withName("decisionledger.ingestion.duration")
        .withDescription("Time to validate and write one ingestion request")
        .withUnit(MetricUnits.SECONDS).build());
    comparison = registry.timer(Metadata.builder().withName("decisionledger.comparison.duration")
        .withDescription("Time to compute one experiment's comparison")
        .withUnit(MetricUnits.SECONDS).build());
  }

  private void ensureRegistered() {
    if (rows == null) {
      register(null);
    }
  }

  public void ingestionRequest() {
    ensureRegistered();
    requests.inc();
  }

  public void ingestionRejected() {
    ensureRegistered();
    rejected.inc();
  }

  public void ingested(long count, Duration took) {
    ensureRegistered();
    rows.inc(count);
    ingestion.update(took);
  }

  public void compared(Duration took) {
    ensureRegistered();
    comparison.update(took);
  }
}
