package io.decisionledger.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.decisionledger.application.ComparisonService;
import io.decisionledger.application.ExperimentDraft;
import io.decisionledger.application.ExperimentQuery;
import io.decisionledger.application.ExperimentService;
import io.decisionledger.application.IngestionService;
import io.decisionledger.application.RunService;
import io.decisionledger.application.decision.DecisionService;
import io.decisionledger.application.security.TokenService;
import io.decisionledger.application.security.UserService;
import io.decisionledger.domain.model.decision.DecisionStatus;
import io.decisionledger.infrastructure.startup.Demo;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside Liberty, past the web layer: the EJB services themselves refuse a caller without a
 * role, so no page or resource that forgot its check could reach the data.
 */
@ExtendWith(ArquillianExtension.class)
class EjbSecurityIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.withTestClasses(EjbSecurityIT.class);
  }

  @Inject ExperimentService experiments;
  @Inject RunService runs;
  @Inject IngestionService ingestion;
  @Inject ComparisonService comparisons;
  @Inject DecisionService decisions;
  @Inject UserService users;
  @Inject TokenService tokens;
  @Inject Demo demo;

  @Test
  void anAnonymousCallerCanNeitherReadNorWrite() {
    assertThatThrownBy(() -> experiments.list(new ExperimentQuery(null, null, "title", true, 0, 10)))
        .isInstanceOf(EJBAccessException.class);
    assertThatThrownBy(() -> experiments.create(new ExperimentDraft("x", null, null, "it")))
        .isInstanceOf(EJBAccessException.class);
    assertThatThrownBy(() -> runs.get(1)).isInstanceOf(EJBAccessException.class);
    assertThatThrownBy(() -> ingestion.maxRows()).isInstanceOf(EJBAccessException.class);
    assertThatThrownBy(() -> comparisons.compare(1)).isInstanceOf(EJBAccessException.class);
    assertThatThrownBy(() -> decisions.get(1)).isInstanceOf(EJBAccessException.class);
    assertThatThrownBy(() -> users.list()).isInstanceOf(EJBAccessException.class);
    assertThatThrownBy(() -> tokens.create("t", "read", Duration.ofDays(1)))
        .isInstanceOf(EJBAccessException.class);
    assertThatThrownBy(() -> demo.load()).isInstanceOf(EJBAccessException.class);
  }

  @Test
  void onlyPublishedCountsAreOpen() {
    // The counts /metrics publishes are open; they carry no record.
    assertThat(decisions.countByStatus(DecisionStatus.ACCEPTED)).isGreaterThanOrEqualTo(0);
    assertThat(Set.of(decisions.driftedCount())).allMatch(n -> n >= 0);
  }
}
