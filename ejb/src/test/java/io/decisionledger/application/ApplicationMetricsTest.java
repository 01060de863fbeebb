package io.decisionledger.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.application.security.SignInFailure;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sign-in failure series: registered at start for every reason, counted by reason only. */
class ApplicationMetricsTest {

  /** One registration: the metric's name and its tags. */
  record Registration(String kind, String name, Map<String, String> tags) {}

  final List<Registration> registrations = new ArrayList<>();
  final Map<String, AtomicLong> counts = new LinkedHashMap<>();
  final ApplicationMetrics metrics = new ApplicationMetrics();

  @BeforeEach
  void registerWithARecordingRegistry() {
    metrics.registry = (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {MetricRegistry.class}, (proxy, method, args) -> {
          Metadata metadata = (Metadata) args[0];
          Map<String, String> tags = new TreeMap<>();
          Arrays.stream(args).filter(Tag[].class::isInstance).map(Tag[].class::cast)
              .flatMap(Arrays::stream).forEach(t -> tags.put(t.getTagName(), t.getTagValue()));
          registrations.add(new Registration(method.getName(), metadata.getName(), tags));
          if (!method.getName().equals("counter")) {
            return null;
          }
          AtomicLong count = counts.computeIfAbsent(metadata.getName() + tags, k -> new AtomicLong());
          return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Counter.class},
              (p, m, a) -> switch (m.getName()) {
                case "inc" -> a == null ? count.incrementAndGet() : count.addAndGet((Long) a[0]);
                case "getCount" -> count.get();
                default -> throw new UnsupportedOperationException(m.getName());
              });
        });
    metrics.register(null);
  }

  @Test
  void everyReasonExistsAtZeroFromTheStart() {
    assertThat(registrations).filteredOn(r -> r.name().equals("decisionledger.signin.failures"))
        .extracting(r -> r.kind() + " " + r.tags())
        .containsExactlyInAnyOrder("counter {reason=refused}", "counter {reason=locked}",
            "counter {reason=disabled}", "counter {reason=provider}");
    assertThat(counts).containsKey("decisionledger.signin.failures{reason=refused}");
    assertThat(counts.values()).allSatisfy(c -> assertThat(c.get()).isZero());
  }

  @Test
  void aFailureCountsUnderItsReasonOnly() {
    metrics.signInFailed(SignInFailure.REFUSED);
    metrics.signInFailed(SignInFailure.REFUSED);
    metrics.signInFailed(SignInFailure.LOCKED);

    assertThat(counts.get("decisionledger.signin.failures{reason=refused}")).hasValue(2);
    assertThat(counts.get("decisionledger.signin.failures{reason=locked}")).hasValue(1);
    assertThat(counts.get("decisionledger.signin.failures{reason=disabled}")).hasValue(0);
    assertThat(counts.get("decisionledger.signin.failures{reason=provider}")).hasValue(0);
    assertThat(counts.get("decisionledger.sign.ins{outcome=failure}")).hasValue(3);
    assertThat(counts.get("decisionledger.sign.ins{outcome=success}")).hasValue(0);
  }

  @Test
  void noSeriesCarriesAUserNameOrAnyUnboundedLabel() {
    // Labels are a fixed set of keys with values from enums: no user, id or free text.
    assertThat(registrations).flatExtracting(r -> List.copyOf(r.tags().keySet()))
        .containsOnly("outcome", "reason", "status");
    assertThat(registrations).filteredOn(r -> r.tags().containsKey("reason"))
        .extracting(r -> r.tags().get("reason"))
        .containsOnly(Arrays.stream(SignInFailure.values()).map(SignInFailure::label)
            .toArray(String[]::new));
  }
}
