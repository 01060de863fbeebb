package io.decisionledger.infrastructure.markdown;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Markdown to HTML that is safe to put into a page whatever the input: CommonMark with GitHub's
 * tables, then the OWASP Java HTML Sanitizer with an allow-list policy. Raw HTML in the Markdown
 * reaches the sanitizer, which keeps only formatting elements and drops scripts, event handlers,
 * styles, SVG/MathML, frames, forms and any URL that is not {@code http}, {@code https},
 * {@code mailto} or relative; links get {@code rel="nofollow noopener noreferrer"}.
 *
 * <p>Thread-safe: the parser, renderer and policy are immutable and shared.
 */
public final class Markdown {

  /** The longest Markdown rendered; longer input is cut (the entities allow less anyway). */
  public static final int MAX_LENGTH = 200_000;

  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

  /** {@code sanitizeUrls} is a first line of defence; the policy below is the one that counts. */
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true).build();

  private static final Pattern ALIGN = Pattern.compile("(?i)left|center|right");
  private static final Pattern LANGUAGE_CLASS = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}");
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,6}");

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
              "code", "em", "strong", "b", "i", "del", "s", "ins", "sub", "sup", "kbd", "mark",
              "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td",
              "a", "img", "details", "summary", "span", "div")
          .allowUrlProtocols("http", "https", "mailto")
          .allowAttributes("href").onElements("a")
          .allowAttributes("src", "alt").onElements("img")
          .allowAttributes("title").globally()
          .allowAttributes("align").matching(ALIGN).onElements("th", "td")
          .allowAttributes("start").matching(NUMBER).onElements("ol")
          .allowAttributes("class").matching(LANGUAGE_CLASS).onElements("code")
          .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
          .toFactory();

  private Markdown() {}

  /** The sanitised HTML of the Markdown; empty for null or blank input. */
  public static String toSafeHtml(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    String source = markdown.length() > MAX_LENGTH ? markdown.substring(0, MAX_LENGTH) : markdown;
    String html = RENDERER.render(PARSER.parse(source));
    return sanitize(html);
  }

  /** Any HTML through the same allow-list policy. */
  public static String sanitize(String html) {
    return html == null ? "" : POLICY.sanitize(html);
  }
}
