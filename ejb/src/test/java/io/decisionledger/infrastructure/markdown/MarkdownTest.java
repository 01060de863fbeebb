package io.decisionledger.infrastructure.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rendering keeps Markdown's meaning and sanitising drops every attack of the corpus. */
class MarkdownTest {

  /** Every tag of the output: the sanitizer escapes a '<' in text, so each one is real. */
  private static final Pattern TAG = Pattern.compile("<\\s*(/?)\\s*([a-zA-Z0-9:-]+)([^>]*)>");
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*(?:=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+))?");
  private static final List<String> FORBIDDEN_ELEMENTS = List.of("script", "svg", "math", "iframe",
      "object", "embed", "style", "link", "meta", "base", "form", "input", "textarea", "frame",
      "frameset", "audio", "video", "source", "template", "noscript", "xmp", "body", "html");

  static Stream<Arguments> corpus() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    try (InputStream in = MarkdownTest.class.getResourceAsStream("/markdown/hostile.txt")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (line.isBlank() || line.startsWith("# ") || line.startsWith("#!")) {
          continue;
        }
        int cut = line.lastIndexOf(" ||| ");
        String input = (cut < 0 ? line : line.substring(0, cut)).replace("\\n", "\n");
        String survives = cut < 0 ? null : line.substring(cut + 5).strip();
        cases.add(Arguments.of(input, survives));
      }
    }
    return cases.stream();
  }

  @Test
  void theCorpusHasAtLeastFiftyCases() throws IOException {
    assertThat(corpus().count()).isGreaterThanOrEqualTo(50);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("corpus")
  void noHostileInputSurvivesButItsTextDoes(String markdown, String survives) {
    String html = Markdown.toSafeHtml(markdown);
    assertSafe(html);
    if (survives != null) {
      assertThat(html).as("plain text of %s", markdown).contains(survives);
    }
  }

  static void assertSafe(String html) {
    String lower = html.toLowerCase(Locale.ROOT);
    assertThat(lower).doesNotContain("<script");
    Matcher tag = TAG.matcher(html);
    while (tag.find()) {
      String element = tag.group(2).toLowerCase(Locale.ROOT);
      assertThat(FORBIDDEN_ELEMENTS).as("element in %s", html).doesNotContain(element);
      Matcher attribute = ATTRIBUTE.matcher(tag.group(3));
      while (attribute.find()) {
        String name = attribute.group(1).toLowerCase(Locale.ROOT);
        String value = attribute.group(2) == null ? "" : unquote(attribute.group(2));
        assertThat(name).as("attribute in %s", html).doesNotStartWith("on");
        assertThat(name).as("attribute in %s", html).isNotIn("style", "srcdoc", "formaction",
            "xlink:href", "background", "action");
        if (name.equals("href") || name.equals("src")) {
          String url = decode(value).replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
          assertThat(url).as("url in %s", html)
              .doesNotStartWith("javascript:").doesNotStartWith("data:")
              .doesNotStartWith("vbscript:");
          assertThat(url.contains(":") && !url.matches("^(https?|mailto):.*") && url.indexOf(':')
              < firstOf(url, '/', '?', '#')).as("scheme of %s", url).isFalse();
        }
      }
    }
  }

  private static int firstOf(String s, char... chars) {
    int min = s.length();
    for (char c : chars) {
      int i = s.indexOf(c);
      if (i >= 0) {
        min = Math.min(min, i);
      }
    }
    return min;
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  /** Numeric and the common named entities, enough to see through an encoded scheme. */
  private static String decode(String value) {
    Matcher m = Pattern.compile("&#(x?)([0-9a-fA-F]+);?").matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
      m.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(code))));
    }
    m.appendTail(out);
    return out.toString().replace("&colon;", ":").replace("&amp;", "&").replace("&Tab;", "")
        .replace("&NewLine;", "");
  }

  @Test
  void markdownKeepsItsMeaning() {
    String html = Markdown.toSafeHtml("""
        # Decision

        We chose **Path B** because of _boot time_.

        - one
        - two

        | Metric | A | B |
        |:--|--:|:-:|
        | boot | 38 | 24 |

        See [the runbook](https://example.com/runbook) and `kubectl get vms`.

        ```yaml
        replicas: 3
        ```
        """);
    assertThat(html).contains("<h1>Decision</h1>").contains("<strong>Path B</strong>")
        .contains("<em>boot time</em>").contains("<li>one</li>").contains("<table>")
        .contains("<th align=\"left\">Metric</th>").contains("<td align=\"right\">38</td>")
        .contains("<code>kubectl get vms</code>").contains("class=\"language-yaml\"")
        .contains("replicas: 3");
    assertSafe(html);
  }

  @Test
  void linksAreMarkedNofollowNoopener() {
    String html = Markdown.toSafeHtml("[docs](https://example.com/docs) and <https://example.org>");
    assertThat(html).contains("href=\"https://example.com/docs\"");
    Matcher a = Pattern.compile("<a [^>]*>").matcher(html);
    int links = 0;
    while (a.find()) {
      links++;
      assertThat(a.group()).contains("rel=\"").contains("nofollow").contains("noopener");
    }
    assertThat(links).isEqualTo(2);
  }

  @Test
  void textThatLooksLikeHtmlInCodeIsShownEscaped() {
    String html = Markdown.toSafeHtml("Use `<script>` tags never.");
    assertThat(html).contains("&lt;script&gt;").doesNotContain("<script");
  }

  @Test
  void emptyAndNullRenderAsNothing() {
    assertThat(Markdown.toSafeHtml(null)).isEmpty();
    assertThat(Markdown.toSafeHtml("   \n ")).isEmpty();
  }

  @Test
  void relativeAndMailLinksStay() {
    String html = Markdown.toSafeHtml("[exp](/experiments/detail.xhtml?id=1) [mail](mailto:a@b.c)");
    assertThat(html).contains("href=\"/experiments/detail.xhtml?id&#61;1\"")
        .contains("href=\"mailto:a&#64;b.c\"");
  }
}
