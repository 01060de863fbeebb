package io.decisionledger.it.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.it.Chromium;
import io.decisionledger.it.Http;
import io.decisionledger.it.Deployments;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A decision written in the browser with a hostile Markdown body: in Chromium, neither the live
 * preview nor the decision page runs any of its scripts, and its text is shown.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DecisionBrowserIT {


  private static final String HOSTILE_BODY = String.join("\n",
      "Visible decision text",
      "",
      "<script>window.__pwned=1</script>",
      "",
      "<img src=x onerror=\"window.__pwned=2;alert(2)\">",
      "",
      "[click me](javascript:window.__pwned=3)",
      "",
      "<a href=\"javascript:alert(4)\" id=\"evil\">anchor text</a>",
      "",
      "<svg onload=\"window.__pwned=5\"></svg><details open ontoggle=\"window.__pwned=6\"><summary>s</summary>folded</details>",
      "",
      "| Metric | Value |",
      "|---|---|",
      "| boot | 24 |");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  private WebDriver browser;
  private WebDriverWait wait;
  private String root;

  @BeforeEach
  void openBrowser() throws Exception {
    browser = Chromium.open();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    root = Deployments.root(base).toString();
    new Http(Deployments.root(base)); // the demo is loaded
    Chromium.signIn(browser, Deployments.root(base));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private WebElement clickable(String id) {
    return wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
  }

  private Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  private void assertNoScriptRan() {
    assertThat(js("return typeof window.__pwned")).isEqualTo("undefined");
    try {
      String text = browser.switchTo().alert().getText();
      throw new AssertionError("an alert opened: " + text);
    } catch (NoAlertPresentException expected) {
      // no alert: good
    }
  }

  @Test
  void aHostileMarkdownBodyRunsNoScriptAndItsTextIsShown() throws Exception {
    String title = "Hostile body " + System.nanoTime();
    try {
      // Other tests add decisions, so the first page need not show any particular one.
      browser.get(root + "decisions/list.xhtml");
      clickable("newDecision").click();

      clickable("decisionForm:title").sendKeys(title);
      clickable("decisionForm:addOption").click();
      clickable("decisionForm:options:0:optionName").sendKeys("Write it down");
      clickable("decisionForm:options:0:optionPros").sendKeys("auditable\nshared");
      clickable("decisionForm:chosenOption").sendKeys("Write it down");
      WebElement body = clickable("decisionForm:body");
      body.sendKeys(HOSTILE_BODY);
      // The live preview shows the sanitised rendering while typing.
      wait.until(ExpectedConditions.textToBePresentInElementLocated(
          By.id("decisionForm:preview"), "Visible decision text"));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#decisionForm\\:preview table")));
      assertThat(browser.findElement(By.id("decisionForm:preview")).getText()).contains("click me")
          .contains("anchor text");
      assertNoScriptRan();

      clickable("decisionForm:save").click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("decisionTitle"), title));
      WebElement rendered = wait.until(
          ExpectedConditions.presenceOfElementLocated(By.id("decisionBody")));
      assertThat(rendered.getText()).contains("Visible decision text").contains("click me")
          .contains("anchor text").contains("boot");
      assertThat(rendered.findElements(By.tagName("table"))).hasSize(1);
      // Nothing executable reached the DOM...
      assertThat(js("return document.querySelectorAll('#decisionBody script, #decisionBody svg,"
          + " #decisionBody [onerror], #decisionBody [onload], #decisionBody [ontoggle]').length"))
          .isEqualTo(0L);
      assertThat(js("return Array.from(document.querySelectorAll('#decisionBody a'))"
          + ".filter(a => /^\\s*(javascript|data):/i.test(a.getAttribute('href') || '')).length"))
          .isEqualTo(0L);
      // ...and nothing ran, not even after clicking the links.
      for (WebElement link : rendered.findElements(By.tagName("a"))) {
        if (link.getText().contains("click me") || link.getText().contains("anchor")) {
          ((JavascriptExecutor) browser).executeScript("arguments[0].click()", link);
        }
      }
      assertNoScriptRan();
      assertThat(browser.findElement(By.id("options")).getText()).contains("Write it down")
          .contains("auditable");
    } catch (AssertionError | RuntimeException e) {
      File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), Path.of("target", "browser-decision-failure.png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      throw e;
    }
  }

  @Test
  void theDemoDecisionShowsItsEvidenceBesideTheCurrentNumbers() throws Exception {
    try {
      // The demo's Path B decision, found over the API: other tests add decisions, so it need not
      // be on the list's first page.
      long id = new Http(Deployments.root(base)).get("api/v1/decisions?status=accepted&limit=200")
          .json().getJsonArray("items").getValuesAs(jakarta.json.JsonObject.class).stream()
          .filter(d -> d.getString("title").equals("Run VMs inside Kubernetes with KubeVirt (Path B)"))
          .map(d -> d.getJsonNumber("id").longValue()).findFirst()
          .orElseThrow(() -> new AssertionError("the demo decision is missing"));
      browser.get(root + "decisions/detail.xhtml?id=" + id);
      WebElement evidence = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("evidence")));
      assertThat(evidence.getText()).contains("vm_boot_time").contains("Path B")
          .contains("Frozen verdict");
      assertThat(browser.findElements(By.cssSelector(".drift-badge"))).isNotEmpty();
      browser.get(root + "decisions/drifted.xhtml");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("driftedTable")));
    } catch (AssertionError | RuntimeException e) {
      File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), Path.of("target", "browser-evidence-failure.png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      throw e;
    }
  }

  @Test
  void citingIsAFormOpenedOnDemandWithItsMessagesBesideTheFields() throws Exception {
    Http api = new Http(Deployments.root(base));
    String title = "Cited in browser " + System.nanoTime();
    long experiment = api.postJson("api/v1/experiments",
        "{\"title\":\"" + title + "\",\"owner\":\"browser\"}").getJsonNumber("id").longValue();
    long variant = api.postJson("api/v1/experiments/" + experiment + "/variants",
        "{\"name\":\"A\"}").getJsonNumber("id").longValue();
    api.postJson("api/v1/experiments/" + experiment + "/metrics",
        "{\"name\":\"cite_time\",\"direction\":\"LOWER_IS_BETTER\"}");
    long run = api.postJson("api/v1/variants/" + variant + "/runs", "{\"notes\":\"browser\"}")
        .getJsonNumber("id").longValue();
    Http.Response measured = api.post("api/v1/runs/" + run + "/measurements", "application/json",
        "[{\"metric\":\"cite_time\",\"value\":4.5,\"step\":0}]");
    assertThat(measured.status()).as(measured.body()).isEqualTo(201);
    long decision = api.postJson("api/v1/decisions",
        "{\"title\":\"Cite by form " + System.nanoTime() + "\"}").getJsonNumber("id").longValue();
    try {
      browser.get(root + "decisions/detail.xhtml?id=" + decision);
      clickable("citeForm:startCite");
      // The citation inputs (and the experiments for their menu) are not built until asked for.
      assertThat(browser.findElements(By.id("citeForm:citeExperiment"))).isEmpty();
      clickable("citeForm:startCite").click();
      clickable("citeForm:citeExperiment");
      // Nothing chosen: the message is beside the field and the form stays open.
      clickable("citeForm:cite").click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("citeForm"),
          "experimentId is required"));
      new Select(clickable("citeForm:citeExperiment")).selectByVisibleText(title);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("citeForm:citeMetricsBox"),
          "cite_time"));
      clickable("citeForm:cite").click();
      // The ajax answer replaces the evidence table: read it afresh until it has the citation.
      String evidence = new WebDriverWait(browser, Duration.ofSeconds(30))
          .ignoring(StaleElementReferenceException.class).until(d -> {
            String text = d.findElement(By.id("evidence")).getText();
            return text.contains(title) ? text : null;
          });
      assertThat(evidence).contains("cite_time");
      wait.until(ExpectedConditions.elementToBeClickable(By.id("citeForm:startCite")));
      assertThat(browser.findElements(By.id("citeForm:citeExperiment"))).isEmpty();
    } catch (AssertionError | RuntimeException e) {
      File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), Path.of("target", "browser-cite-failure.png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      throw e;
    }
  }
}
