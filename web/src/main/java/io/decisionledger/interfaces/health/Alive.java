package io.decisionledger.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: the JVM can still serve. Down only when the heap is nearly exhausted after collection,
 * which a restart cures; a database outage never makes the pod restart.
 */
@Liveness
@ApplicationScoped
public class Alive implements HealthCheck {

  static final double HEAP_LIMIT = 0.95;

  @Override
  public HealthCheckResponse call() {
    Runtime rt = Runtime.getRuntime();
    long used = rt.totalMemory() - rt.freeMemory();
    double ratio = (double) used / rt.maxMemory();
    return HealthCheckResponse.named("heap")
        .status(ratio < HEAP_LIMIT)
        .withData("usedRatio", String.format(java.util.Locale.ROOT, "%.2f", ratio))
        .build();
  }
}
