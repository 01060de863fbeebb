package io.decisionledger.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and its driver for the browser tests; nothing is downloaded. Missing,
 * it fails the test in CI ({@code CI=true}) and skips it elsewhere.
 */
public final class Chromium {

  public static final Path BINARY = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  public static WebDriver open() throws IOException {
    if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
      String message = "Chromium not installed (apt-get install chromium chromium-driver)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(message + "; CI must run the browser tests");
      }
      Assumptions.abort(message);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    // Without the background-networking flags Chromium keeps dialling out of a closed network.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic", "--window-size=1280,1000",
        "--user-data-dir=" + Files.createTempDirectory("chromium-it"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  /** Signs the browser in as the test server's first administrator through the sign-in page. */
  public static void signIn(WebDriver browser, java.net.URL root) {
    signIn(browser, root, TestDatabase.ADMIN, TestDatabase.adminPassword());
  }

  /** Signs the browser in through the sign-in page and waits for the home page. */
  public static void signIn(WebDriver browser, java.net.URL root, String user, String password) {
    browser.get(root.toString() + "login.xhtml");
    browser.findElement(org.openqa.selenium.By.id("signInForm:username")).sendKeys(user);
    browser.findElement(org.openqa.selenium.By.id("signInForm:password")).sendKeys(password);
    browser.findElement(org.openqa.selenium.By.id("signInForm:signInButton")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
        .until(d -> !d.getCurrentUrl().contains("login.xhtml")
            || !d.findElements(org.openqa.selenium.By.cssSelector(".ui-message-error")).isEmpty());
    if (browser.getCurrentUrl().contains("login.xhtml")) {
      throw new AssertionError("sign-in as " + user + " was refused");
    }
  }
}
