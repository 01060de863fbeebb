package io.decisionledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

  @TempDir Path temp;

  private static long count(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM kept")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void keepsItsDataAndPortAcrossAStopAndRestart() throws Exception {
    Path data = temp.resolve("pg");
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0, true)) {
      String url = db.jdbcUrl();
      try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept (id int)");
        s.execute("INSERT INTO kept VALUES (1), (2)");
      }
      db.stop();
      assertThat(db.isRunning()).isFalse();
      assertThatThrownBy(() -> count(url)).isInstanceOf(SQLException.class);
      db.restart();
      assertThat(db.jdbcUrl()).isEqualTo(url);
      assertThat(count(url)).isEqualTo(2);
    }
    // A later start that asks for a clean directory begins empty.
    assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0, true)) {
      assertThatThrownBy(() -> count(db.jdbcUrl())).isInstanceOf(SQLException.class)
          .hasMessageContaining("kept");
    }
  }
}
