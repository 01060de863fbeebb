package io.decisionledger.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** A Liberty server's messages.log, read from a mark on: what a test caused, not earlier runs. */
public final class ServerLog {

  /** A session that could not be written or read: the session store logs these and goes on. */
  public static final Pattern SESSION_FAILURE = Pattern.compile(
      "SESN\\d{4}E|NotSerializableException|InvalidClassException"
          + "|ConcurrentModificationException");

  private final Path file;

  private ServerLog(Path file) {
    this.file = file;
  }

  public static ServerLog of(Path file) {
    return new ServerLog(file);
  }

  /** The log of the server the integration tests deployed to. */
  public static ServerLog ofTestServer() {
    return of(Path.of(System.getProperty("dl.wlp.dir"), "usr", "servers",
        System.getProperty("dl.it.server.name"), "logs", "messages.log"));
  }

  public Path file() {
    return file;
  }

  /** Where the log ends now. */
  public long mark() {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines written after {@code mark} that match {@code pattern}, each cut to 600 characters. */
  public List<String> linesSince(long mark, Pattern pattern) {
    try {
      byte[] all = Files.readAllBytes(file);
      // A rolled-over log starts again at 0.
      int start = mark <= all.length ? (int) mark : 0;
      String text = new String(all, start, all.length - start, StandardCharsets.UTF_8);
      return text.lines().filter(l -> pattern.matcher(l).find())
          .map(l -> l.length() > 600 ? l.substring(0, 600) : l).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
