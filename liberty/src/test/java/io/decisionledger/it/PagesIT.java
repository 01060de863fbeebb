package io.decisionledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Faces pages render over HTTP with the demo data the empty database was seeded with. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PagesIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  private Http.Response page(String path) {
    Http.Response response = new Http(Deployments.root(base)).get(path, "text/html");
    assertThat(response.status()).as(path).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/html");
    return response;
  }

  private long demoExperimentId() {
    return new Http(Deployments.root(base)).get("api/v1/experiments?q=Path%20A%20vs%20Path%20B").json()
        .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
  }

  @Test
  void homeShowsTheMostRecentExperiment() {
    String newest = new Http(Deployments.root(base)).get("api/v1/experiments?limit=1").json()
        .getJsonArray("items").getJsonObject(0).getString("title");
    assertThat(page("").body()).contains("Decision Ledger").contains(newest);
  }

  @Test
  void listShowsAPageOfExperiments() {
    String title = "Listed " + System.nanoTime();
    new Http(Deployments.root(base)).postJson("api/v1/experiments",
        "{\"title\":\"" + title + "\",\"owner\":\"pages\"}");
    String html = page("experiments/list.xhtml").body();
    // Newest first, paged on the server: the new experiment is on the first page.
    assertThat(html).contains(title).contains("pages");
  }

  @Test
  void detailShowsVariantsRunsAndTheComparisonWithVerdicts() {
    String html = page("experiments/detail.xhtml?id=" + demoExperimentId()).body();
    assertThat(html)
        .contains("Path A: Kubernetes on VMs")
        .contains("Path B: VMs in Kubernetes (KubeVirt)")
        .contains("control_plane_startup")
        .contains("vm_boot_time")
        .contains("proxmox-8.2");
    // The demo makes Path B clearly faster to boot VMs and slower to start the control plane.
    assertThat(html).containsIgnoringCase("better").containsIgnoringCase("worse");
  }

  @Test
  void anUnknownExperimentIsANotFoundMessageNotAStackTrace() {
    Http.Response response = new Http(Deployments.root(base)).get("experiments/detail.xhtml?id=999999", "text/html");
    assertThat(response.status()).isIn(200, 404);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.decisionledger");
  }
}
