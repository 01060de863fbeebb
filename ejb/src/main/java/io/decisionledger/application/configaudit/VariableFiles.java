package io.decisionledger.application.configaudit;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Liberty's variables directories: each file is a variable named after the file (its content,
 * trimmed, is the value) and each {@code *.properties} file holds several. This is where Kubernetes
 * mounts Secrets and the Key Vault CSI driver writes secrets ({@code /config/variables/} in the
 * container). Liberty reads {@code ${server.config.dir}/variables} unless the environment variable
 * {@code VARIABLE_SOURCE_DIRS} names other directories; it publishes the directories it reads as
 * the system property {@code wlp.var.src.dirs}.
 */
public final class VariableFiles {

  /** Files larger than this are not variables anyone mounts; they are not read. */
  static final long MAX_FILE_SIZE = 64 * 1024;

  private final List<Path> directories;

  public VariableFiles(List<Path> directories) {
    this.directories = List.copyOf(directories);
  }

  /** The directories Liberty reads, as it reports them (or, outside Liberty, as it would). */
  public static VariableFiles ofThisServer() {
    return new VariableFiles(directories(System.getProperty("wlp.var.src.dirs"),
        System.getenv("VARIABLE_SOURCE_DIRS"), System.getProperty("server.config.dir")));
  }

  static List<Path> directories(String wlpVarSrcDirs, String variableSourceDirs, String configDir) {
    String list = wlpVarSrcDirs != null && !wlpVarSrcDirs.isBlank() ? wlpVarSrcDirs
        : variableSourceDirs != null && !variableSourceDirs.isBlank() ? variableSourceDirs
        : configDir != null ? Path.of(configDir, "variables").toString() : "";
    List<Path> dirs = new ArrayList<>();
    for (String dir : list.split(File.pathSeparator)) {
      if (!dir.isBlank()) {
        dirs.add(Path.of(dir.strip()).normalize());
      }
    }
    return dirs;
  }

  public List<Path> directories() {
    return directories;
  }

  /** The file a value came from, with its last-modified time. */
  public record Origin(Path file, Instant lastModified) {}

  /**
   * The file in the variables directories that holds {@code value} for {@code name}: a file named
   * after the property, else a {@code *.properties} file with that key. Only a file whose value
   * equals the effective one counts, so a {@code server.xml} variable that overrides a file is not
   * mistaken for it. Values are compared, never returned or logged.
   */
  public Optional<Origin> find(String name, String value) {
    if (value == null || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
      return Optional.empty();
    }
    for (Path dir : directories) {
      Path direct = dir.resolve(name);
      if (isSmallFile(direct) && equal(value, read(direct))) {
        return origin(direct);
      }
    }
    for (Path dir : directories) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.properties")) {
        for (Path file : files) {
          if (isSmallFile(file) && equal(value, property(file, name))) {
            return origin(file);
          }
        }
      } catch (IOException e) {
        // An unreadable directory holds no origin we can show.
      }
    }
    return Optional.empty();
  }

  private static boolean isSmallFile(Path file) {
    try {
      return Files.isRegularFile(file) && Files.size(file) <= MAX_FILE_SIZE;
    } catch (IOException e) {
      return false;
    }
  }

  private static String read(Path file) {
    try {
      // Liberty trims a variable file's content (a trailing newline is not part of the value).
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException | java.io.UncheckedIOException e) {
      return null;
    }
  }

  private static String property(Path file, String name) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
      return properties.getProperty(name);
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean equal(String value, String candidate) {
    return candidate != null && MessageDigest.isEqual(
        value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<Origin> origin(Path file) {
    try {
      // Follows links: a Kubernetes Secret volume's file is a link into its current ..data.
      return Optional.of(new Origin(file, Files.getLastModifiedTime(file).toInstant()));
    } catch (IOException e) {
      return Optional.of(new Origin(file, null));
    }
  }
}
