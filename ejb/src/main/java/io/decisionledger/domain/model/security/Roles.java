package io.decisionledger.domain.model.security;

import java.util.List;
import java.util.Set;

/**
 * The roles of Decision Ledger, as constants so that {@code @RolesAllowed} can name them. People
 * hold {@link #PEOPLE} roles; API tokens get one role per scope.
 */
public final class Roles {

  /** Reads experiments, runs, comparisons, decisions, goals, history. */
  public static final String VIEWER = "viewer";
  /** Creates and changes experiments, runs, decisions and goals. */
  public static final String EDITOR = "editor";
  /** Reads everything, including the configuration audit and the security trail; changes nothing. */
  public static final String AUDITOR = "auditor";
  /** Manages users, roles and API tokens. */
  public static final String ADMIN = "admin";
  /** An API token with the {@code read} scope. */
  public static final String API_READ = "api-read";
  /** An API token with the {@code ingest} scope: creates runs and posts measurements. */
  public static final String API_INGEST = "api-ingest";

  /** Roles a person can hold, in the order the UI lists them. */
  public static final List<String> PEOPLE = List.of(VIEWER, EDITOR, AUDITOR, ADMIN);

  /** Every role, for {@code @DeclareRoles}. */
  public static final Set<String> ALL = Set.of(VIEWER, EDITOR, AUDITOR, ADMIN, API_READ, API_INGEST);

  private Roles() {}
}
