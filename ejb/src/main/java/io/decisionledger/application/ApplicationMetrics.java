package io.decisionledger.application;

import io.decisionledger.application.decision.DecisionService;
import io.decisionledger.application.security.SignInFailure;
import io.decisionledger.domain.model.decision.DecisionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The application's own metrics, in one place. They are registered at start-up so that Prometheus
 * sees every series from the first scrape (at zero), not only after the first event: rate() and
 * alerts need the series to exist. No label carries an id or a user name.
 */
@ApplicationScoped
public class ApplicationMetrics {

  private static final Logger LOG = Logger.getLogger(ApplicationMetrics.class.getName());

  /** Drift needs a comparison per cited experiment: computed at most once a minute. */
  static final long DRIFT_CACHE_NANOS = Duration.ofSeconds(60).toNanos();

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Inject DecisionService decisions;

  private volatile double driftedCount = Double.NaN;
  private volatile long driftedAt;

  private Counter rows;
  private Counter requests;
  private Counter rejected;
  private Timer ingestion;
  private Timer comparison;
  private Counter signIns;
  private Counter signInFailures;
  private final Map<SignInFailure, Counter> signInFailuresByReason =
      new EnumMap<>(SignInFailure.class);

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
    Metadata signInMetadata = Metadata.builder().withName("decisionledger.sign.ins")
        .withDescription("Password sign-ins by outcome").build();
    signIns = registry.counter(signInMetadata, new Tag("outcome", "success"));
    signInFailures = registry.counter(signInMetadata, new Tag("outcome", "failure"));
    Metadata failureMetadata = Metadata.builder().withName("decisionledger.signin.failures")
        .withDescription("Refused sign-ins (password and OpenID Connect) by reason").build();
    for (SignInFailure reason : SignInFailure.values()) {
      signInFailuresByReason.put(reason,
          registry.counter(failureMetadata, new Tag("reason", reason.label())));
    }
    Metadata byStatus = Metadata.builder().withName("decisionledger.decisions")
        .withDescription("Architecture decisions by status").build();
    for (DecisionStatus status : DecisionStatus.values()) {
      registry.gauge(byStatus, this,
          guarded(m -> (double) m.decisions.countByStatus(status)),
          new Tag("status", status.name().toLowerCase(Locale.ROOT)));
    }
    registry.gauge(Metadata.builder().withName("decisionledger.decisions.drifted")
            .withDescription("Accepted decisions whose cited evidence drifted").build(),
        this, guarded(ApplicationMetrics::drifted));
  }

  private Double drifted() {
    long now = System.nanoTime();
    if (Double.isNaN(driftedCount) || now - driftedAt > DRIFT_CACHE_NANOS) {
      driftedCount = decisions.driftedCount();
      driftedAt = now;
    }
    return driftedCount;
  }

  /** A gauge read on a scrape must never fail the scrape: NaN when the database cannot say. */
  private static Function<ApplicationMetrics, Double> guarded(
      Function<ApplicationMetrics, Double> read) {
    return m -> {
      try {
        return read.apply(m);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "decision gauge unavailable", e);
        return Double.NaN;
      }
    };
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

  public void signedIn() {
    ensureRegistered();
    signIns.inc();
  }

  /** A refused sign-in: counted by its reason, never by the user it named. */
  public void signInFailed(SignInFailure reason) {
    ensureRegistered();
    signInFailures.inc();
    signInFailuresByReason.get(reason).inc();
  }
}
