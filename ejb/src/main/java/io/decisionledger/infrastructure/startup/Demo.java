package io.decisionledger.infrastructure.startup;

import io.decisionledger.application.DomainException;
import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the demo (the Path A vs Path B experiment and decisions citing it) into an empty ledger, on
 * an editor's request: written through the services under that editor's name, so its history says
 * who loaded it. The run command asks for it once the server is ready.
 */
@Stateless
@RolesAllowed(Roles.EDITOR)
public class Demo {

  /** What a load did. */
  public record Loaded(long experiments, long decisions) {}

  @PersistenceContext EntityManager em;

  @Inject DemoData demoData;
  @Inject DemoDecisions demoDecisions;
  @Inject DemoGoals demoGoals;

  @Inject
  @ConfigProperty(name = "dl.demo.seed", defaultValue = "true")
  boolean enabled;

  public boolean available() {
    return enabled;
  }

  /** Seeds whatever part of the demo the ledger lacks; loading twice changes nothing. */
  public Loaded load() {
    if (!enabled) {
      throw new DomainException.Conflict("Loading the demo is switched off (dl.demo.seed=false)");
    }
    long experimentsBefore = count("Experiment");
    long decisionsBefore = count("Decision");
    demoData.seedIfEnabledAndEmpty();
    demoDecisions.seedIfEnabledAndEmpty();
    demoGoals.seedIfEnabledAndEmpty();
    return new Loaded(count("Experiment") - experimentsBefore, count("Decision") - decisionsBefore);
  }

  private long count(String entity) {
    return em.createQuery("select count(e) from " + entity + " e", Long.class).getSingleResult();
  }
}
