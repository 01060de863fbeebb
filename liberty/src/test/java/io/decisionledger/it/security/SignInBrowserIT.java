package io.decisionledger.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.it.Chromium;
import io.decisionledger.it.Deployments;
import io.decisionledger.it.Http;
import io.decisionledger.it.TestDatabase;
import java.net.URL;
import java.time.Duration;
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
 * Sign-in, the way back to the page asked for, and sign-out, in Chromium. (A refused password is
 * covered over the API by SecurityIT; its message on the sign-in page is a known gap, see the
 * issue notes.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInBrowserIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

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

    browser.findElement(By.id("signInForm:username")).clear();
    browser.findElement(By.id("signInForm:username")).sendKeys(TestDatabase.ADMIN);
    browser.findElement(By.id("signInForm:password")).sendKeys(TestDatabase.adminPassword());
    browser.findElement(By.id("signInForm:signInButton")).click();
    wait.until(ExpectedConditions.urlContains("decisions/list.xhtml"));
    assertThat(browser.findElement(By.id("signedInAs")).getText())
        .isEqualTo(TestDatabase.ADMIN);
    // An administrator sees the administration pages in the navigation.
    assertThat(browser.findElements(By.id("navUsers"))).hasSize(1);

    browser.findElement(By.id("userBox:signOut")).click();
    wait.until(ExpectedConditions.urlContains("login.xhtml"));
    assertThat(browser.findElement(By.id("signedOutNote")).getText()).contains("signed out");
    browser.get(root + "decisions/list.xhtml");
    wait.until(ExpectedConditions.urlContains("login.xhtml"));
  }
}
