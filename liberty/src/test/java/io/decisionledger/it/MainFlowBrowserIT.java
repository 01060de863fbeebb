package io.decisionledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The main flow in a real browser (Debian's headless Chromium): open the list, create an
 * experiment, add variants, a metric and runs by form, and see the comparison with its verdict.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MainFlowBrowserIT {


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

  private void type(String id, String text) {
    WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
    input.clear();
    input.sendKeys(text);
  }

  private void click(String id) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
  }

  private void waitForText(By where, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(where, text));
  }

  private void addRun(String variant, String value) {
    click("addRun");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("runForm:variant")));
    Select variants = new Select(browser.findElement(By.id("runForm:variant")));
    variants.getOptions().stream().filter(o -> o.getText().startsWith(variant)).findFirst()
        .orElseThrow(() -> new AssertionError("no variant option " + variant))
        .click();
    type("runForm:measurements:0:measurementValue", value);
    click("runForm:save");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("experimentTitle")));
  }

  @Test
  void createAnExperimentAddRunsAndSeeTheComparison() throws Exception {
    try {
      browser.get(root + "experiments/list.xhtml");
      // The list has loaded (the demo experiment need not be on its first page: other tests of
      // the same server add experiments, newest first).
      wait.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("[id='experimentsForm:experiments'] tbody tr a")));
      click("newExperiment");

      String title = "Browser flow " + System.nanoTime();
      // Validation beside the field: an empty title is refused.
      type("experimentForm:owner", "browser");
      click("experimentForm:save");
      waitForText(By.tagName("body"), "Title is required");
      type("experimentForm:title", title);
      click("experimentForm:save");
      waitForText(By.id("experimentTitle"), title);

      // The variant and metric forms are built only when asked for.
      assertThat(browser.findElements(By.id("variantForm:variantName"))).isEmpty();
      assertThat(browser.findElements(By.id("metricForm:metricName"))).isEmpty();
      click("variantsForm:addVariant");
      // Validation beside the field; the form stays open.
      click("variantForm:saveVariant");
      waitForText(By.id("variantEditor"), "Name is required");
      type("variantForm:variantName", "Bare VMs");
      click("variantForm:saveVariant");
      waitForText(By.id("variantsForm:variants"), "Bare VMs");
      click("variantsForm:addVariant");
      type("variantForm:variantName", "KubeVirt");
      click("variantForm:saveVariant");
      waitForText(By.id("variantsForm:variants"), "KubeVirt");

      click("metricsForm:addMetric");
      type("metricForm:metricName", "boot_time");
      type("metricForm:metricUnit", "s");
      new Select(browser.findElement(By.id("metricForm:metricDirection")))
          .selectByValue("LOWER_IS_BETTER");
      click("metricForm:saveMetric");
      waitForText(By.id("metricsForm:metrics"), "boot_time");

      for (String value : List.of("40", "42", "41")) {
        addRun("Bare VMs", value);
      }
      for (String value : List.of("22", "24", "23")) {
        addRun("KubeVirt", value);
      }

      WebElement comparison = wait.until(
          ExpectedConditions.presenceOfElementLocated(By.id("comparison")));
      assertThat(comparison.getText()).contains("boot_time").contains("KubeVirt");
      // Lower is better and KubeVirt's run means (22..24) are clearly below (40..42).
      assertThat(comparison.findElements(By.cssSelector(".badge.verdict-better"))).isNotEmpty();
      assertThat(browser.findElement(By.id("runsForm:runs")).getText()).contains("KubeVirt");
    } catch (AssertionError | RuntimeException e) {
      File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Path target = Path.of("target", "browser-failure.png");
      Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      throw e;
    }
  }

  @Test
  void uploadACsvSeeItsPreviewAndLineErrorsThenSaveIt() throws Exception {
    Http api = new Http(Deployments.root(base));
    long experiment = api.postJson("api/v1/experiments",
        "{\"title\":\"Upload " + System.nanoTime() + "\",\"owner\":\"browser\"}")
        .getJsonNumber("id").longValue();
    api.postJson("api/v1/experiments/" + experiment + "/variants", "{\"name\":\"A\"}");
    api.postJson("api/v1/experiments/" + experiment + "/metrics",
        "{\"name\":\"iops\",\"direction\":\"HIGHER_IS_BETTER\"}");
    Path bad = Files.createTempFile("bad", ".csv");
    Files.writeString(bad, "metric,value,step\niops,100,1\niops,NaN,2\nnope,3,3\n");
    Path good = Files.createTempFile("good", ".csv");
    // As a spreadsheet saves it: with a UTF-8 byte order mark.
    Files.writeString(good, "\uFEFFmetric,value,step\niops,100,1\niops,110,2\niops,120,3\n");
    try {
      browser.get(root + "runs/upload.xhtml?experiment=" + experiment);
      WebElement file = wait.until(
          ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[type=file]")));
      file.sendKeys(bad.toString());
      click("uploadForm:preview");
      WebElement errors = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("csvErrors")));
      // Bad values by line; an unknown metric once, by name and with its lines.
      assertThat(errors.getText()).contains("line 3")
          .contains("line 4: unknown metric 'nope' in this experiment");
      assertThat(browser.findElements(By.id("uploadForm:confirm"))).isEmpty();

      browser.findElement(By.cssSelector("input[type=file]")).sendKeys(good.toString());
      click("uploadForm:preview");
      waitForText(By.id("previewSummary"), "3");
      click("uploadForm:confirm");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("experimentTitle")));
      assertThat(api.get("api/v1/experiments/" + experiment + "/comparison").json()
          .getJsonNumber("measurements").longValue()).isEqualTo(3);
    } catch (AssertionError | RuntimeException e) {
      File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), Path.of("target", "browser-upload-failure.png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      throw e;
    }
  }
}
