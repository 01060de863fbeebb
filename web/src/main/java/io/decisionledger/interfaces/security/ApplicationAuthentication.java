package io.decisionledger.interfaces.security;

import io.decisionledger.application.security.RecentTokens;
import io.decisionledger.application.security.TokenService;
import io.decisionledger.domain.model.security.TokenScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * How a request proves who sends it (docs/architecture.md D12), in this order:
 *
 * <ol>
 *   <li>{@code Authorization: Bearer <token>}: an API token, with one role per scope. A token
 *       that is unknown, revoked or expired is answered 401 at once. A token found active is not
 *       checked again for {@link RecentTokens#RECHECK} on this server (revoking it here ends
 *       that at once; another replica notices within that time).
 *   <li>A sign-in in progress ({@code SecurityContext.authenticate} with a user name and password,
 *       from the sign-in page or {@code POST /api/v1/session}): checked against the identity
 *       store; on success the session id changes (no fixation) and the session remembers the user.
 *       A refusal sends nothing: the page shows {@link #SIGN_IN_REFUSED} beside the form, the API
 *       answers it as a 401 problem.
 *   <li>A session that remembers a user: the user's roles are read again ({@link SessionUsers}),
 *       so a disabled account or a removed role takes effect at once. Sessions live in PostgreSQL,
 *       so any replica can continue them.
 * </ol>
 *
 * When one of these cannot be checked (the database is unreachable), the answer is 503 with
 * {@code Retry-After}: problem+json on the API, the error page for a browser.
 *
 * <p>Otherwise the request is anonymous: a protected page sends the browser to the sign-in page and
 * a protected API path answers 401 problem+json.
 *
 * <p>With {@code dl.auth.mode=oidc} ({@link OpenIdConnect}) step 2 is off (no password sign-in),
 * {@code /oidc/sign-in} and {@code /oidc/callback} run the provider's sign-in, and an anonymous
 * request for a protected page goes to the provider instead of the sign-in page. Bearer tokens
 * and remembered sessions work as in form mode.
 */
@ApplicationScoped
public class ApplicationAuthentication implements HttpAuthenticationMechanism {

  /** The session attribute that holds the signed-in user's name (and nothing else). */
  public static final String SESSION_USER = "io.decisionledger.user";

  static final String SIGN_IN_PAGE = "/login.xhtml";

  /**
   * The one answer to every refused sign-in (unknown user, wrong password, locked or disabled
   * account): it names every possibility and confirms none, so it cannot tell which accounts exist.
   */
  public static final String SIGN_IN_REFUSED = "Wrong user name or password, or the account is"
      + " locked after too many failed attempts: try again later or ask an administrator.";

  private static final Logger LOG = Logger.getLogger(ApplicationAuthentication.class.getName());

  @Inject IdentityStoreHandler identityStores;
  @Inject TokenService tokens;
  @Inject RecentTokens recentTokens;
  @Inject SessionUsers users;
  @Inject SecurityProblems problems;
  @Inject OpenIdConnect oidc;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    try {
      return identify(request, response, context);
    } catch (RuntimeException e) {
      // The token, the password or the session's user could not be checked, typically because
      // the database is unreachable. Not 401/403: the caller may be entitled; it should retry.
      // (An exception left to the container was answered 403.)
      if (response.isCommitted()) {
        throw e;
      }
      LOG.log(Level.WARNING, "Could not check who sends " + request.getMethod() + " "
          + request.getRequestURI() + ": " + e);
      problems.unavailable(request, response,
          "Who sends this request cannot be checked now (the database is unreachable); try again"
              + " shortly");
      return AuthenticationStatus.SEND_FAILURE;
    }
  }

  private AuthenticationStatus identify(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (hasBearer(request)) {
      return bearer(request.getHeader("Authorization").substring(7).strip(), request, response,
          context);
    }
    Credential credential =
        context.getAuthParameters() == null ? null : context.getAuthParameters().getCredential();
    if (oidc.enabled()) {
      if (credential != null) {
        // Password sign-in is off: people sign in at the provider.
        return context.doNothing();
      }
      String path = request.getRequestURI().substring(request.getContextPath().length());
      try {
        if (path.equals(OpenIdConnect.CALLBACK)) {
          oidc.callback(request, response);
          return AuthenticationStatus.SEND_CONTINUE;
        }
        if (path.equals(OpenIdConnect.SIGN_IN)) {
          oidc.start(request, response, request.getParameter("next"));
          return AuthenticationStatus.SEND_CONTINUE;
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    } else if (credential != null) {
      return signIn(credential, request, context);
    }
    HttpSession session = request.getSession(false);
    Object user = session == null ? null : session.getAttribute(SESSION_USER);
    if (user instanceof String name) {
      Optional<Set<String>> roles = users.roles(name);
      if (roles.isPresent()) {
        return context.notifyContainerAboutLogin(name, roles.get());
      }
      session.invalidate();
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    if (isApi(request)) {
      problems.unauthorized(response, "Sign in or send an API token (Authorization: Bearer)");
      return AuthenticationStatus.SEND_FAILURE;
    }
    if (oidc.enabled()) {
      try {
        oidc.start(request, response, target(request));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return AuthenticationStatus.SEND_CONTINUE;
    }
    return redirectToSignIn(request, context);
  }

  private AuthenticationStatus bearer(String value, HttpServletRequest request,
      HttpServletResponse response, HttpMessageContext context) {
    // A token checked in the last few seconds is not checked again (RecentTokens: no transaction,
    // no query); otherwise the database decides, and an active token is remembered.
    Optional<TokenService.TokenIdentity> identity = recentTokens.find(value);
    if (identity.isEmpty()) {
      identity = tokens.authenticate(value, source(request));
    }
    if (identity.isEmpty()) {
      problems.unauthorized(response, "The API token is unknown, revoked or expired");
      return AuthenticationStatus.SEND_FAILURE;
    }
    Set<String> roles = identity.get().scopes().stream().map(TokenScope::role)
        .collect(Collectors.toSet());
    return context.notifyContainerAboutLogin(identity.get().principal(), roles);
  }

  private AuthenticationStatus signIn(Credential credential, HttpServletRequest request,
      HttpMessageContext context) {
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      // Nothing sent: the sign-in page shows its message beside the field, the API its problem.
      return context.doNothing();
    }
    request.getSession(true);
    request.changeSessionId();
    request.getSession(false).setAttribute(SESSION_USER, result.getCallerPrincipal().getName());
    return context.notifyContainerAboutLogin(result);
  }

  private AuthenticationStatus redirectToSignIn(HttpServletRequest request,
      HttpMessageContext context) {
    String location = request.getContextPath() + SIGN_IN_PAGE + "?next="
        + URLEncoder.encode(target(request), StandardCharsets.UTF_8);
    try {
      context.getResponse().sendRedirect(location);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_CONTINUE;
  }

  /** The requested page with its query, relative to the application. */
  private static String target(HttpServletRequest request) {
    String target = request.getRequestURI().substring(request.getContextPath().length());
    if (request.getQueryString() != null) {
      target += "?" + request.getQueryString();
    }
    return target;
  }

  /** Whether the request presents an API token ({@code Authorization: Bearer ...}). */
  static boolean hasBearer(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/");
  }

  /** The client address for the audit trail. */
  static String source(HttpServletRequest request) {
    return request.getRemoteAddr();
  }
}
