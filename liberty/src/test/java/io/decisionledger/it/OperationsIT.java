package io.decisionledger.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Health, metrics and OpenAPI as operators and Prometheus see them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationsIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  private Http root() throws Exception {
    // Health, metrics and OpenAPI live at the server root, beside the application.
    return new Http(Deployments.root(base));
  }

  @Test
  void healthChecksAnswerUp() throws Exception {
    Http http = root();
    for (String path : new String[] {"health/live", "health/ready", "health/started"}) {
      Http.Response response = http.get(path);
      assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
      assertThat(response.json().getString("status")).isEqualTo("UP");
    }
  }

  private static double rowsIngested(String metrics) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("(?m)^decisionledger_ingestion_rows_total\\{[^}]*\\} ([0-9.Ee+]+)$")
        .matcher(metrics);
    assertThat(m.find()).as("decisionledger_ingestion_rows_total in%n%s", metrics).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void metricsCountTheRowsIngestedInPrometheusText() throws Exception {
    Http http = root();
    Http.Response before = http.get("metrics?scope=application", "text/plain");
    assertThat(before.status()).isEqualTo(200);
    assertThat(before.contentType()).startsWith("text/plain");
    // Registered at start-up, so the series exist before anything was ingested.
    double rowsBefore = rowsIngested(before.body());
    // Decisions by status (five bounded series) and the drifted count, from the database.
    for (String status : new String[] {"proposed", "accepted", "rejected", "deprecated", "superseded"}) {
      assertThat(before.body()).containsPattern(
          "(?m)^decisionledger_decisions\\{[^}]*status=\"" + status + "\"[^}]*\\} [0-9.]+$");
    }
    assertThat(before.body()).containsPattern("(?m)^decisionledger_decisions_drifted\\{[^}]*\\} [0-9.]+$");
    assertThat(before.body()).contains("decisionledger_ingestion_requests_total")
        .contains("decisionledger_ingestion_rejected_total")
        .contains("decisionledger_comparison_duration_seconds");

    long experiment = http.postJson("api/v1/experiments", "{\"title\":\"Metrics\",\"owner\":\"it\"}")
        .getJsonNumber("id").longValue();
    long variant = http.postJson("api/v1/experiments/" + experiment + "/variants",
        "{\"name\":\"A\"}").getJsonNumber("id").longValue();
    http.postJson("api/v1/experiments/" + experiment + "/metrics",
        "{\"name\":\"m\",\"direction\":\"LOWER_IS_BETTER\"}");
    long run = http.postJson("api/v1/variants/" + variant + "/runs", "{}")
        .getJsonNumber("id").longValue();
    assertThat(http.post("api/v1/runs/" + run + "/measurements", "text/csv",
        "metric,value\nm,1\nm,2\nm,3\nm,4\nm,5\nm,6\nm,7\n").status()).isEqualTo(201);
    assertThat(http.post("api/v1/runs/" + run + "/measurements", "text/csv", "metric,value\nm,x\n")
        .status()).isEqualTo(400);

    String after = http.get("metrics?scope=application", "text/plain").body();
    assertThat(rowsIngested(after) - rowsBefore).isEqualTo(7.0);
    assertThat(after).contains("decisionledger_ingestion_duration_seconds_bucket");
    String all = http.get("metrics", "text/plain").body();
    assertThat(all).contains("jvm_uptime_seconds").contains("connectionpool_");
  }

  @Test
  void openApiDescribesTheApi() throws Exception {
    Http.Response openapi = root().get("openapi");
    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body()).contains("/api/v1/experiments/{id}/comparison")
        .contains("/api/v1/runs/{id}/measurements").contains("Idempotency-Key");
    assertThat(root().get("openapi/ui/").status()).isEqualTo(200);
  }

  @Test
  void openApiDescribesRequestBodiesDeclaredInTheEjbModule() throws Exception {
    JsonObject doc = root().get("openapi", "application/json").json();
    JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");

    // POST /experiments takes an ExperimentDraft (an EJB-module class) with its fields and rules.
    JsonObject create = doc.getJsonObject("paths").getJsonObject("/api/v1/experiments")
        .getJsonObject("post").getJsonObject("requestBody").getJsonObject("content")
        .getJsonObject("application/json").getJsonObject("schema");
    assertThat(create.getString("$ref")).isEqualTo("#/components/schemas/ExperimentDraft");
    JsonObject draft = schemas.getJsonObject("ExperimentDraft");
    assertThat(draft.getJsonObject("properties").keySet())
        .contains("title", "hypothesis", "description", "owner", "status");
    assertThat(draft.getJsonArray("required").getValuesAs(JsonString.class))
        .extracting(JsonString::getString).contains("title", "owner");
    assertThat(draft.getJsonObject("properties").getJsonObject("title").getInt("maxLength"))
        .isEqualTo(200);

    // Bulk ingestion: an array of MeasurementInput, whose metric and value are described.
    JsonObject ingest = doc.getJsonObject("paths")
        .getJsonObject("/api/v1/runs/{id}/measurements").getJsonObject("post")
        .getJsonObject("requestBody").getJsonObject("content");
    assertThat(ingest.getJsonObject("application/json").getJsonObject("schema")
        .getJsonObject("items").getString("$ref"))
        .isEqualTo("#/components/schemas/MeasurementInput");
    assertThat(schemas.getJsonObject("MeasurementInput").getJsonObject("properties").keySet())
        .contains("metric", "value", "step", "recordedAt");
    assertThat(ingest).containsKey("text/csv");
  }

  @Test
  void theBuildTimeOpenApiDocumentDescribesHowToAuthenticate() throws Exception {
    // Served without a session (Liberty's endpoint, outside the application's security), from the
    // file generated at build time: the schemes of RestApplication are in it.
    Http.Response response = Http.anonymous(Deployments.root(base)).get("openapi", "application/json");
    assertThat(response.status()).isEqualTo(200);
    JsonObject doc = response.json();
    JsonObject schemes = doc.getJsonObject("components").getJsonObject("securitySchemes");
    assertThat(schemes.getJsonObject("token").getString("type")).isEqualTo("http");
    assertThat(schemes.getJsonObject("token").getString("scheme")).isEqualTo("bearer");
    assertThat(schemes.getJsonObject("session").getString("type")).isEqualTo("apiKey");
    assertThat(schemes.getJsonObject("session").getString("in")).isEqualTo("cookie");
    assertThat(schemes.getJsonObject("session").getString("name")).isEqualTo("DLSESSION");
    assertThat(doc.getJsonArray("security").getValuesAs(JsonObject.class))
        .flatExtracting(JsonObject::keySet).containsExactlyInAnyOrder("token", "session");
  }

  @Test
  void readinessGoesDownWhileTheDatabaseIsStoppedAndRecovers() throws Exception {
    Http http = root();
    assertThat(http.get("health/ready").status()).isEqualTo(200);
    String token = http.postJson("api/v1/tokens", "{\"name\":\"outage-" + System.nanoTime()
        + "\",\"scopes\":[\"read\"],\"expiresInDays\":1}").getString("value");
    Http pipeline = Http.withToken(Deployments.root(base), token);
    assertThat(pipeline.get("api/v1/experiments?limit=1").status()).isEqualTo(200);
    // Never presented before the outage, so this server has not checked it in the last seconds.
    Http unseen = Http.withToken(Deployments.root(base), http.postJson("api/v1/tokens",
        "{\"name\":\"outage-unseen-" + System.nanoTime()
            + "\",\"scopes\":[\"read\"],\"expiresInDays\":1}").getString("value"));
    TestDatabase.get().stop();
    try {
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
        Http.Response ready = http.get("health/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().getString("status")).isEqualTo("DOWN");
      });
      // Liveness stays up: a database outage must not restart the pod.
      assertThat(http.get("health/live").status()).isEqualTo(200);
      // An API token cannot be checked without the database: 503 and "retry", not 401 or 403.
      // A token checked in the last seconds (RecentTokens) passes, and the request it sends
      // cannot be answered without the database: the same 503, not a 500.
      for (Http client : List.of(unseen, pipeline)) {
        Http.Response unchecked = client.get("api/v1/experiments?limit=1");
        assertThat(unchecked.status()).as(unchecked.body()).isEqualTo(503);
        assertThat(unchecked.contentType()).startsWith("application/problem+json");
        assertThat(unchecked.json().getInt("status")).isEqualTo(503);
        assertThat(unchecked.headers().firstValue("Retry-After")).hasValueSatisfying(
            v -> assertThat(Integer.parseInt(v)).isPositive());
      }
      // Nor can a password: a sign-in answers the same 503, as one problem.
      Http.Response signIn = Http.anonymous(Deployments.root(base))
          .trySignIn(TestDatabase.ADMIN, TestDatabase.adminPassword());
      assertThat(signIn.status()).as(signIn.body()).isEqualTo(503);
      assertThat(signIn.contentType()).startsWith("application/problem+json");
      assertThat(signIn.json().getInt("status")).isEqualTo(503);
    } finally {
      TestDatabase.get().restart();
    }
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(http.get("health/ready").status()).isEqualTo(200));
    assertThat(pipeline.get("api/v1/experiments?limit=1").status()).isEqualTo(200);
  }
}
