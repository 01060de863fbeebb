package io.decisionledger.interfaces.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response. Pages get a Content-Security-Policy without {@code
 * script-src}: PrimeFaces' CSP mode ({@code primefaces.CSP}) adds its own policy with a per-request
 * nonce for scripts, and a browser enforces both policies. Everything else (API, static files)
 * gets a policy that allows nothing to run. HSTS only when the request came over HTTPS (directly
 * or through the ingress, {@code X-Forwarded-Proto}).
 */
@WebFilter(filterName = "SecurityHeadersFilter", urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

  static final String PAGE_POLICY = "base-uri 'self'; object-src 'none'; frame-ancestors 'none';"
      + " form-action 'self'; img-src 'self' data:; font-src 'self' data:; connect-src 'self';"
      + " style-src 'self' 'unsafe-inline'";
  static final String OTHER_POLICY =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean page = path.endsWith(".xhtml") || path.equals("/") || path.startsWith("/jakarta.faces.resource/")
        || path.endsWith(".html") || path.startsWith("/openapi/ui");
    response.setHeader("Content-Security-Policy", page ? PAGE_POLICY : OTHER_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    if (path.startsWith("/api/")) {
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }
}
