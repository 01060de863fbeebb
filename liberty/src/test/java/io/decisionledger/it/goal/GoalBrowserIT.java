package io.decisionledger.it.goal;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.it.Chromium;
import io.decisionledger.it.Deployments;
import io.decisionledger.it.Http;
import jakarta.json.JsonObject;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A goal written in Chromium: created with its checklist, an item added, one proven by linking
 * a decision, one ticked by hand (refused without a note, beside the field), and the progress
 * following on the goal's page, the decision's page and the list.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GoalBrowserIT {

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
    new io.decisionledger.it.Http(Deployments.root(base)); // the demo is loaded
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

  private void waitForText(String id, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
  }

  private void waitForProgress(String count) {
    waitForText("progressCount", count);
  }

  /** The demo decision the test links: its number and label, read over the API. */
  private JsonObject demoDecision() {
    return new Http(Deployments.root(base)).get("api/v1/decisions?limit=200").json()
        .getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(d -> d.getString("title").contains("KubeVirt")).findFirst()
        .orElseThrow(() -> new AssertionError("the demo decision is missing"));
  }

  @Test
  void createAGoalAddAnItemProveItWithADecisionAndSeeTheProgress() throws Exception {
    String title = "Pass the CKA exam " + System.nanoTime();
    JsonObject decision = demoDecision();
    try {
      browser.get(root + "goals/list.xhtml");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
          "Deploy production-grade Kubernetes clusters"));
      assertThat(browser.findElements(By.cssSelector("#goalsForm\\:goals .ui-progressbar")))
          .as("a progress bar per goal").isNotEmpty();
      clickable("newGoal").click();

      clickable("goalForm:title").sendKeys(title);
      new Select(clickable("goalForm:kind")).selectByValue("SUCCESS");
      clickable("goalForm:description").sendKeys("Certify the **hands-on** skills.");
      clickable("goalForm:checklist").sendKeys("- [ ] Book the exam\n- [ ] Pass the practice test\n");
      clickable("goalForm:save").click();

      waitForText("goalTitle", title);
      assertThat(browser.findElement(By.id("goalKind")).getText()).isEqualTo("Success goal");
      assertThat(browser.findElement(By.cssSelector("#goalDescription strong")).getText())
          .isEqualTo("hands-on");
      waitForProgress("0 of 2 items complete");

      // An empty item is refused beside the field, and nothing is added.
      clickable("addItemForm:addItem").click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(
          By.cssSelector("#addItemForm .ui-message-error"), "Text is required"));
      assertThat(browser.findElement(By.id("progressCount")).getText())
          .isEqualTo("0 of 2 items complete");

      clickable("addItemForm:newItem").sendKeys("Explain the results to the team");
      clickable("addItemForm:addItem").click();
      waitForProgress("0 of 3 items complete");
      assertThat(browser.findElement(By.id("items")).getText())
          .contains("Book the exam").contains("Explain the results to the team");

      // Prove the first item with the demo decision, by its number.
      clickable("itemsForm:item:0:prove").click();
      clickable("proofForm:decisionNumber").sendKeys(Integer.toString(decision.getInt("number")));
      clickable("proofForm:saveProof").click();
      waitForProgress("1 of 3 items complete");
      WebElement link = clickable("itemsForm:item:0:proofDecision");
      assertThat(link.getText()).startsWith(decision.getString("label")).contains("KubeVirt");
      assertThat(browser.findElement(By.id("goalProgress")).getAttribute("aria-valuenow"))
          .isEqualTo("33");

      // Ticking by hand needs a note, asked for beside the field.
      clickable("itemsForm:item:1:edit").click();
      clickable("itemForm:itemDone").click();
      clickable("itemForm:saveItem").click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(
          By.cssSelector("#itemForm .ui-message-error"), "note"));
      assertThat(browser.findElement(By.id("progressCount")).getText())
          .isEqualTo("1 of 3 items complete");
      clickable("itemForm:itemNote").sendKeys("Scored 91% on the second try");
      clickable("itemForm:saveItem").click();
      waitForProgress("2 of 3 items complete");
      assertThat(browser.findElement(By.id("items")).getText())
          .contains("Scored 91% on the second try");
      assertThat(browser.findElement(By.id("goalProgress")).getAttribute("aria-valuenow"))
          .isEqualTo("66");

      // The decision's page names the item it proves.
      clickable("itemsForm:item:0:proofDecision").click();
      WebElement proven = wait.until(
          ExpectedConditions.presenceOfElementLocated(By.id("provenGoals")));
      assertThat(proven.getText()).contains(title).contains("Book the exam");

      // The list shows the goal with its progress.
      browser.get(root + "goals/list.xhtml");
      waitForText("goalsForm:goals", "Deploy production-grade");
      new Select(clickable("goalsForm:kind")).selectByValue("SUCCESS");
      // The filter replaces the table: wait until the learning goals are gone.
      wait.ignoring(StaleElementReferenceException.class).until(d -> !d.findElement(
          By.id("goalsForm:goals")).getText().contains("Deploy production-grade"));
      String row = wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(
          By.xpath("//tr[.//a[normalize-space()='" + title + "']]")).getText());
      assertThat(row).contains("2 of 3 items complete").contains("66%").contains("Success");
    } catch (AssertionError | RuntimeException e) {
      File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), Path.of("target", "browser-goal-failure.png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      throw e;
    }
  }
}
