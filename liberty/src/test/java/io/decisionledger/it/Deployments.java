package io.decisionledger.it;

import java.io.File;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archives the integration tests deploy: the real EAR the build produced. */
public final class Deployments {

  private Deployments() {}

  /** The application exactly as it ships. */
  public static EnterpriseArchive application() {
    File ear = new File(System.getProperty("dl.ear", "target/image/decision-ledger.ear"));
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
  }

  /**
   * Where the application answers. It is mounted at the server root; Arquillian's resource URL
   * names the web module instead, so the tests take only its host and port.
   */
  public static java.net.URL root(java.net.URL arquillianUrl) {
    try {
      return new java.net.URL(arquillianUrl.getProtocol(), arquillianUrl.getHost(),
          arquillianUrl.getPort(), "/");
    } catch (java.net.MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * The application with test classes (and the libraries they need) added to its web module, for
   * tests that run inside the server.
   */
  public static EnterpriseArchive withTestClasses(Class<?>... classes) {
    EnterpriseArchive ear = application();
    WebArchive war = ear.getAsType(WebArchive.class, "decision-ledger-web.war");
    war.addClasses(classes);
    war.addAsLibrary(jarOf(org.assertj.core.api.Assertions.class));
    // Arquillian's servlet protocol addresses the web module by its name, so an in-server test
    // mounts it there instead of at the root.
    String applicationXml = new String(readAll(ear.get("META-INF/application.xml").getAsset()),
        java.nio.charset.StandardCharsets.UTF_8);
    ear.setApplicationXML(new org.jboss.shrinkwrap.api.asset.StringAsset(applicationXml.replace(
        "<context-root>/</context-root>", "<context-root>/decision-ledger-web</context-root>")));
    return ear;
  }

  private static byte[] readAll(org.jboss.shrinkwrap.api.asset.Asset asset) {
    try (java.io.InputStream in = asset.openStream()) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static File jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
