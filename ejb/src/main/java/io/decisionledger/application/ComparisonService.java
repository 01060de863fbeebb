package io.decisionledger.application;

import io.decisionledger.domain.model.comparison.Comparison;
import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Compares an experiment's variants metric by metric ({@link ComparisonCalculator}). */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ComparisonService {

  @Inject ComparisonCalculator calculator;

  @RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN, Roles.API_READ,
      Roles.API_INGEST})
  public Comparison compare(long experimentId) {
    return calculator.compare(experimentId);
  }
}
