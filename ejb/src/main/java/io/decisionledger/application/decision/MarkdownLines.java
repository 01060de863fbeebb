package io.decisionledger.application.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown file as lines with their offsets, and its ATX headings outside fenced code blocks:
 * enough structure to cut a decision file into its sections while keeping every section's text
 * exactly as written (line endings included).
 */
final class MarkdownLines {

  /** One line: 1-based number, offset of its first character, offset after its terminator. */
  record Line(int number, int start, int end, String text) {
    boolean blank() {
      return text.isBlank();
    }
  }

  /** An ATX heading: level 1-6, its text (closing sequence removed), index of its line. */
  record Heading(int level, String text, int index) {}

  private static final Pattern HEADING =
      Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");

  final String text;
  final List<Line> lines;

  MarkdownLines(String text) {
    this.text = text;
    this.lines = split(text);
  }

  static List<Line> split(String text) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    int number = 1;
    int length = text.length();
    while (start < length) {
      int i = start;
      while (i < length && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
        i++;
      }
      int end = i;
      if (i < length) {
        end = text.charAt(i) == '\r' && i + 1 < length && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
      }
      lines.add(new Line(number++, start, end, text.substring(start, i)));
      start = end;
    }
    return lines;
  }

  int size() {
    return lines.size();
  }

  Line line(int index) {
    return lines.get(index);
  }

  /** 1-based line number of the line at {@code index} (the line after the last when past it). */
  int number(int index) {
    return index < lines.size() ? lines.get(index).number() : lines.size() + 1;
  }

  /**
   * The headings in lines {@code [from, to)} of at most {@code maxLevel}, skipping fenced code
   * (the range is taken to start outside a fence).
   */
  List<Heading> headings(int from, int to, int maxLevel) {
    List<Heading> headings = new ArrayList<>();
    String fence = null;
    for (int i = from; i < to; i++) {
      String t = lines.get(i).text();
      Matcher f = FENCE.matcher(t);
      if (fence == null) {
        if (f.matches() && !(f.group(1).charAt(0) == '`' && f.group(2).contains("`"))) {
          fence = f.group(1);
          continue;
        }
      } else {
        String s = t.strip();
        char marker = fence.charAt(0);
        if (s.length() >= fence.length() && s.chars().allMatch(c -> c == marker)
            && t.length() - t.stripLeading().length() <= 3) {
          fence = null;
        }
        continue;
      }
      Matcher h = HEADING.matcher(t);
      if (h.matches() && h.group(1).length() <= maxLevel) {
        headings.add(new Heading(h.group(1).length(), h.group(2) == null ? "" : h.group(2).strip(),
            i));
      }
    }
    return headings;
  }

  /** The text of lines {@code [from, to)}, exactly as written. */
  String between(int from, int to) {
    if (from >= to || from >= lines.size()) {
      return "";
    }
    int end = to >= lines.size() ? text.length() : lines.get(to).start();
    return text.substring(lines.get(from).start(), end);
  }

  /** The 1-based number of the first non-blank line in {@code [from, to)}, or of {@code from}. */
  int firstContentLine(int from, int to) {
    for (int i = from; i < to && i < lines.size(); i++) {
      if (!lines.get(i).blank()) {
        return lines.get(i).number();
      }
    }
    return number(from);
  }
}
