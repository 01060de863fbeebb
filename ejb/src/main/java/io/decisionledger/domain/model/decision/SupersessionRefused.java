package io.decisionledger.domain.model.decision;

/** A supersession the rules forbid: of a decision by itself, a second time, or in a cycle. */
public class SupersessionRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SupersessionRefused(String message) {
    super(message);
  }
}
