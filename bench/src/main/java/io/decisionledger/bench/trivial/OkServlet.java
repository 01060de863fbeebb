package io.decisionledger.bench.trivial;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The framework floor for the page benchmarks: answers "ok" and does nothing else. Deployed only
 * to the benchmark's own server (as {@code bench-trivial.war}), never in the product EAR.
 */
@WebServlet("/ok")
public class OkServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/plain");
    response.getWriter().write("ok");
  }
}
