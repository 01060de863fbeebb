package io.decisionledger.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.it.Chromium;
import io.decisionledger.it.Deployments;
import io.decisionledger.it.Http;
import io.decisionledger.it.TestDatabase;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sign-in, a refused password and a locked account (the same message beside the form, nobody
 * signed in), the way back to the page asked for, and sign-out, in Chromium.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInBrowserIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  /** The one answer to every refused sign-in: it does not say whether the user exists. */
  static final String SIGN_IN_REFUSED = "Wrong user name or password, or the account is locked"
      + " after too many failed attempts: try again later or ask an administrator.";

  @ArquillianResource URL base;

  private WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aUserSignsInLandsWhereTheyWereGoingAndSignsOut() throws Exception {
    URL root = Deployments.root(base);
    new Http(root); // the demo is loaded
    browser = Chromium.open();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

    browser.get(root + "decisions/list.xhtml");
    wait.until(ExpectedConditions.urlContains("login.xhtml"));
    assertThat(browser.getCurrentUrl()).contains("next=%2Fdecisions%2Flist.xhtml");

    refused(wait, TestDatabase.ADMIN, "not-the-password");

    browser.findElement(By.id("signInForm:username")).clear();
    browser.findElement(By.id("signInForm:username")).sendKeys(TestDatabase.ADMIN);
    browser.findElement(By.id("signInForm:password")).sendKeys(TestDatabase.adminPassword());
    browser.findElement(By.id("signInForm:signInButton")).click();
    wait.until(ExpectedConditions.urlContains("decisions/list.xhtml"));
    assertThat(browser.findElement(By.id("signedInAs")).getText())
        .isEqualTo(TestDatabase.ADMIN);
    // An administrator sees the administration pages in the navigation.
    assertThat(browser.findElements(By.id("navUsers"))).hasSize(1);

    // The configuration audit page as an auditor sees it: secrets as a mask and a fingerprint
    // (what `printf %s "$value" | sha256sum | cut -c1-12` gives), never their values.
    browser.get(root + "admin/config-audit.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("properties")));
    assertThat(browser.findElements(By.cssSelector("code.fingerprint")))
        .extracting(org.openqa.selenium.WebElement::getText)
        .contains(TestDatabase.fingerprint(TestDatabase.DB_PASSWORD));
    assertThat(browser.findElement(By.id("downloadJson")).getAttribute("href"))
        .contains("api/v1/config-audit?download=true");
    assertThat(browser.getPageSource())
        .doesNotContain(TestDatabase.DB_PASSWORD)
        .doesNotContain(TestDatabase.adminPassword());

    browser.findElement(By.id("userBox:signOut")).click();
    wait.until(ExpectedConditions.urlContains("login.xhtml"));
    assertThat(browser.findElement(By.id("signedOutNote")).getText()).contains("signed out");
    browser.get(root + "decisions/list.xhtml");
    wait.until(ExpectedConditions.urlContains("login.xhtml"));
  }

  @Test
  void aLockedAccountIsRefusedWithTheSameMessageAsAWrongPassword() throws Exception {
    URL root = Deployments.root(base);
    Http admin = new Http(root);
    String name = "locked-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "pw-" + UUID.randomUUID();
    admin.postJson("api/v1/users", "{\"username\":\"" + name + "\",\"password\":\""
        + password + "\",\"roles\":[\"viewer\"]}");
    for (int i = 0; i < 5; i++) {
      assertThat(Http.anonymous(root).trySignIn(name, "wrong-" + i).status()).isEqualTo(401);
    }
    browser = Chromium.open();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(root + "login.xhtml");

    // The right password of a locked account: refused, and not told apart from a wrong one.
    refused(wait, name, password);
  }

  /** Signs in with these credentials and checks the refusal beside the form. */
  private void refused(WebDriverWait wait, String username, String password) {
    browser.findElement(By.id("signInForm:username")).clear();
    browser.findElement(By.id("signInForm:username")).sendKeys(username);
    browser.findElement(By.id("signInForm:password")).sendKeys(password);
    browser.findElement(By.id("signInForm:signInButton")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(
        By.id("signInForm:passwordMessage"), "Wrong user name or password"));
    assertThat(browser.findElement(By.id("signInForm:passwordMessage")).getText())
        .isEqualTo(SIGN_IN_REFUSED);
    assertThat(browser.getCurrentUrl()).contains("login.xhtml");
    assertThat(browser.findElements(By.id("signedInAs"))).as("nobody is signed in").isEmpty();
    // The password field is not filled in again.
    assertThat(browser.findElement(By.id("signInForm:password")).getAttribute("value")).isEmpty();
  }
}
