package io.decisionledger.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A real PostgreSQL (embedded, from Maven Central) with databases migrated by the application's
 * Flyway migrations, and the application's persistence unit (persistence.xml, Envers included)
 * bootstrapped on them outside the server: resource-local transactions instead of JTA, and the
 * schema validated against the mapping on every start.
 */
public final class PersistenceUnitOnPostgres implements Closeable {

  private final EmbeddedPostgres postgres;

  public PersistenceUnitOnPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
  }

  /** A new database {@code name}, migrated up to {@code target} (all migrations when null). */
  public DataSource migrated(String name, String target) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    DataSource db = postgres.getDatabase("postgres", name);
    migrate(db, target);
    return db;
  }

  public static void migrate(DataSource db, String target) {
    var flyway = Flyway.configure().dataSource(db).locations("classpath:db/migration");
    if (target != null) {
      flyway.target(target);
    }
    flyway.load().migrate();
  }

  /**
   * The persistence unit of persistence.xml on {@code db}; Hibernate validates the mapping against
   * the schema first and throws when they disagree.
   */
  public static SessionFactory validated(DataSource db) throws Exception {
    Unit unit = Unit.read();
    StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder();
    unit.properties().forEach(settings::applySetting);
    settings.applySetting("hibernate.transaction.jta.platform", "none");
    settings.applySetting("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    settings.applySetting("hibernate.boot.allow_jdbc_metadata_access", "true");
    settings.applySetting("jakarta.persistence.schema-generation.database.action", "validate");
    settings.applySetting("hibernate.connection.datasource", db);
    // JSON-B is on the test class path (the Jakarta EE API) without an implementation; the
    // application maps no JSON, so no JSON mapper is needed.
    settings.applySetting("hibernate.type.json_format_mapper", new NoJson());
    StandardServiceRegistry registry = settings.build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      for (String type : unit.classes()) {
        sources.addAnnotatedClass(Class.forName(type));
      }
      return sources.buildMetadata().buildSessionFactory();
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }

  /** The classes and properties of the application's persistence unit. */
  private record Unit(List<String> classes, Map<String, String> properties) {
    static Unit read() throws Exception {
      Document xml;
      try (InputStream in =
          PersistenceUnitOnPostgres.class.getResourceAsStream("/META-INF/persistence.xml")) {
        xml = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(in);
      }
      List<String> classes = new ArrayList<>();
      NodeList nodes = xml.getElementsByTagName("class");
      for (int i = 0; i < nodes.getLength(); i++) {
        classes.add(nodes.item(i).getTextContent().strip());
      }
      Map<String, String> properties = new HashMap<>();
      NodeList props = xml.getElementsByTagName("property");
      for (int i = 0; i < props.getLength(); i++) {
        Element p = (Element) props.item(i);
        properties.put(p.getAttribute("name"), p.getAttribute("value"));
      }
      return new Unit(classes, properties);
    }
  }

  private static final class NoJson implements FormatMapper {
    @Override
    public <T> T fromString(CharSequence text, JavaType<T> type, WrapperOptions options) {
      throw new UnsupportedOperationException("no JSON mapping");
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
      throw new UnsupportedOperationException("no JSON mapping");
    }
  }
}
