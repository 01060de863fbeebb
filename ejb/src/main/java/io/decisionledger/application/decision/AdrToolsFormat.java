package io.decisionledger.application.decision;

import io.decisionledger.application.decision.MadrFormat.Parsed;
import io.decisionledger.application.decision.MadrFormat.StatusValue;
import io.decisionledger.application.decision.MarkdownLines.Heading;
import io.decisionledger.domain.model.decision.DecisionStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Markdown that adr-tools writes (Michael Nygard's template): {@code # 12. Title},
 * {@code Date: 2026-01-31}, {@code ## Status} (a status word, {@code Superseded by [13. ...](...)},
 * {@code Supersedes [11. ...](...)}), {@code ## Context}, {@code ## Decision}, {@code ##
 * Consequences}. Context goes to the context, the decision text to the justification (Nygard names
 * no options), the consequences to the consequences; other sections and other status links
 * ("Amends", "Clarified by" ...) are kept in the body. Pure, like {@link MadrFormat}.
 */
final class AdrToolsFormat {

  private static final Pattern TITLE = Pattern.compile("^(\\d{1,9})\\.\\s+(.*)$");
  private static final Pattern DATE = Pattern.compile("(?i)^\\s*Date:\\s*(.*?)\\s*$");
  private static final Pattern SUPERSEDED_BY =
      Pattern.compile("(?i)^\\s*Superseded\\s+by\\s+\\[?\\s*(?:ADR[- ]?)?0*(\\d{1,9})\\b.*$");
  private static final Pattern SUPERSEDES =
      Pattern.compile("(?i)^\\s*Supersedes\\s+\\[?\\s*(?:ADR[- ]?)?0*(\\d{1,9})\\b.*$");

  private AdrToolsFormat() {}

  static Parsed parse(String file, MarkdownLines md, List<Heading> top) {
    List<FileProblem> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Heading titleHeading = top.stream().filter(h -> h.level() == 1).findFirst().orElse(null);
    Heading firstSection = top.stream().filter(h -> h.level() == 2).findFirst().orElseThrow();
    if (titleHeading == null || titleHeading.index() > firstSection.index()) {
      problems.add(FileProblem.of(file, 1,
          "no title: an adr-tools file starts with a heading '# 1. Title'"));
      return new Parsed(null, problems, notes);
    }
    Integer fileNumber = MadrFormat.numberOfFile(file);
    Integer number = fileNumber;
    String title = titleHeading.text();
    Matcher t = TITLE.matcher(title);
    int titleLine = md.line(titleHeading.index()).number();
    if (t.matches()) {
      long n = Long.parseLong(t.group(1));
      title = t.group(2).strip();
      if (n < 1 || n > Integer.MAX_VALUE) {
        problems.add(FileProblem.of(file, titleLine, "the number " + t.group(1)
            + " is out of range"));
      } else {
        number = (int) n;
        if (fileNumber != null && fileNumber != n) {
          problems.add(FileProblem.of(file, titleLine, "the title says " + n
              + " but the file name says " + fileNumber));
        }
      }
    }
    List<String> bodyParts = new ArrayList<>();
    LocalDate date = null;
    List<String> preface = new ArrayList<>();
    for (int i = titleHeading.index() + 1; i < firstSection.index(); i++) {
      Matcher d = DATE.matcher(md.line(i).text());
      if (d.matches() && date == null) {
        date = MadrFormat.date(file, d.group(1), md.line(i).number(), problems);
      } else {
        preface.add(md.line(i).text());
      }
    }
    String prefaceText = String.join("\n", preface).strip();
    if (!prefaceText.isEmpty()) {
      bodyParts.add(prefaceText);
    }

    DecisionStatus status = null;
    boolean statusReported = false;
    Integer successor = null;
    List<Integer> supersedes = new ArrayList<>();
    String context = null;
    String decision = null;
    String consequences = null;
    List<Heading> sections = top.stream().filter(h -> h.level() == 2).toList();
    for (int s = 0; s < sections.size(); s++) {
      Heading h = sections.get(s);
      int from = h.index() + 1;
      int to = s + 1 < sections.size() ? sections.get(s + 1).index() : md.size();
      String content = md.between(from, to).strip();
      switch (h.text().toLowerCase(Locale.ROOT)) {
        case "status" -> {
          List<String> other = new ArrayList<>();
          for (int i = from; i < to; i++) {
            String line = md.line(i).text();
            if (line.isBlank()) {
              continue;
            }
            Matcher by = SUPERSEDED_BY.matcher(line);
            Matcher of = SUPERSEDES.matcher(line);
            StatusValue word = MadrFormat.status(line);
            if (by.matches()) {
              status = DecisionStatus.SUPERSEDED;
              successor = Integer.valueOf(by.group(1));
            } else if (of.matches()) {
              supersedes.add(Integer.valueOf(of.group(1)));
            } else if (word != null && status == null) {
              status = word.status();
              if (word.draft()) {
                notes.add(file + ": status 'draft' read as proposed");
              }
              if (word.status() == DecisionStatus.SUPERSEDED && successor == null) {
                problems.add(FileProblem.of(file, md.line(i).number(), "status superseded needs"
                    + " the successor: 'Superseded by [12. Title](0012-title.md)'"));
              }
            } else if (status == null && other.isEmpty()) {
              statusReported = true;
              problems.add(FileProblem.of(file, md.line(i).number(), "status '" + line.strip()
                  + "' is not one of Proposed, Accepted, Rejected, Deprecated, Superseded"));
            } else {
              other.add(line.strip());
            }
          }
          if (!other.isEmpty()) {
            bodyParts.add(String.join("\n\n", other));
          }
        }
        case "context" -> context = content;
        case "decision" -> decision = content;
        case "consequences" -> consequences = content;
        default -> bodyParts.add("## " + h.text() + (content.isEmpty() ? "" : "\n\n" + content));
      }
    }
    if (status == null && !statusReported) {
      problems.add(FileProblem.of(file, md.line(sections.stream()
          .filter(h -> h.text().equalsIgnoreCase("Status")).findFirst().orElseThrow().index())
          .number(), "the Status section names no status"));
    }
    if (title.isBlank()) {
      problems.add(FileProblem.of(file, titleLine, "the title is empty"));
    }
    if (!problems.isEmpty()) {
      return new Parsed(null, problems, notes);
    }
    return new Parsed(new PortableDecision(number, title, status, date, null, context, null,
        List.of(), null, decision, consequences,
        bodyParts.isEmpty() ? null : String.join("\n\n", bodyParts), successor, supersedes,
        List.of()), problems, notes);
  }
}
