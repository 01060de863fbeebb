package io.decisionledger.interfaces.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.decisionledger.application.ApplicationMetrics;
import io.decisionledger.application.security.SignInFailure;
import io.decisionledger.application.security.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OpenID Connect sign-in ({@code dl.auth.mode=oidc}, docs/architecture.md D12): the authorization
 * code flow with PKCE, state and nonce, the ID token validated against the provider's published
 * keys, issuer and client id. The person is then provisioned in {@code app_user} (no password) with
 * the roles the {@code dl.auth.oidc.roles-claim} values map to, and the session remembers them as
 * after a password sign-in. The pending sign-in (state, nonce, verifier, where to go next) lives
 * in the HTTP session, so it also completes on another replica.
 */
@ApplicationScoped
public class OpenIdConnect {

  /** Where the provider sends the browser back. */
  public static final String CALLBACK = "/oidc/callback";

  /** Starts a sign-in ({@code ?next=/page.xhtml}): the sign-in page's button. */
  public static final String SIGN_IN = "/oidc/sign-in";

  private static final Logger LOG = Logger.getLogger(OpenIdConnect.class.getName());
  private static final String PENDING = "io.decisionledger.oidc.pending";
  private static final Pattern LOCAL_TARGET = Pattern.compile("/(?![/\\\\])[^\\s]*");
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final int READ_TIMEOUT_MS = 10_000;

  /** A sign-in between the redirect to the provider and its answer. */
  record Pending(String state, String nonce, String verifier, String target)
      implements Serializable {}

  private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {}

  @Inject
  @ConfigProperty(name = "dl.auth.mode", defaultValue = "form")
  String mode;

  @Inject
  @ConfigProperty(name = "dl.auth.oidc.provider-uri")
  Optional<String> providerUri;

  @Inject
  @ConfigProperty(name = "dl.auth.oidc.client-id")
  Optional<String> clientId;

  @Inject
  @ConfigProperty(name = "dl.auth.oidc.redirect-uri")
  Optional<String> redirectUri;

  @Inject
  @ConfigProperty(name = "dl.auth.oidc.username-claim", defaultValue = "preferred_username")
  String usernameClaim;

  @Inject
  @ConfigProperty(name = "dl.auth.oidc.roles-claim", defaultValue = "groups")
  String rolesClaim;

  @Inject
  @ConfigProperty(name = "dl.auth.oidc.role-map")
  Optional<String> roleMapText;

  @Inject SignInService signIns;
  @Inject SessionUsers users;
  @Inject ApplicationMetrics metrics;

  private volatile Provider provider;
  private volatile RoleMap roleMap;

  /** Refuses to start with an unknown mode or, in {@code oidc} mode, an incomplete setup. */
  void check(@Observes Startup startup) {
    String m = mode.strip().toLowerCase(Locale.ROOT);
    if (!m.equals("form") && !m.equals("oidc")) {
      throw new IllegalStateException("dl.auth.mode must be form or oidc, not '" + mode + "'");
    }
    if (enabled()) {
      if (providerUri.isEmpty() || clientId.isEmpty() || clientSecret().isEmpty()) {
        throw new IllegalStateException("dl.auth.mode=oidc needs dl.auth.oidc.provider-uri,"
            + " dl.auth.oidc.client-id and the secret dl.auth.oidc.client-secret");
      }
      roleMap = RoleMap.parse(roleMapText.orElse(""));
      LOG.info(() -> "Sign-in through OpenID Connect at " + providerUri.get()
          + "; password sign-in is off");
    }
  }

  /** Whether people sign in at the OpenID Connect provider ({@code dl.auth.mode=oidc}). */
  public boolean enabled() {
    return "oidc".equalsIgnoreCase(mode.strip());
  }

  /** Sends the browser to the provider; {@code target} is where to go after signing in. */
  void start(HttpServletRequest request, HttpServletResponse response, String target)
      throws IOException {
    Provider p;
    try {
      p = provider();
    } catch (IOException | GeneralException | RuntimeException e) {
      LOG.log(Level.WARNING, "The OpenID Connect provider cannot be reached: " + e);
      // A failed sign-in for the metric (no user is involved yet, so no line in the trail).
      metrics.signInFailed(SignInFailure.PROVIDER);
      // Only the status: Liberty renders the error page once the mechanism returns.
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return;
    }
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    request.getSession(true).setAttribute(PENDING, new Pending(state.getValue(),
        nonce.getValue(), verifier.getValue(), safeTarget(target)));
    AuthenticationRequest authentication = new AuthenticationRequest.Builder(
        new ResponseType(ResponseType.Value.CODE), new Scope("openid", "profile", "email"),
        new ClientID(clientId.orElseThrow()), callbackUri(request))
        .endpointURI(p.metadata().getAuthorizationEndpointURI())
        .state(state)
        .nonce(nonce)
        .codeChallenge(verifier, CodeChallengeMethod.S256)
        .build();
    response.sendRedirect(authentication.toURI().toString());
  }

  /**
   * The provider's answer: checks the state, exchanges the code, validates the ID token, signs the
   * person in and sends the browser where it was going. Anything wrong ends in 403 and a line in
   * the security trail; nothing about the tokens is logged.
   */
  void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
    HttpSession session = request.getSession(false);
    Pending pending = session == null ? null : (Pending) session.getAttribute(PENDING);
    String source = ApplicationAuthentication.source(request);
    if (pending == null || !pending.state().equals(request.getParameter("state"))) {
      refuse(response, source, "openid connect: no sign-in in progress or a wrong state");
      return;
    }
    session.removeAttribute(PENDING);
    if (request.getParameter("error") != null || request.getParameter("code") == null) {
      refuse(response, source, "openid connect: the provider answered "
          + clip(Optional.ofNullable(request.getParameter("error")).orElse("without a code")));
      return;
    }
    IDTokenClaimsSet claims;
    try {
      claims = exchange(request, request.getParameter("code"), pending);
    } catch (IOException | GeneralException | com.nimbusds.jose.JOSEException
        | com.nimbusds.jose.proc.BadJOSEException | RuntimeException e) {
      LOG.warning("OpenID Connect sign-in failed: " + e.getClass().getSimpleName());
      refuse(response, source, "openid connect: the code or ID token was not accepted ("
          + e.getClass().getSimpleName() + ")");
      return;
    }
    if (RoleMap.leftOut(claims.toJSONObject(), rolesClaim)) {
      LOG.warning("OpenID Connect sign-in refused: the ID token leaves out the '" + rolesClaim
          + "' claim and refers elsewhere for it (Entra ID group overage: more groups than a token"
          + " holds). Map app roles instead (dl.auth.oidc.roles-claim=roles) or let the token"
          + " carry only the groups assigned to the application.");
      refuse(response, source, "openid connect: the " + clip(rolesClaim)
          + " claim is not in the ID token (group overage)");
      return;
    }
    Object name = claims.getClaim(usernameClaim);
    Object displayName = claims.getClaim("name");
    SignInService.Outcome outcome = signIns.externalSignIn(
        name instanceof String s ? s : null,
        displayName instanceof String s ? s : null,
        roleMap().rolesFor(RoleMap.values(claims.getClaim(rolesClaim))), source);
    if (!outcome.valid()) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    users.forget(outcome.username());
    request.changeSessionId();
    request.getSession(false).setAttribute(ApplicationAuthentication.SESSION_USER,
        outcome.username());
    response.sendRedirect(request.getContextPath() + pending.target());
  }

  /**
   * Where the browser goes after the local session ended: the provider's end-session endpoint,
   * when it has one, which comes back to the sign-in page; otherwise the sign-in page.
   */
  public String signedOutLocation(HttpServletRequest request) {
    String signedOut = applicationBase(request) + "/login.xhtml?signedOut=true";
    try {
      URI endSession = provider().metadata().getEndSessionEndpointURI();
      if (endSession != null) {
        return endSession + (endSession.getRawQuery() == null ? "?" : "&")
            + "client_id=" + URLEncoder.encode(clientId.orElseThrow(), StandardCharsets.UTF_8)
            + "&post_logout_redirect_uri=" + URLEncoder.encode(signedOut, StandardCharsets.UTF_8);
      }
    } catch (IOException | GeneralException | RuntimeException e) {
      LOG.warning("The OpenID Connect provider cannot be reached for sign-out: " + e);
    }
    return signedOut;
  }

  private IDTokenClaimsSet exchange(HttpServletRequest request, String code, Pending pending)
      throws IOException, GeneralException, com.nimbusds.jose.JOSEException,
      com.nimbusds.jose.proc.BadJOSEException {
    Provider p = provider();
    ClientID client = new ClientID(clientId.orElseThrow());
    Secret secret = new Secret(clientSecret().orElseThrow(
        () -> new IllegalStateException("dl.auth.oidc.client-secret is not set")));
    List<ClientAuthenticationMethod> methods =
        p.metadata().getTokenEndpointAuthMethods();
    ClientAuthentication authentication = methods != null
        && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        ? new ClientSecretPost(client, secret) : new ClientSecretBasic(client, secret);
    TokenRequest tokenRequest = new TokenRequest(p.metadata().getTokenEndpointURI(),
        authentication, new AuthorizationCodeGrant(new AuthorizationCode(code),
            callbackUri(request), new CodeVerifier(pending.verifier())));
    HTTPRequest http = tokenRequest.toHTTPRequest();
    http.setConnectTimeout(CONNECT_TIMEOUT_MS);
    http.setReadTimeout(READ_TIMEOUT_MS);
    TokenResponse answer = OIDCTokenResponseParser.parse(http.send());
    if (!answer.indicatesSuccess()) {
      throw new IllegalStateException("token endpoint refused: "
          + clip(answer.toErrorResponse().getErrorObject().getCode()));
    }
    JWT idToken = ((OIDCTokenResponse) answer.toSuccessResponse()).getOIDCTokens().getIDToken();
    return p.validator().validate(idToken, new Nonce(pending.nonce()));
  }

  /** The provider's metadata and keys, read once and again after a failure. */
  private Provider provider() throws IOException, GeneralException {
    Provider known = provider;
    if (known == null) {
      Issuer issuer = new Issuer(providerUri.orElseThrow(
          () -> new IllegalStateException("dl.auth.oidc.provider-uri is not set")).strip());
      OIDCProviderMetadata metadata =
          OIDCProviderMetadata.resolve(issuer, CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
      List<JWSAlgorithm> algorithms = metadata.getIDTokenJWSAlgs();
      JWSAlgorithm algorithm = algorithms == null || algorithms.isEmpty()
          || algorithms.contains(JWSAlgorithm.RS256) ? JWSAlgorithm.RS256 : algorithms.get(0);
      IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(),
          new ClientID(clientId.orElseThrow()), algorithm, metadata.getJWKSetURI().toURL(),
          new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, 512 * 1024));
      known = new Provider(metadata, validator);
      provider = known;
    }
    return known;
  }

  private RoleMap roleMap() {
    RoleMap known = roleMap;
    if (known == null) {
      known = RoleMap.parse(roleMapText.orElse(""));
      roleMap = known;
    }
    return known;
  }

  /** Read on each use, so a rotated secret (a mounted file) takes effect without a restart. */
  private static Optional<String> clientSecret() {
    return ConfigProvider.getConfig().getOptionalValue("dl.auth.oidc.client-secret",
        String.class).map(String::strip).filter(s -> !s.isEmpty());
  }

  private URI callbackUri(HttpServletRequest request) {
    return URI.create(redirectUri.map(String::strip).filter(s -> !s.isEmpty())
        .orElseGet(() -> applicationBase(request) + CALLBACK));
  }

  /** {@code scheme://host[:port]/context} of the application, from the redirect URI if set. */
  private String applicationBase(HttpServletRequest request) {
    Optional<String> configured = redirectUri.map(String::strip).filter(s -> !s.isEmpty());
    if (configured.isPresent() && configured.get().endsWith(CALLBACK)) {
      return configured.get().substring(0, configured.get().length() - CALLBACK.length());
    }
    StringBuffer url = request.getRequestURL();
    String requestUrl = url.toString();
    int pathStart = requestUrl.indexOf('/', requestUrl.indexOf("://") + 3);
    return (pathStart < 0 ? requestUrl : requestUrl.substring(0, pathStart))
        + request.getContextPath();
  }

  private void refuse(HttpServletResponse response, String source, String reason)
      throws IOException {
    signIns.externalSignInFailed(source, reason);
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
  }

  /** A place inside the application (one leading slash, no scheme); otherwise the home page. */
  static String safeTarget(String target) {
    return target != null && LOCAL_TARGET.matcher(target).matches()
        && !target.startsWith("/login.xhtml") && !target.startsWith("/oidc/")
        ? target : "/index.xhtml";
  }

  private static String clip(String text) {
    String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() > 80 ? printable.substring(0, 80) : printable;
  }
}
