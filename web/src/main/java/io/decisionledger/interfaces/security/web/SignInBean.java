package io.decisionledger.interfaces.security.web;

import io.decisionledger.application.security.SecurityEvents;
import io.decisionledger.domain.model.security.SecurityEventType;
import io.decisionledger.interfaces.security.OpenIdConnect;
import io.decisionledger.interfaces.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Pattern;

/** The sign-in form and the sign-out button. */
@Named("signIn")
@RequestScoped
public class SignInBean {

  /** A place inside the application: one leading slash, no scheme, no second slash. */
  private static final Pattern LOCAL_TARGET = Pattern.compile("/(?![/\\\\])[^\\s]*");

  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject SecurityEvents events;
  @Inject OpenIdConnect oidc;

  private String username;
  private String password;
  private String next;

  public void signIn() throws IOException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    AuthenticationStatus status = security.authenticate(request, response,
        AuthenticationParameters.withParams()
            .credential(new UsernamePasswordCredential(username == null ? "" : username,
                new Password(password == null ? "" : password)))
            .newAuthentication(true));
    password = null;
    switch (status) {
      case SUCCESS -> {
        faces.responseComplete();
        external.redirect(external.getRequestContextPath() + safeNext());
      }
      case SEND_CONTINUE -> faces.responseComplete();
      default -> Messages.fieldError("signInForm:password",
          "Wrong user name or password, or the account is locked for a while");
    }
  }

  public void signOut() throws IOException, ServletException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    String name = request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    if (name != null) {
      events.record(SecurityEventType.SIGN_OUT, name, request.getRemoteAddr(), null);
    }
    faces.responseComplete();
    if (oidc.enabled()) {
      // Signed out here; the provider's end-session endpoint (if any) ends the provider's session.
      external.redirect(oidc.signedOutLocation(request));
      return;
    }
    external.redirect(external.getRequestContextPath() + "/login.xhtml?signedOut=true");
  }

  String safeNext() {
    return next != null && LOCAL_TARGET.matcher(next).matches() && !next.startsWith("/login.xhtml")
        ? next : "/index.xhtml";
  }

  /** Whether people sign in at an OpenID Connect provider instead of with this form. */
  public boolean isOidc() {
    return oidc.enabled();
  }

  /** The link that starts a sign-in at the provider, coming back to {@code next}. */
  public String getOidcSignInUrl() {
    return faces.getExternalContext().getRequestContextPath() + OpenIdConnect.SIGN_IN + "?next="
        + java.net.URLEncoder.encode(safeNext(), java.nio.charset.StandardCharsets.UTF_8);
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
