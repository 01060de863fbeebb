package io.decisionledger.application.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetTest {

  private static final char S = Snippet.START;
  private static final char E = Snippet.STOP;

  @Test
  void marksTheMatchesAndEscapesEverythingElse() {
    String headline = "a " + S + "zebra" + E + " <img src=x onerror=alert(1)> & \"q\" 'x' "
        + S + "zebra" + E;
    assertThat(Snippet.toHtml(headline)).isEqualTo("a <mark>zebra</mark> &lt;img src&#61;x"
        + " onerror&#61;alert(1)&gt; &amp; &#34;q&#34; &#39;x&#39; <mark>zebra</mark>");
  }

  @Test
  void textThatLooksLikeMarkupOrEntitiesStaysText() {
    assertThat(Snippet.toHtml("<script>alert(1)</script> &lt;b&gt; <mark>x</mark>"))
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;b&amp;gt;"
            + " &lt;mark&gt;x&lt;/mark&gt;");
  }

  @Test
  void everyMarkIsClosedAndStrayMarkersAddNothing() {
    assertThat(Snippet.toHtml(E + "a " + S + "b " + S + "c")).isEqualTo("a <mark>b c</mark>");
    assertThat(Snippet.toHtml(S + "" + E)).isEqualTo("<mark></mark>");
  }

  @Test
  void otherControlCharactersAreDroppedAndWhitespaceCollapsed() {
    assertThat(Snippet.toHtml("line one\n\n  line\u0001 two\t" + S + "x" + E + "\u0007"))
        .isEqualTo("line one line two <mark>x</mark>");
  }

  @Test
  void nothingIsEmpty() {
    assertThat(Snippet.toHtml(null)).isEmpty();
    assertThat(Snippet.toHtml("")).isEmpty();
  }
}
