package io.decisionledger.interfaces.security;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Pages: a refused role check in the EJB layer, a forged or stale form post (no valid view state)
 * and a protected view reached without its token are answered 403 with the error page, not a 500.
 */
@WebFilter(filterName = "PageFailureFilter", urlPatterns = "*.xhtml", asyncSupported = true)
public class PageFailureFilter extends HttpFilter {

  @Inject SecurityProblems problems;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      Throwable refusal = refusal(e);
      if (refusal == null || response.isCommitted()) {
        throw e;
      }
      problems.recordDenied(request, refusal instanceof EJBAccessException
          ? "role: " + request.getRequestURI() : "form token: " + request.getRequestURI());
      response.reset();
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
  }

  private static Throwable refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EJBAccessException || t instanceof ViewExpiredException
          || t instanceof ProtectedViewException) {
        return t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
