package io.decisionledger.application.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import org.owasp.html.Encoding;

/**
 * Turns a PostgreSQL {@code ts_headline} into safe HTML. The headline marks matches with two
 * control characters ({@link #START}, {@link #STOP}) that the searched text cannot contain (the
 * query strips them from it first). The text between markers is HTML-escaped by the OWASP
 * encoder, which also drops every other control character; each marker becomes {@code <mark>} or
 * {@code </mark>}. The result holds no markup but ours, with every {@code <mark>} closed.
 */
public final class Snippet {

  /** STX, "start of text": where a highlighted match begins. */
  public static final char START = '\u0002';

  /** ETX, "end of text": where it ends. */
  public static final char STOP = '\u0003';

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private Snippet() {}

  public static String toHtml(String headline) {
    if (headline == null || headline.isEmpty()) {
      return "";
    }
    headline = WHITESPACE.matcher(headline).replaceAll(" ");
    StringBuilder html = new StringBuilder(headline.length() + 32);
    boolean open = false;
    int from = 0;
    for (int i = 0; i <= headline.length(); i++) {
      char c = i < headline.length() ? headline.charAt(i) : 0;
      if (i == headline.length() || c == START || c == STOP) {
        escape(headline.substring(from, i), html);
        from = i + 1;
        if (c == START && !open) {
          html.append("<mark>");
          open = true;
        } else if (c == STOP && open) {
          html.append("</mark>");
          open = false;
        }
      }
    }
    if (open) {
      html.append("</mark>");
    }
    return html.toString().strip();
  }

  private static void escape(String text, StringBuilder out) {
    try {
      Encoding.encodeRcdataOnto(text, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
  }
}
