package io.decisionledger.interfaces.security.web;

import io.decisionledger.application.DomainException;
import io.decisionledger.application.Page;
import io.decisionledger.application.security.SecurityEvents;
import io.decisionledger.application.security.TokenService;
import io.decisionledger.application.security.UserService;
import io.decisionledger.domain.model.security.ApiToken;
import io.decisionledger.domain.model.security.AppUser;
import io.decisionledger.domain.model.security.Roles;
import io.decisionledger.domain.model.security.SecurityEvent;
import io.decisionledger.domain.model.security.TokenScope;
import io.decisionledger.interfaces.security.SessionUsers;
import io.decisionledger.interfaces.web.Messages;
import io.decisionledger.interfaces.web.ViewModel;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The administration pages: users and roles, API tokens, the security trail. */
@Named("administration")
@ViewModel
public class AdministrationBean implements Serializable {

  private static final long serialVersionUID = 1L;

  static final Map<String, String> USER_FIELDS = Map.of(
      "username", "userForm:username", "password", "userForm:password", "roles", "userForm:roles");
  static final Map<String, String> TOKEN_FIELDS = Map.of(
      "name", "tokenForm:name", "scopes", "tokenForm:scopes",
      "expiresInDays", "tokenForm:expiresInDays");

  @Inject UserService users;
  @Inject TokenService tokens;
  @Inject SecurityEvents events;
  @Inject SessionUsers sessionUsers;

  // New user
  private String username;
  private String displayName;
  private String password;
  private List<String> roles = new ArrayList<>(List.of(Roles.VIEWER));

  // New token
  private String tokenName;
  private List<String> scopes = new ArrayList<>(List.of(TokenScope.INGEST.key()));
  private Integer expiresInDays = 90;
  /** The value of the token just created: shown once, then gone with the view. */
  private String createdToken;

  private int eventOffset;

  public List<AppUser> getUsers() {
    return users.list();
  }

  public List<ApiToken> getTokens() {
    return tokens.list();
  }

  public Page<SecurityEvent> getEvents() {
    return events.list(eventOffset, 50);
  }

  public List<String> getPeopleRoles() {
    return Roles.PEOPLE;
  }

  public List<String> getTokenScopes() {
    return List.of(TokenScope.READ.key(), TokenScope.INGEST.key());
  }

  public String rolesOf(AppUser user) {
    return String.join(", ", new TreeSet<>(user.getRoles()));
  }

  public String scopesOf(ApiToken token) {
    return TokenScope.format(token.getScopes());
  }

  public boolean active(ApiToken token) {
    return token.isActive(java.time.Instant.now());
  }

  public void createUser() {
    try {
      AppUser user = users.create(username, displayName,
          password == null ? null : password.toCharArray(), Set.copyOf(roles));
      Messages.info("Created user '" + user.getUsername() + "'.");
      username = null;
      displayName = null;
      roles = new ArrayList<>(List.of(Roles.VIEWER));
    } catch (DomainException e) {
      Messages.add(e, USER_FIELDS);
    } finally {
      password = null;
    }
  }

  public void toggleEnabled(AppUser user) {
    change(user, user.getRoles(), !user.isEnabled());
  }

  public void toggleRole(AppUser user, String role) {
    Set<String> next = new TreeSet<>(user.getRoles());
    if (!next.remove(role)) {
      next.add(role);
    }
    change(user, next, user.isEnabled());
  }

  private void change(AppUser user, Set<String> nextRoles, boolean enabled) {
    try {
      users.changeRoles(user.getId(), nextRoles, enabled);
      sessionUsers.forget(user.getUsername());
      Messages.info("Changed user '" + user.getUsername() + "'.");
    } catch (DomainException e) {
      Messages.error(e.getMessage());
    }
  }

  public void unlock(AppUser user) {
    users.unlock(user.getId());
    Messages.info("Unlocked user '" + user.getUsername() + "'.");
  }

  public void createToken() {
    try {
      TokenService.CreatedToken created = tokens.create(tokenName,
          scopes == null ? null : scopes.stream().collect(Collectors.joining(",")),
          expiresInDays == null ? null : Duration.ofDays(expiresInDays));
      createdToken = created.value();
      Messages.info("Created token '" + created.token().getName()
          + "'. Copy its value now: it is not shown again.");
      tokenName = null;
    } catch (DomainException e) {
      Messages.add(e, TOKEN_FIELDS);
    }
  }

  public void revoke(ApiToken token) {
    tokens.revoke(token.getId());
    Messages.info("Revoked token '" + token.getName() + "'.");
  }

  public void olderEvents() {
    eventOffset += 50;
  }

  public void newerEvents() {
    eventOffset = Math.max(0, eventOffset - 50);
  }

  // --- properties ---

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles;
  }

  public String getTokenName() {
    return tokenName;
  }

  public void setTokenName(String tokenName) {
    this.tokenName = tokenName;
  }

  public List<String> getScopes() {
    return scopes;
  }

  public void setScopes(List<String> scopes) {
    this.scopes = scopes;
  }

  public Integer getExpiresInDays() {
    return expiresInDays;
  }

  public void setExpiresInDays(Integer expiresInDays) {
    this.expiresInDays = expiresInDays;
  }

  public String getCreatedToken() {
    return createdToken;
  }

  public int getEventOffset() {
    return eventOffset;
  }
}
