package io.decisionledger.it.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.it.Deployments;
import io.decisionledger.it.Http;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The history pages render over HTTP: recent changes, and an entity's timeline with its diffs. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HistoryPagesIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  private Http http;

  @BeforeEach
  void client() {
    http = new Http(Deployments.root(base));
  }

  private String page(String path) {
    Http.Response response = http.get(path, "text/html");
    assertThat(response.status()).as(path).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/html");
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.decisionledger");
    return response.body();
  }

  private long experiment(String title) {
    long id = http.postJson("api/v1/experiments", "{\"title\":\"" + title + "\",\"owner\":\"ops\"}")
        .getJsonNumber("id").longValue();
    assertThat(http.put("api/v1/experiments/" + id, "{\"title\":\"" + title + "\",\"owner\":\"ops\","
        + "\"status\":\"RUNNING\"}").status()).isEqualTo(200);
    return id;
  }

  @Test
  void recentChangesListTheNewestChangesWithTheirDiffs() {
    String title = "Recent page " + System.nanoTime();
    experiment(title);

    String html = page("history/recent.xhtml");

    assertThat(html).contains("Recent changes").contains(title).contains("PLANNED")
        .contains("RUNNING").contains(io.decisionledger.it.TestDatabase.ADMIN).contains("Changed").contains("Created");
    // The navigation of every page leads here.
    assertThat(page("experiments/list.xhtml")).contains("history/recent.xhtml");
  }

  @Test
  void anExperimentsTimelineIsLinkedFromItsPageAndShowsItsChanges() {
    String title = "Timeline page " + System.nanoTime();
    long id = experiment(title);

    assertThat(page("experiments/detail.xhtml?id=" + id))
        .contains("history/timeline.xhtml?type=experiment&amp;id=" + id);
    String html = page("history/timeline.xhtml?type=experiment&id=" + id);

    assertThat(html).contains("History of " + title).contains("Status")
        .contains("PLANNED").contains("RUNNING").contains("history-before")
        .contains("history-after");
  }

  @Test
  void aGoalsTimelineIsLinkedFromItsPageAndShowsItsChanges() {
    String title = "Goal timeline page " + System.nanoTime();
    long id = http.postJson("api/v1/goals", "{\"title\":\"" + title + "\",\"kind\":\"LEARNING\"}")
        .getJsonNumber("id").longValue();
    assertThat(http.put("api/v1/goals/" + id, "{\"title\":\"" + title + "\",\"kind\":\"SUCCESS\"}")
        .status()).isEqualTo(200);

    assertThat(page("goals/detail.xhtml?id=" + id))
        .contains("history/timeline.xhtml?type=goal&amp;id=" + id);
    String html = page("history/timeline.xhtml?type=goal&id=" + id);

    assertThat(html).contains("History of " + title).contains("with its checklist items")
        .contains("LEARNING").contains("SUCCESS").contains("history-before")
        .contains("goals/detail.xhtml?id=" + id);
  }

  @Test
  void anUnknownTimelineIsAMessageNotAnError() {
    String html = page("history/timeline.xhtml?type=experiment&id=987654321");
    assertThat(html).contains("Experiment 987654321 does not exist");
    assertThat(page("history/timeline.xhtml?type=nothing&id=1")).contains("type must be one of");
  }
}
