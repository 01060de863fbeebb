package io.decisionledger.interfaces.security.rest;

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
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Users, roles, API tokens (administrators) and the security trail (auditors, administrators). */
@Path("v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Users, roles, API tokens and the security trail")
public class AdministrationResource {

  public record UserDto(long id, String username, String displayName, List<String> roles,
      boolean enabled, boolean locked, Instant lastSignInAt, Instant createdAt) {
    static UserDto of(AppUser u) {
      return new UserDto(u.getId(), u.getUsername(), u.getDisplayName(),
          List.copyOf(new TreeSet<>(u.getRoles())), u.isEnabled(), u.isLocked(Instant.now()),
          u.getLastSignInAt(), u.getCreatedAt());
    }
  }

  public record NewUser(String username, String displayName, String password, List<String> roles) {}

  public record UserChange(List<String> roles, Boolean enabled) {}

  public record NewPassword(String password) {}

  public record TokenDto(long id, String name, String prefix, List<String> scopes,
      String createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt,
      Instant lastUsedAt, boolean active) {
    static TokenDto of(ApiToken t) {
      return new TokenDto(t.getId(), t.getName(), t.getPrefix(),
          t.getScopes().stream().map(TokenScope::key).sorted().toList(), t.getCreatedBy(),
          t.getCreatedAt(), t.getExpiresAt(), t.getRevokedAt(), t.getLastUsedAt(),
          t.isActive(Instant.now()));
    }
  }

  /** The one response that carries a token's value. */
  public record CreatedTokenDto(TokenDto token, String value) {}

  public record NewToken(String name, List<String> scopes, Integer expiresInDays) {}

  public record EventDto(long id, Instant occurredAt, String type, String principal,
      String source, String detail) {
    static EventDto of(SecurityEvent e) {
      return new EventDto(e.getId(), e.getOccurredAt(), e.getType().name(), e.getPrincipal(),
          e.getSource(), e.getDetail());
    }
  }

  public record EventPage(List<EventDto> items, long total, int offset, int limit) {}

  @Inject UserService users;
  @Inject TokenService tokens;
  @Inject SecurityEvents events;
  @Inject SessionUsers sessionUsers;

  @GET
  @Path("users")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "All users with their roles")
  public List<UserDto> users() {
    return users.list().stream().map(UserDto::of).toList();
  }

  @POST
  @Path("users")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Create a user who signs in with a password")
  public Response createUser(NewUser body) {
    if (body == null) {
      throw DomainException.InvalidInput.of("body", "A request body is required");
    }
    AppUser user = users.create(body.username(), body.displayName(),
        body.password() == null ? null : body.password().toCharArray(), roles(body.roles()));
    return Response.status(Response.Status.CREATED).entity(UserDto.of(user)).build();
  }

  @PUT
  @Path("users/{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Change a user's roles, or disable or enable the account")
  public UserDto changeUser(@PathParam("id") long id, UserChange body) {
    if (body == null) {
      throw DomainException.InvalidInput.of("body", "A request body is required");
    }
    AppUser user = users.changeRoles(id, roles(body.roles()),
        body.enabled() == null || body.enabled());
    sessionUsers.forget(user.getUsername());
    return UserDto.of(user);
  }

  @POST
  @Path("users/{id}/password")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Set a new password (also unlocks the account)")
  public UserDto resetPassword(@PathParam("id") long id, NewPassword body) {
    return UserDto.of(users.resetPassword(id,
        body == null || body.password() == null ? null : body.password().toCharArray()));
  }

  @POST
  @Path("users/{id}/unlock")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Unlock an account locked after failed sign-ins")
  public UserDto unlock(@PathParam("id") long id) {
    return UserDto.of(users.unlock(id));
  }

  @GET
  @Path("tokens")
  @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
  @Operation(summary = "All API tokens (never their values)")
  public List<TokenDto> tokens() {
    return tokens.list().stream().map(TokenDto::of).toList();
  }

  @POST
  @Path("tokens")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Create an API token; its value is in this response only")
  public Response createToken(NewToken body) {
    if (body == null) {
      throw DomainException.InvalidInput.of("body", "A request body is required");
    }
    String scopes = body.scopes() == null ? null : String.join(",", body.scopes());
    Duration lifetime = Duration.ofDays(body.expiresInDays() == null ? 90 : body.expiresInDays());
    TokenService.CreatedToken created = tokens.create(body.name(), scopes, lifetime);
    return Response.status(Response.Status.CREATED)
        .entity(new CreatedTokenDto(TokenDto.of(created.token()), created.value()))
        .build();
  }

  @DELETE
  @Path("tokens/{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Revoke an API token (kept for the record)")
  public TokenDto revoke(@PathParam("id") long id) {
    return TokenDto.of(tokens.revoke(id));
  }

  @GET
  @Path("security-events")
  @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
  @Operation(summary = "The security trail, newest first")
  public EventPage securityEvents(@QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    if (offset < 0 || limit < 1 || limit > 500) {
      throw DomainException.InvalidInput.of("limit", "offset ≥ 0 and 1 ≤ limit ≤ 500");
    }
    Page<SecurityEvent> page = events.list(offset, limit);
    return new EventPage(page.items().stream().map(EventDto::of).toList(), page.total(), offset,
        limit);
  }

  private static Set<String> roles(List<String> roles) {
    return roles == null ? Set.of() : roles.stream().collect(Collectors.toCollection(TreeSet::new));
  }
}
