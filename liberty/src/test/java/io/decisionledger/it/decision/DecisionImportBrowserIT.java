package io.decisionledger.it.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.it.Chromium;
import io.decisionledger.it.Deployments;
import io.decisionledger.it.Http;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The import page in Chromium: a zip with one bad file is refused with that file's problem shown
 * beside the upload and nothing written; the same zip without it imports.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DecisionImportBrowserIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  private WebDriver browser;
  private WebDriverWait wait;
  private String root;
  private Http http;

  @BeforeEach
  void openBrowser() throws Exception {
    browser = Chromium.open();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    root = Deployments.root(base).toString();
    http = new Http(Deployments.root(base));
    Chromium.signIn(browser, Deployments.root(base));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private long total() {
    return http.get("api/v1/decisions?limit=1").json().getJsonNumber("total").longValue();
  }

  private void upload(Path zip) {
    browser.get(root + "decisions/list.xhtml");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("importDecisions"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[type=file]")))
        .sendKeys(zip.toString());
    browser.findElement(By.cssSelector("input[type=radio][value=RENUMBER]")).click();
    browser.findElement(By.id("importForm:import")).click();
  }

  @Test
  void aZipWithOneBadFileShowsItsProblemAndWritesNothing() throws Exception {
    String tag = Long.toString(System.nanoTime());
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("0001-good-" + tag + ".md", ("---\nstatus: accepted\n---\n# Good " + tag
        + "\n\n## Context and Problem Statement\n\nFine.\n").getBytes(StandardCharsets.UTF_8));
    entries.put("0002-bad.md", "---\nstatus: perhaps\n---\n# Bad\n"
        .getBytes(StandardCharsets.UTF_8));
    Path dir = Files.createTempDirectory("import-it");
    Path bad = dir.resolve("decisions-with-a-bad-file.zip");
    Files.write(bad, DecisionPortabilityIT.zip(entries));
    entries.remove("0002-bad.md");
    Path good = dir.resolve("decisions.zip");
    Files.write(good, DecisionPortabilityIT.zip(entries));
    long before = total();
    try {
      upload(bad);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("importErrors")));
      String errors = browser.findElement(By.id("importErrors")).getText();
      assertThat(errors).contains("0002-bad.md, line 2").contains("'perhaps'")
          .doesNotContain("0001-good");
      assertThat(browser.findElement(By.id("importForm")).getText())
          .contains("Nothing was imported");
      assertThat(browser.findElements(By.id("importedDecisions"))).isEmpty();
      assertThat(total()).isEqualTo(before);

      upload(good);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("importedDecisions")));
      assertThat(browser.findElement(By.id("importedDecisions")).getText())
          .contains("Good " + tag).contains("0001-good-" + tag + ".md");
      assertThat(browser.findElements(By.id("importErrors"))).isEmpty();
      assertThat(total()).isEqualTo(before + 1);
      browser.findElement(By.linkText("Good " + tag)).click();
      wait.until(ExpectedConditions.titleContains("Good " + tag));
      assertThat(browser.findElement(By.tagName("body")).getText()).contains("Fine.");
    } catch (AssertionError | RuntimeException e) {
      File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), Path.of("target", "browser-import-failure.png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      throw e;
    }
  }
}
