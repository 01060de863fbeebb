package io.decisionledger.application.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.application.decision.DecisionArchive.Contents;
import io.decisionledger.application.decision.DecisionArchive.Limits;
import io.decisionledger.application.decision.DecisionArchive.TextFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Zips of decision files, read defensively: sizes, entry counts and names. */
class DecisionArchiveTest {

  private static final Limits SMALL = new Limits(10, 1024, 4096);

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void writtenZipsAreReadBack() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DecisionArchive.Writer writer = new DecisionArchive.Writer(out)) {
      writer.add("0001-a.md", "# A ✓\n");
      writer.add("0002-b.md", "# B\n");
    }
    Contents contents = DecisionArchive.read(out.toByteArray(), "decisions.zip", Limits.DEFAULT);
    assertThat(contents.problems()).isEmpty();
    assertThat(contents.fatal()).isFalse();
    assertThat(contents.files()).containsExactly(new TextFile("0001-a.md", "# A ✓\n"),
        new TextFile("0002-b.md", "# B\n"));
  }

  @Test
  void aSingleMarkdownFileIsOneFile() {
    Contents contents = DecisionArchive.read(utf8("# T\n"), "0003-t.md", SMALL);
    assertThat(contents.files()).containsExactly(new TextFile("0003-t.md", "# T\n"));
    Contents binary = DecisionArchive.read(new byte[] {(byte) 0xC3, 0x28}, "x.md", SMALL);
    assertThat(binary.fatal()).isTrue();
    assertThat(binary.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("not UTF-8"));
    Contents big = DecisionArchive.read(new byte[2000], "x.md", SMALL);
    assertThat(big.fatal()).isTrue();
  }

  @Test
  void traversalAbsoluteAndControlCharacterNamesAreRefusedByName() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("../../etc/evil.md", utf8("# x"));
    entries.put("/abs.md", utf8("# x"));
    entries.put("dir\\win.md", utf8("# x"));
    entries.put("C:/drive.md", utf8("# x"));
    entries.put("bell\u0007.md", utf8("# x"));
    entries.put("ok/0001-fine.md", utf8("# fine"));
    Contents contents = DecisionArchive.read(zip(entries), "d.zip", SMALL);
    assertThat(contents.fatal()).isFalse();
    assertThat(contents.files()).extracting(TextFile::name).containsExactly("ok/0001-fine.md");
    assertThat(contents.problems()).extracting(FileProblem::file)
        .containsExactly("../../etc/evil.md", "/abs.md", "dir\\win.md", "C:/drive.md",
            "bell?.md");
    assertThat(contents.problems()).extracting(FileProblem::message)
        .containsExactly("refused entry name: parent directory (..)",
            "refused entry name: absolute path", "refused entry name: backslash",
            "refused entry name: absolute path", "refused entry name: control characters");
  }

  @Test
  void otherFilesAreSkippedAndListed() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("docs/", new byte[0]);
    entries.put("docs/README.md", utf8("# read me"));
    entries.put("docs/adr-template.md", utf8("# t"));
    entries.put("docs/logo.png", new byte[] {1, 2, 3});
    entries.put("__MACOSX/docs/._0001-a.md", new byte[] {0, 0});
    entries.put("docs/.hidden.md", utf8("# h"));
    entries.put("docs/0001-a.md", utf8("# a"));
    Contents contents = DecisionArchive.read(zip(entries), "d.zip", SMALL);
    assertThat(contents.problems()).isEmpty();
    assertThat(contents.files()).extracting(TextFile::name).containsExactly("docs/0001-a.md");
    assertThat(contents.skipped()).containsExactly("docs/README.md", "docs/adr-template.md",
        "docs/logo.png", "__MACOSX/docs/._0001-a.md", "docs/.hidden.md");
  }

  @Test
  void aZipBombStopsAtTheLimitWhileInflating() throws IOException {
    // 64 MiB of zeros compress to ~64 KiB; reading stops after the first KiB + 1 byte.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("0001-bomb.md"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("0002-after.md"));
      zip.write(utf8("# never read"));
      zip.closeEntry();
    }
    assertThat(bytes.size()).isLessThan(1 << 20);
    Contents contents = DecisionArchive.read(bytes.toByteArray(), "bomb.zip", SMALL);
    assertThat(contents.fatal()).isTrue();
    assertThat(contents.files()).isEmpty();
    assertThat(contents.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("0001-bomb.md");
      assertThat(p.message()).contains("larger than 1 KiB");
    });
  }

  @Test
  void theTotalSizeAndTheNumberOfEntriesAreBounded() throws IOException {
    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i < 11; i++) {
      many.put(i + ".md", utf8("# " + i));
    }
    Contents tooMany = DecisionArchive.read(zip(many), "many.zip", SMALL);
    assertThat(tooMany.fatal()).isTrue();
    assertThat(tooMany.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("more than 10 entries"));

    Map<String, byte[]> large = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      large.put(i + ".txt", new byte[1000]);
    }
    Contents tooLarge = DecisionArchive.read(zip(large), "large.zip", SMALL);
    assertThat(tooLarge.fatal()).isTrue();
    assertThat(tooLarge.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("once unpacked"));
  }

  @Test
  void brokenZipsAndDuplicateNamesAreProblemsNotCrashes() {
    byte[] broken = {'P', 'K', 3, 4, 20, 0, 0, 0, 99, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    Contents contents = DecisionArchive.read(broken, "broken.zip", SMALL);
    assertThat(contents.fatal()).isTrue();
    assertThat(contents.problems()).singleElement()
        .satisfies(p -> assertThat(p.file()).isEqualTo("broken.zip"));

    // A local header naming "x.md" with an unknown compression method (99).
    byte[] header = new byte[64];
    header[0] = 'P';
    header[1] = 'K';
    header[2] = 3;
    header[3] = 4;
    header[8] = 99;
    header[26] = 4;
    header[30] = 'x';
    header[31] = '.';
    header[32] = 'm';
    header[33] = 'd';
    Contents unknownMethod = DecisionArchive.read(header, "method.zip", SMALL);
    assertThat(unknownMethod.fatal()).isTrue();
    assertThat(unknownMethod.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("not a readable zip"));

    assertThat(DecisionArchive.unsafe("a/b/../c.md")).contains("..");
    assertThat(DecisionArchive.unsafe("a/b..c.md")).isNull();
    assertThat(DecisionArchive.unsafe("x".repeat(501))).contains("500");
  }
}
