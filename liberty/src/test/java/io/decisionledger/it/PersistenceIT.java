package io.decisionledger.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.decisionledger.application.DomainException;
import io.decisionledger.application.ExperimentDraft;
import io.decisionledger.application.ExperimentService;
import io.decisionledger.application.MetricDraft;
import io.decisionledger.application.RunDraft;
import io.decisionledger.application.RunService;
import io.decisionledger.application.VariantDraft;
import io.decisionledger.domain.model.experiment.Experiment;
import io.decisionledger.domain.model.experiment.MetricDirection;
import io.decisionledger.domain.model.experiment.Run;
import io.decisionledger.domain.model.experiment.RunSource;
import io.decisionledger.domain.model.experiment.Variant;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs inside Liberty: the services and Hibernate against the real PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class PersistenceIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.withTestClasses(PersistenceIT.class);
  }

  @Inject ExperimentService experiments;
  @Inject RunService runs;

  @Test
  void anExperimentWithVariantsMetricsAndARunSurvivesTheRoundTrip() {
    ExperimentDraft draft = new ExperimentDraft("  Persistence round trip  ", "h", "d", "it");
    long id = experiments.create(draft).getId();

    Experiment loaded = experiments.get(id);
    assertThat(loaded.getTitle()).isEqualTo("Persistence round trip");
    assertThat(loaded.getCreatedAt()).isNotNull();

    Variant a = experiments.addVariant(id, new VariantDraft("A", null, false));
    experiments.addVariant(id, new VariantDraft("B", null, false));
    experiments.addMetric(id, new MetricDraft("iops", "IOPS", MetricDirection.HIGHER_IS_BETTER, null));
    assertThat(experiments.variants(id)).extracting(Variant::getName, Variant::isBaseline)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("A", true),
            org.assertj.core.groups.Tuple.tuple("B", false));

    RunDraft runDraft = new RunDraft();
    runDraft.setStartedAt(Instant.parse("2026-01-01T10:00:00Z"));
    runDraft.setFinishedAt(Instant.parse("2026-01-01T11:00:00Z"));
    runDraft.setParameters(Map.of("kernel", "6.8", "nodes", "3"));
    long runId = runs.create(a.getId(), runDraft, RunSource.MANUAL).getId();

    Run run = runs.get(runId);
    assertThat(run.getParameters()).containsEntry("kernel", "6.8").containsEntry("nodes", "3");
    assertThat(run.getVariant().getExperiment().getId()).isEqualTo(id);
    assertThat(runs.runsOf(id)).extracting(Run::getId).containsExactly(runId);

    experiments.delete(id);
    assertThatThrownBy(() -> runs.get(runId)).isInstanceOf(DomainException.NotFound.class);
  }

  @Test
  void invariantsAreEnforcedBeforeAnythingIsWritten() {
    long id = experiments.create(new ExperimentDraft("Invariants", null, null, "it")).getId();
    Variant a = experiments.addVariant(id, new VariantDraft("A", null, false));
    RunDraft backwards = new RunDraft();
    backwards.setStartedAt(Instant.parse("2026-01-02T00:00:00Z"));
    backwards.setFinishedAt(Instant.parse("2026-01-01T00:00:00Z"));
    assertThatThrownBy(() -> runs.create(a.getId(), backwards, RunSource.MANUAL))
        .isInstanceOf(DomainException.InvalidInput.class)
        .satisfies(e -> assertThat(((DomainException) e).errors().get(0).field())
            .isEqualTo("finishedAt"));
    assertThat(runs.runsOf(id)).isEmpty();
    assertThatThrownBy(() -> experiments.create(new ExperimentDraft("", null, null, "")))
        .isInstanceOf(DomainException.InvalidInput.class)
        .satisfies(e -> assertThat(((DomainException) e).errors())
            .extracting(f -> f.field()).contains("title", "owner"));
  }
}
