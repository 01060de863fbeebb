package io.decisionledger.interfaces.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Cross-site request forgery on the API: a request that changes something and does not carry an
 * API token relies on the session cookie, which a browser also sends for a forged cross-site form.
 * Such requests must carry the header {@value #HEADER}, which a cross-site form cannot set (and
 * script from another origin cannot either, without a CORS permission this API never grants).
 * Faces forms have their own protection (view state, protected views).
 */
@WebFilter(filterName = "ApiCsrfFilter", urlPatterns = "/api/*", asyncSupported = true)
public class ApiCsrfFilter extends HttpFilter {

  public static final String HEADER = "X-Requested-By";

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Inject SecurityProblems problems;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws IOException, ServletException {
    if (!SAFE.contains(request.getMethod())
        && !ApplicationAuthentication.hasBearer(request)) {
      String marker = request.getHeader(HEADER);
      if (marker == null || marker.isBlank()) {
        problems.forbidden(response,
            request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName(),
            request.getRemoteAddr(), "CSRF: " + request.getMethod() + " " + request.getRequestURI(),
            "A request that changes something with a session cookie needs the header " + HEADER);
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
