package io.decisionledger.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One person, several tabs: the requests of one session arrive at once. Sessions are written to
 * PostgreSQL after every request, and Mojarra evicts the eldest of a session's views once it holds
 * more than it keeps (25); the two used to deadlock, after which every request of that session
 * hung (the reason for {@code ActiveViewMaps}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionTabsIT {

  private static final int TABS = 8;
  private static final int REQUESTS = 200;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  @Test
  void concurrentPageRequestsOfOneSessionAllAnswerAndEveryWriteOfTheSessionSucceeds()
      throws Exception {
    Http http = new Http(Deployments.root(base));
    ServerLog log = ServerLog.ofTestServer();
    long mark = log.mark();
    // More views than Mojarra keeps, so that every further page evicts one.
    for (int i = 0; i < 30; i++) {
      assertThat(http.get("experiments/list.xhtml", "text/html").status()).isEqualTo(200);
    }

    ExecutorService tabs = Executors.newFixedThreadPool(TABS);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        String page = i % 2 == 0 ? "experiments/list.xhtml" : "decisions/list.xhtml";
        answers.add(tabs.submit(() -> http.get(page, "text/html").status()));
      }
      for (Future<Integer> answer : answers) {
        assertThat(answer.get(90, TimeUnit.SECONDS)).isEqualTo(200);
      }
    } finally {
      tabs.shutdownNow();
    }

    // The session still works afterwards, and no write of it failed (a write ends just after its
    // response, so the log is watched for a moment).
    assertThat(http.get("experiments/list.xhtml", "text/html").status()).isEqualTo(200);
    await("no session write failed").atMost(Duration.ofSeconds(10))
        .during(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(200))
        .untilAsserted(() ->
            assertThat(log.linesSince(mark, ServerLog.SESSION_FAILURE)).isEmpty());
  }
}
