package io.decisionledger.it.search;

import static io.decisionledger.it.search.SearchWords.word;
import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.it.Chromium;
import io.decisionledger.it.Deployments;
import io.decisionledger.it.Http;
import jakarta.json.Json;
import java.io.File;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The header's search box in Chromium: typing a word shows ranked hits with marked snippets,
 * pages through them, opens one; hostile titles and bodies run nothing; an empty or word-less
 * query is an error beside the field.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SearchBrowserIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  private WebDriver browser;
  private WebDriverWait wait;
  private String root;
  private Http http;

  /** What a test wrote, deleted after it so other tests' first pages stay as they expect. */
  private final List<String> created = new ArrayList<>();

  @BeforeEach
  void openBrowser() throws Exception {
    browser = Chromium.open();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    root = Deployments.root(base).toString();
    http = new Http(Deployments.root(base));
    Chromium.signIn(browser, Deployments.root(base));
  }

  @AfterEach
  void closeBrowserAndDelete() {
    if (browser != null) {
      browser.quit();
    }
    for (String path : created) {
      assertThat(http.delete(path).status()).as("DELETE " + path).isIn(204, 404);
    }
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

  private void screenshotOn(Throwable e, String name) throws Exception {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), Path.of("target", name),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private long experiment(String title, String description) {
    long id = http.postJson("api/v1/experiments", Json.createObjectBuilder().add("title", title)
        .add("owner", "search-browser").add("description", description).build().toString())
        .getJsonNumber("id").longValue();
    created.add("api/v1/experiments/" + id);
    return id;
  }

  private WebElement table() {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("resultsForm:hits")));
  }

  @Test
  void typingIntoTheHeaderBoxShowsMarkedPagedResultsAndOpensOne() throws Exception {
    String w = word();
    String hostileTitle = "<script>window.__pwned=1</script> Hostile " + w;
    long decision = http.postJson("api/v1/decisions", Json.createObjectBuilder()
        .add("title", hostileTitle)
        .add("body", "The body names " + w + " <img src=x onerror=alert(window.__pwned=2)> and ends")
        .build().toString()).getJsonNumber("id").longValue();
    created.add("api/v1/decisions/" + decision);
    long titled = experiment("Headline " + w, "Nothing else here");
    for (int i = 0; i < 20; i++) {
      experiment("Filler " + i, "A description that mentions " + w + " in passing, number " + i);
    }
    try {
      browser.get(root);
      WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("headerSearch")));
      box.sendKeys(w + Keys.ENTER);
      wait.until(ExpectedConditions.urlContains("search.xhtml?q=" + w));
      WebElement hits = table();
      wait.until(ExpectedConditions.textToBePresentInElement(hits, "1–20 of 22"));

      // Title matches first: the two titled hits lead, with their titles as text.
      List<WebElement> rows = hits.findElements(By.cssSelector("tbody tr"));
      assertThat(rows).hasSize(20);
      String topTwo = rows.get(0).getText() + "\n" + rows.get(1).getText();
      assertThat(topTwo).contains("Headline " + w).contains(hostileTitle);
      assertThat(rows.get(0).getText() + rows.get(1).getText()).contains("Experiment")
          .contains("Decision");
      // Snippets mark the word; the hostile body is shown as text and ran nothing.
      List<WebElement> marks = hits.findElements(By.cssSelector(".snippet mark"));
      assertThat(marks).isNotEmpty().allMatch(m -> m.getText().equalsIgnoreCase(w));
      assertThat(hits.getText()).contains("<img src=x onerror=alert(window.__pwned=2)>");
      assertThat(js("return document.querySelectorAll('#resultsForm img, #resultsForm script,"
          + " #resultsForm [onerror]').length")).isEqualTo(0L);
      assertNoScriptRan();

      // The next page comes from the server: the last two hits.
      hits.findElement(By.cssSelector(".ui-paginator-next")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("resultsForm:hits"),
          "21–22 of 22"));
      assertThat(table().findElements(By.cssSelector("tbody tr"))).hasSize(2);
      assertThat(table().getText()).contains("Filler").doesNotContain("Headline " + w);

      // The search is a link: opening it again shows the first page; then into the experiment.
      browser.get(root + "search.xhtml?q=" + w);
      wait.until(ExpectedConditions.textToBePresentInElement(table(), "1–20 of 22"));
      browser.findElement(By.linkText("Headline " + w)).click();
      wait.until(ExpectedConditions.urlContains("experiments/detail.xhtml?id=" + titled));
      assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Headline " + w);
    } catch (AssertionError | RuntimeException e) {
      screenshotOn(e, "browser-search-failure.png");
      throw e;
    }
  }

  @Test
  void emptyAndWordlessQueriesAreErrorsBesideTheFieldAndNothingTypedIsHelp() throws Exception {
    try {
      browser.get(root + "search.xhtml");
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("help"))).getText())
          .contains("phrase");
      assertThat(browser.findElements(By.id("resultsForm:hits"))).isEmpty();

      WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.id("searchForm:q")));
      field.clear();
      browser.findElement(By.id("searchForm:go")).click();
      WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("#searchForm .ui-message-error")));
      assertThat(error.getText()).contains("Type one or more words");

      browser.get(root + "search.xhtml?q=" + URLEncoder.encode("the of", StandardCharsets.UTF_8));
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("#searchForm .ui-message-error"))).getText()).contains("Nothing to search for");

      // The page's own field searches too, and the query lands in the address.
      String w = word();
      experiment("Fielded " + w, "x");
      field = wait.until(ExpectedConditions.elementToBeClickable(By.id("searchForm:q")));
      field.clear();
      field.sendKeys(w);
      browser.findElement(By.id("searchForm:go")).click();
      wait.until(ExpectedConditions.urlContains("q=" + w));
      wait.until(ExpectedConditions.textToBePresentInElement(table(), "Fielded " + w));
      assertThat(browser.findElements(By.cssSelector("#searchForm .ui-message-error"))).isEmpty();

      // A query that tries to break out of the header's value attribute stays text.
      String breakout = "\"><script>window.__pwned=3</script> " + w;
      browser.get(root + "search.xhtml?q=" + URLEncoder.encode(breakout, StandardCharsets.UTF_8));
      table();
      assertThat(browser.findElement(By.id("headerSearch")).getAttribute("value")).isEqualTo(breakout);
      assertNoScriptRan();
    } catch (AssertionError | RuntimeException e) {
      screenshotOn(e, "browser-search-errors-failure.png");
      throw e;
    }
  }
}
