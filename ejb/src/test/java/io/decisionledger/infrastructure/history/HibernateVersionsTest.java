package io.decisionledger.infrastructure.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.jar.JarFile;
import org.hibernate.Version;
import org.hibernate.envers.Audited;
import org.junit.jupiter.api.Test;

/**
 * Envers reaches into Hibernate ORM's internals, so the two must come from the same release line.
 * The root pom pins Envers apart from ORM only because the reachable Maven Central lacks some
 * Envers releases; this test fails when the two drift to different minor versions.
 */
class HibernateVersionsTest {

  @Test
  void enversAndHibernateOrmShareTheirMinorVersion() throws Exception {
    Path jar = Path.of(Audited.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String envers;
    try (JarFile file = new JarFile(jar.toFile())) {
      envers = file.getManifest().getMainAttributes().getValue("Bundle-Version");
    }
    String orm = Version.getVersionString();

    assertThat(envers).as("Envers version").isNotBlank();
    assertThat(minor(envers)).as("Envers %s against Hibernate ORM %s", envers, orm)
        .isEqualTo(minor(orm));
  }

  private static String minor(String version) {
    String[] parts = version.split("\\.");
    return parts[0] + "." + parts[1];
  }
}
