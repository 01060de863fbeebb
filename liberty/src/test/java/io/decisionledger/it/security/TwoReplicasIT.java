package io.decisionledger.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.decisionledger.it.Deployments;
import io.decisionledger.it.Http;
import io.decisionledger.it.ServerLog;
import io.decisionledger.it.TestDatabase;
import io.decisionledger.launcher.EmbeddedDatabase;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two replicas, one PostgreSQL: replica A is the Arquillian-managed test server, replica B a second
 * Liberty server made from the product server's configuration and EAR. A signed-in user moves
 * between them in the middle of a Faces form and keeps both the session and the form.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoReplicasIT {

  private static final Duration START_DEADLINE = Duration.ofMinutes(6);

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  private static ReplicaB replicaB;

  /** Replica B, started once, after replica A has deployed (and so migrated the database). */
  private static synchronized ReplicaB replicaB() {
    if (replicaB == null) {
      replicaB = ReplicaB.start();
    }
    return replicaB;
  }

  @AfterAll
  static synchronized void stopReplicaB() {
    if (replicaB != null) {
      replicaB.stop();
      replicaB = null;
    }
  }

  private Http signedInOnA() {
    return Http.as(Deployments.root(base), TestDatabase.ADMIN, TestDatabase.adminPassword());
  }

  @Test
  void aFormOpenedOnOneReplicaIsSubmittedOnTheOther() {
    ReplicaB b = replicaB();
    Http a = signedInOnA();
    String title = "Two replicas " + UUID.randomUUID();

    Http.Response form = a.get("experiments/edit.xhtml", "text/html");
    assertThat(form.status()).as("the form on replica A").isEqualTo(200);
    Matcher viewState = Pattern.compile(
        "name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
    assertThat(viewState.find()).as("the form carries a view state").isTrue();
    Matcher action = Pattern.compile("<form id=\"experimentForm\"[^>]*action=\"([^\"]+)\"")
        .matcher(form.body());
    assertThat(action.find()).as("the form names where it posts").isTrue();
    Set<String> names = new LinkedHashSet<>();
    Matcher name = Pattern.compile("name=\"(experimentForm(?::[A-Za-z0-9_]+)?)\"")
        .matcher(form.body());
    while (name.find()) {
      names.add(name.group(1));
    }
    assertThat(names).contains("experimentForm", "experimentForm:title", "experimentForm:owner",
        "experimentForm:save");

    // The same session cookie and view state, sent to the other replica.
    Map<String, String> fields = new LinkedHashMap<>();
    names.forEach(n -> fields.put(n, ""));
    fields.put("experimentForm", "experimentForm");
    fields.put("experimentForm:title", title);
    fields.put("experimentForm:owner", "replica team");
    fields.put("jakarta.faces.ViewState", viewState.group(1));
    Http onB = Http.anonymous(b.root()).useSession(a.sessionCookie());
    Http.Response submitted = onB.post(action.group(1).replace("&amp;", "&").substring(1),
        "application/x-www-form-urlencoded", formBody(fields), Map.of("Accept", "text/html"));

    assertThat(submitted.status())
        .as("replica B accepts the form replica A rendered (body: %s)\n%s", submitted.body(),
            b.problems())
        .isIn(302, 303);
    String location = submitted.headers().firstValue("Location").orElse("");
    assertThat(location).contains("experiments/detail.xhtml").contains("id=");
    // Liberty's cookie is <cache id><session id>:<server ids>: replica B adds itself to the list
    // and keeps the session id.
    assertThat(sessionId(onB.sessionCookie())).as("replica B kept the session")
        .isEqualTo(sessionId(a.sessionCookie()));

    JsonObject found = a.get("api/v1/experiments?q=" + URLEncoder.encode(title,
        StandardCharsets.UTF_8)).json();
    assertThat(found.getJsonNumber("total").longValue()).as("the experiment exists once")
        .isEqualTo(1);
    JsonObject experiment = found.getJsonArray("items").getJsonObject(0);
    assertThat(experiment.getString("title")).isEqualTo(title);
    assertThat(experiment.getString("owner")).isEqualTo("replica team");
    assertThat(location).contains("id=" + experiment.getJsonNumber("id").longValue());

    // And back to replica A with the cookie the browser now holds: the detail page the redirect
    // names opens there in the same session.
    a.useSession(onB.sessionCookie());
    Http.Response detail = a.get(URI.create(location).getRawPath().substring(1) + "?"
        + URI.create(location).getRawQuery(), "text/html");
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.body()).contains(title);
  }

  @Test
  void aSignOutOnOneReplicaEndsTheSessionOnTheOther() {
    ReplicaB b = replicaB();
    Http a = signedInOnA();
    Http onB = Http.anonymous(b.root()).useSession(a.sessionCookie());

    Http.Response who = onB.get("api/v1/session");
    assertThat(who.status()).as("replica B knows replica A's session\n%s", b.problems())
        .isEqualTo(200);
    assertThat(who.json().getString("username")).isEqualTo(TestDatabase.ADMIN);

    assertThat(onB.delete("api/v1/session").status()).isEqualTo(204);

    // Roles and sessions are cached for a few seconds per replica: allow up to 20 s.
    await("replica A refuses the signed-out cookie").atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(a.get("api/v1/session").status()).isEqualTo(401));
    assertThat(a.get("api/v1/experiments?limit=1").status()).isEqualTo(401);
  }

  @Test
  void everyMainPageLeavesASessionBothReplicasCanStoreAndRead() {
    ReplicaB b = replicaB();
    Http a = signedInOnA();
    ServerLog logOfA = ServerLog.ofTestServer();
    ServerLog logOfB = ServerLog.of(b.log());
    long fromA = logOfA.mark();
    long fromB = logOfB.mark();
    long experiment = firstId(a, "api/v1/experiments?limit=1");
    long decision = firstId(a, "api/v1/decisions?limit=1");
    long goal = firstId(a, "api/v1/goals?limit=1");
    // The pages whose view-scoped beans the session keeps, with what each holds (entities, the
    // comparison, drafts, lazy tables, select choices).
    List<String> pages = List.of(
        "experiments/list.xhtml",
        "experiments/detail.xhtml?id=" + experiment,
        "experiments/edit.xhtml?id=" + experiment,
        "runs/new.xhtml?experiment=" + experiment,
        "runs/upload.xhtml?experiment=" + experiment,
        "decisions/list.xhtml",
        "decisions/detail.xhtml?id=" + decision,
        "decisions/edit.xhtml?id=" + decision,
        "decisions/import.xhtml",
        "goals/list.xhtml",
        "goals/detail.xhtml?id=" + goal,
        "goals/edit.xhtml?id=" + goal,
        "search.xhtml?q=latency",
        "history/recent.xhtml",
        "history/timeline.xhtml?type=experiment&id=" + experiment,
        "admin/users.xhtml",
        "admin/tokens.xhtml");
    Http onB = Http.anonymous(b.root()).useSession(a.sessionCookie());
    for (String page : pages) {
      assertThat(a.get(page, "text/html").status()).as("%s on replica A", page).isEqualTo(200);
      // Replica B reads the session replica A has just written, with this view in it.
      assertThat(onB.get(page, "text/html").status()).as("%s on replica B\n%s", page,
          b.problems()).isEqualTo(200);
    }
    // Neither replica may have skipped writing the session (SESN0040E, NotSerializableException):
    // the other replica would lose the view. A write ends just after its response, so the logs
    // are watched for a moment.
    await("no session left unwritten").atMost(Duration.ofSeconds(10))
        .during(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> {
          assertThat(logOfA.linesSince(fromA, ServerLog.SESSION_FAILURE)).as("replica A")
              .isEmpty();
          assertThat(logOfB.linesSince(fromB, ServerLog.SESSION_FAILURE)).as("replica B")
              .isEmpty();
        });
  }

  private static long firstId(Http http, String path) {
    return http.get(path).json().getJsonArray("items").getJsonObject(0).getJsonNumber("id")
        .longValue();
  }

  /** The session id in a {@code DLSESSION=<4-character cache id><id>:<server ids>} cookie. */
  private static String sessionId(String cookie) {
    assertThat(cookie).startsWith("DLSESSION=");
    String value = cookie.substring("DLSESSION=".length());
    return value.substring(4, value.indexOf(':') < 0 ? value.length() : value.indexOf(':'));
  }

  private static String formBody(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** A second Liberty server from the same install, configured as the product server. */
  private record ReplicaB(Path wlp, String name, Path dir, int httpPort) {

    static ReplicaB start() {
      Path wlp = Path.of(System.getProperty("dl.wlp.dir"));
      String name = System.getProperty("dl.it.server.name") + "-b";
      Path product = wlp.resolve("usr/servers/decision-ledger");
      Path dir = wlp.resolve("usr/servers").resolve(name);
      try {
        deleteTree(dir);
        // As the build creates the product server: server.env gets its own keystore and LTPA key
        // passwords (without them the security service does not start).
        new ReplicaB(wlp, name, dir, 0).run("create");
        Files.createDirectories(dir.resolve("apps"));
        for (String file : List.of("server.xml", "bootstrap.properties", "jvm.options")) {
          Files.copy(product.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        copyTree(product.resolve("configDropins"), dir.resolve("configDropins"));
        Files.copy(Path.of(System.getProperty("dl.ear")), dir.resolve("apps/decision-ledger.ear"));

        // Its own ports (-Dit.replica.http.port; https 1000 above, as for replica A).
        int http = Integer.parseInt(System.getProperty("dl.it.replica.http.port", "9181"));
        int https = http + 1000;
        EmbeddedDatabase database = TestDatabase.get();
        Path variables = Files.createDirectories(dir.resolve("variables"));
        Files.writeString(variables.resolve("dl.db.url"), database.jdbcUrl());
        Files.writeString(variables.resolve("dl.db.user"), EmbeddedDatabase.USER);
        Files.writeString(variables.resolve("dl.db.ssl-mode"), "disable");
        Files.writeString(variables.resolve("dl.admin.username"), TestDatabase.ADMIN);
        Files.writeString(variables.resolve("dl.admin.password"), TestDatabase.adminPassword());
        Files.writeString(variables.resolve("dl.http.port"), Integer.toString(http));
        Files.writeString(variables.resolve("dl.https.port"), Integer.toString(https));

        ReplicaB replica = new ReplicaB(wlp, name, dir, http);
        replica.run("start");
        replica.awaitReady();
        return replica;
      } catch (IOException e) {
        throw new UncheckedIOException("could not set up replica B", e);
      }
    }

    URL root() {
      try {
        return URI.create("http://localhost:" + httpPort + "/").toURL();
      } catch (java.net.MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }

    private void awaitReady() {
      Http probe = Http.anonymous(root());
      try {
        await("replica B ready").atMost(START_DEADLINE).pollInterval(Duration.ofSeconds(1))
            .ignoreExceptionsInstanceOf(UncheckedIOException.class)
            .until(() -> probe.get("health/ready").status() == 200);
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        stop();
        throw new AssertionError("replica B was not ready within " + START_DEADLINE + "\n"
            + problems(), e);
      }
    }

    void stop() {
      run("stop");
    }

    Path log() {
      return dir.resolve("logs/messages.log");
    }

    /** Errors and warnings from replica B's log, for failure messages. */
    String problems() {
      Path log = dir.resolve("logs/messages.log");
      try (Stream<String> lines = Files.lines(log)) {
        return lines.filter(l -> l.contains("\"loglevel\":\"SEVERE\"")
                || l.contains("\"loglevel\":\"ERROR\"") || l.contains("\"loglevel\":\"WARNING\""))
            .limit(40).collect(Collectors.joining("\n", "replica B problems:\n", ""));
      } catch (IOException e) {
        return "replica B log unreadable: " + e.getMessage();
      }
    }

    private void run(String command) {
      try {
        Path output = Files.createTempFile("replica-b-" + command, ".out");
        Process process = new ProcessBuilder(wlp.resolve("bin/server").toString(), command, name)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new AssertionError("server " + command + " " + name + " did not return");
        }
        if ("create".equals(command) && process.exitValue() != 0) {
          throw new AssertionError("server create " + name + " failed: " + Files.readString(output));
        }
        Files.deleteIfExists(output);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }


    private static void copyTree(Path from, Path to) throws IOException {
      try (Stream<Path> paths = Files.walk(from)) {
        for (Path p : (Iterable<Path>) paths::iterator) {
          Path target = to.resolve(from.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(target);
          } else {
            Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }

    private static void deleteTree(Path dir) throws IOException {
      if (!Files.exists(dir)) {
        return;
      }
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
          Files.delete(p);
        }
      }
    }
  }
}
