package io.decisionledger.application.configaudit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariableFilesTest {

  @TempDir Path temp;

  @Test
  void findsTheFileNamedAfterThePropertyWhoseTrimmedContentIsTheValue() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("variables"));
    Path file = Files.writeString(dir.resolve("dl.db.password"), "hunter2-but-longer\n");
    Instant modified = Instant.parse("2026-11-02T10:15:30Z");
    Files.setLastModifiedTime(file, FileTime.from(modified));

    VariableFiles files = new VariableFiles(List.of(dir));

    assertThat(files.find("dl.db.password", "hunter2-but-longer"))
        .hasValueSatisfying(origin -> {
          assertThat(origin.file()).isEqualTo(file);
          assertThat(origin.lastModified()).isEqualTo(modified);
        });
  }

  @Test
  void aFileWithAnotherValueIsNotTheOrigin() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("variables"));
    Files.writeString(dir.resolve("dl.db.user"), "someone-else");
    VariableFiles files = new VariableFiles(List.of(dir));
    assertThat(files.find("dl.db.user", "decisionledger")).isEmpty();
    assertThat(files.find("dl.db.url", "jdbc:postgresql://db/x")).isEmpty();
    assertThat(files.find("dl.db.user", null)).isEmpty();
  }

  @Test
  void findsAKeyInAPropertiesFileOfTheDirectories() throws IOException {
    Path first = Files.createDirectories(temp.resolve("a"));
    Path second = Files.createDirectories(temp.resolve("b"));
    Path properties = Files.writeString(second.resolve("db.properties"),
        "dl.db.user=decisionledger\ndl.db.pool.max=40\n");
    VariableFiles files = new VariableFiles(List.of(first, second));
    assertThat(files.find("dl.db.pool.max", "40"))
        .hasValueSatisfying(origin -> assertThat(origin.file()).isEqualTo(properties));
  }

  @Test
  void namesThatWouldLeaveTheDirectoryAreNotLookedUp() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("variables"));
    Files.writeString(temp.resolve("outside"), "x");
    VariableFiles files = new VariableFiles(List.of(dir));
    assertThat(files.find("../outside", "x")).isEmpty();
  }

  @Test
  void directoriesComeFromLibertysPropertyThenTheEnvironmentThenTheServerDirectory() {
    String sep = File.pathSeparator;
    assertThat(VariableFiles.directories("/a/" + sep + "/b/", "/ignored", "/srv"))
        .containsExactly(Path.of("/a"), Path.of("/b"));
    assertThat(VariableFiles.directories(null, "/c" + sep + "/d", "/srv"))
        .containsExactly(Path.of("/c"), Path.of("/d"));
    assertThat(VariableFiles.directories("", null, "/srv/"))
        .containsExactly(Path.of("/srv/variables"));
    assertThat(VariableFiles.directories(null, null, null)).isEmpty();
  }
}
