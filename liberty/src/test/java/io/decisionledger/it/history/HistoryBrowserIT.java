package io.decisionledger.it.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.it.Chromium;
import io.decisionledger.it.Deployments;
import io.decisionledger.it.Http;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The history pages in Chromium: the recent changes filtered by kind (an AJAX update of the lazy
 * table), and a decision's page leading to its timeline with the status change shown old to new.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HistoryBrowserIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  private WebDriver browser;
  private WebDriverWait wait;
  private String root;

  @BeforeEach
  void open() throws IOException {
    browser = Chromium.open();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    // The table is replaced by AJAX while the conditions read it.
    wait.ignoring(StaleElementReferenceException.class);
    root = Deployments.root(base).toString();
    new io.decisionledger.it.Http(Deployments.root(base)); // the demo is loaded
    Chromium.signIn(browser, Deployments.root(base));
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  private void screenshot(String name) throws IOException {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
  }

  private long acceptedDecision(String title) {
    Http http = new Http(Deployments.root(base));
    long id = http.postJson("api/v1/decisions", "{\"title\":\"" + title + "\"}")
        .getJsonNumber("id").longValue();
    assertThat(http.put("api/v1/decisions/" + id,
        "{\"title\":\"" + title + "\",\"status\":\"ACCEPTED\"}").status()).isEqualTo(200);
    // Something of another kind after it, so that the filter has rows to take away.
    http.postJson("api/v1/experiments", "{\"title\":\"After " + title + "\",\"owner\":\"it\"}");
    return id;
  }

  private List<String> kinds() {
    return browser.findElements(By.cssSelector("#historyForm\\:changes tbody tr .history-kind"))
        .stream().map(WebElement::getText).toList();
  }

  @Test
  void recentChangesFilterByKindAndADecisionLeadsToItsTimeline() throws IOException {
    String title = "Browser history " + System.nanoTime();
    long id = acceptedDecision(title);
    try {
      browser.get(root + "history/recent.xhtml");
      wait.until(d -> kinds().contains("Experiment"));
      assertThat(browser.getPageSource()).contains(title);

      new Select(browser.findElement(By.id("historyForm:type"))).selectByValue("decision");
      wait.until(d -> !kinds().isEmpty() && kinds().stream().allMatch("Decision"::equals));
      assertThat(browser.findElement(By.id("historyForm:changes")).getText())
          .contains(title).contains("PROPOSED").contains("ACCEPTED");
      screenshot("history-recent.png");

      browser.get(root + "decisions/detail.xhtml?id=" + id);
      browser.findElement(By.id("decisionActions:decisionHistory")).click();
      wait.until(d -> d.getCurrentUrl().contains("history/timeline.xhtml"));
      String timeline = browser.findElement(By.id("timelineForm:entries")).getText();
      assertThat(browser.findElement(By.id("timelineTitle")).getText())
          .matches("History of ADR-\\d{4} " + title);
      assertThat(timeline).contains("Changed").contains("Created").contains(io.decisionledger.it.TestDatabase.ADMIN);
      WebElement before = browser.findElement(By.cssSelector("#timelineForm\\:entries .history-before"));
      WebElement after = browser.findElement(By.cssSelector("#timelineForm\\:entries .history-after"));
      assertThat(before.getText()).isEqualTo("PROPOSED");
      assertThat(after.getText()).isEqualTo("ACCEPTED");
      screenshot("history-timeline.png");
    } catch (AssertionError | RuntimeException e) {
      screenshot("browser-history-failure.png");
      throw e;
    }
  }
}
