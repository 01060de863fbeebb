package io.decisionledger.interfaces.security.web;

import io.decisionledger.domain.model.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

/** Who is signed in, for the pages: what to show and which actions to offer. */
@Named("caller")
@RequestScoped
public class CallerBean {

  @Inject SecurityContext security;

  public boolean isSignedIn() {
    return security.getCallerPrincipal() != null;
  }

  public String getName() {
    return isSignedIn() ? security.getCallerPrincipal().getName() : "";
  }

  public boolean isEditor() {
    return security.isCallerInRole(Roles.EDITOR);
  }

  public boolean isAdmin() {
    return security.isCallerInRole(Roles.ADMIN);
  }

  /** May see the configuration audit and the security trail. */
  public boolean isAuditor() {
    return security.isCallerInRole(Roles.AUDITOR) || security.isCallerInRole(Roles.ADMIN);
  }
}
