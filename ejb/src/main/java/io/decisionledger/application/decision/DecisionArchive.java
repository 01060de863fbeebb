package io.decisionledger.application.decision;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Decision files in and out of a zip, read defensively: at most {@link Limits#maxEntries}
 * entries, each at most {@link Limits#maxFileBytes} and all together at most {@link
 * Limits#maxTotalBytes} once inflated (counted while inflating, so a zip bomb stops at the limit
 * instead of filling memory), no absolute, parent ({@code ..}), backslash or control-character
 * names. Nothing is ever written to disk. Only {@code .md} files are decisions; others, hidden
 * files, {@code README.md}, {@code index.md} and templates are skipped and listed.
 */
public final class DecisionArchive {

  /** How much an upload may hold. */
  public record Limits(int maxEntries, int maxFileBytes, long maxTotalBytes) {
    /** 2,000 entries, 1 MiB a file, 64 MiB in all. */
    public static final Limits DEFAULT = new Limits(2_000, 1 << 20, 64L << 20);
  }

  /** One text file: its name as given (path inside the zip) and its content. */
  public record TextFile(String name, String text) {}

  /**
   * What an upload held.
   *
   * @param fatal the upload could not be read to its end (not a zip, a limit passed): nothing of
   *     it may be imported
   */
  public record Contents(List<TextFile> files, List<FileProblem> problems, List<String> skipped,
      boolean fatal) {}

  private DecisionArchive() {}

  /** Whether the bytes start like a zip (local file header or an empty archive). */
  public static boolean isZip(byte[] bytes) {
    return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K'
        && ((bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6));
  }

  /**
   * Reads an upload: a zip of decision files, or one Markdown file named {@code uploadName}.
   */
  public static Contents read(byte[] upload, String uploadName, Limits limits) {
    String name = displayName(uploadName == null || uploadName.isBlank() ? "upload.md" : uploadName);
    if (isZip(upload)) {
      return readZip(new ByteArrayInputStream(upload), name, limits);
    }
    List<FileProblem> problems = new ArrayList<>();
    if (upload.length > limits.maxFileBytes()) {
      problems.add(FileProblem.of(name, null, "the file is larger than "
          + limits.maxFileBytes() / 1024 + " KiB"));
      return new Contents(List.of(), problems, List.of(), true);
    }
    String text = utf8(upload);
    if (text == null) {
      problems.add(FileProblem.of(name, null, "not UTF-8 text (a .md file or a .zip of them)"));
      return new Contents(List.of(), problems, List.of(), true);
    }
    return new Contents(List.of(new TextFile(name, text)), problems, List.of(), false);
  }

  static Contents readZip(InputStream in, String zipName, Limits limits) {
    List<TextFile> files = new ArrayList<>();
    List<FileProblem> problems = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    Set<String> names = new HashSet<>();
    long total = 0;
    int entries = 0;
    try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (++entries > limits.maxEntries()) {
          problems.add(FileProblem.of(zipName, null, "the zip has more than "
              + limits.maxEntries() + " entries"));
          return new Contents(files, problems, skipped, true);
        }
        String raw = entry.getName();
        String shown = displayName(raw);
        // Every entry is inflated through the same counter, skipped ones too.
        byte[] data = zip.readNBytes(limits.maxFileBytes() + 1);
        total += data.length;
        if (data.length > limits.maxFileBytes()) {
          problems.add(FileProblem.of(shown, null, "larger than " + limits.maxFileBytes() / 1024
              + " KiB once unpacked; the zip was not read further"));
          return new Contents(files, problems, skipped, true);
        }
        if (total > limits.maxTotalBytes()) {
          problems.add(FileProblem.of(zipName, null, "more than " + (limits.maxTotalBytes() >> 20)
              + " MiB once unpacked; the zip was not read further"));
          return new Contents(files, problems, skipped, true);
        }
        String unsafe = unsafe(raw);
        if (unsafe != null) {
          problems.add(FileProblem.of(shown, null, "refused entry name: " + unsafe));
          continue;
        }
        if (entry.isDirectory()) {
          continue;
        }
        String base = MadrFormat.baseName(raw);
        String lower = base.toLowerCase(Locale.ROOT);
        if (raw.startsWith("__MACOSX/") || base.startsWith(".") || !lower.endsWith(".md")
            || lower.equals("readme.md") || lower.equals("index.md")
            || lower.contains("template")) {
          skipped.add(shown);
          continue;
        }
        if (!names.add(raw)) {
          problems.add(FileProblem.of(shown, null, "the zip holds this name twice"));
          continue;
        }
        String text = utf8(data);
        if (text == null) {
          problems.add(FileProblem.of(shown, null, "not UTF-8 text"));
          continue;
        }
        files.add(new TextFile(raw, text));
      }
      if (entries == 0) {
        problems.add(FileProblem.of(zipName, null, "the zip holds no files (or is not a zip)"));
        return new Contents(files, problems, skipped, true);
      }
    } catch (ZipException | IllegalArgumentException e) {
      problems.add(FileProblem.of(zipName, null, "not a readable zip: "
          + MadrFormat.firstLine(e.getMessage())));
      return new Contents(files, problems, skipped, true);
    } catch (IOException e) {
      problems.add(FileProblem.of(zipName, null, "the zip could not be read: "
          + MadrFormat.firstLine(e.getMessage())));
      return new Contents(files, problems, skipped, true);
    }
    return new Contents(files, problems, skipped, false);
  }

  /** Why a name is refused, or null when it is fine. */
  static String unsafe(String name) {
    if (name == null || name.isEmpty()) {
      return "empty";
    }
    if (name.length() > 500) {
      return "longer than 500 characters";
    }
    if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return "control characters";
    }
    if (name.contains("\\")) {
      return "backslash";
    }
    if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
      return "absolute path";
    }
    for (String segment : name.split("/")) {
      if (segment.equals("..")) {
        return "parent directory (..)";
      }
    }
    return null;
  }

  /** A name safe to show in a message: control characters replaced, at most 200 characters. */
  static String displayName(String name) {
    String cleaned = name == null ? "" : name.replaceAll("[\\p{Cntrl}]", "?");
    return cleaned.length() > 200 ? cleaned.substring(0, 200) + "…" : cleaned;
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Writes the files into a zip on {@code out} (which stays open), one entry at a time. */
  public static final class Writer implements AutoCloseable {
    private final ZipOutputStream zip;

    public Writer(OutputStream out) {
      this.zip = new ZipOutputStream(new NonClosing(out), StandardCharsets.UTF_8);
    }

    public void add(String name, String text) {
      try {
        ZipEntry entry = new ZipEntry(name);
        zip.putNextEntry(entry);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        zip.finish();
        zip.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
