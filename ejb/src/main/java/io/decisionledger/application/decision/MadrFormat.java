package io.decisionledger.application.decision;

import io.decisionledger.application.decision.MarkdownLines.Heading;
import io.decisionledger.application.decision.PortableDecision.Option;
import io.decisionledger.domain.model.comparison.Verdict;
import io.decisionledger.domain.model.decision.DecisionStatus;
import io.decisionledger.domain.model.experiment.MetricDirection;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Decisions as MADR Markdown files (the layout of MADR 3 and 4: "# Title", "## Context and
 * Problem Statement", "## Decision Drivers", "## Considered Options", "## Decision Outcome" with
 * "Chosen option: ...", "### Consequences", "## Pros and Cons of the Options", "## More
 * Information" for the free body), YAML front matter for status, date and deciders and the
 * ledger's additions (supersession by number, frozen evidence). Reads MADR 2 to 4 and, through
 * {@link AdrToolsFormat}, adr-tools (Nygard) files.
 *
 * <p>Lossless for this ledger's own files: {@link #render} parses what it wrote and, for any field
 * the Markdown cannot carry unambiguously (a context containing a line "## Decision Drivers", a
 * title with a line break), adds the exact value under {@code verbatim} in the front matter, which
 * {@link #parse} prefers. Pure: no I/O, no database; safe to call from any thread.
 */
public final class MadrFormat {

  /** Front matter keys. */
  static final String STATUS = "status";
  static final String DATE = "date";
  static final String DECIDERS = "deciders";
  static final String DECISION_MAKERS = "decision-makers";
  static final String SUPERSEDED_BY = "superseded-by";
  static final String SUPERSEDES = "supersedes";
  static final String EVIDENCE = "evidence";
  static final String VERBATIM = "verbatim";
  static final String CONSULTED = "consulted";
  static final String INFORMED = "informed";

  static final String H_CONTEXT = "Context and Problem Statement";
  static final String H_DRIVERS = "Decision Drivers";
  static final String H_OPTIONS = "Considered Options";
  static final String H_OUTCOME = "Decision Outcome";
  static final String H_CONSEQUENCES = "Consequences";
  static final String H_PROS_CONS = "Pros and Cons of the Options";
  static final String H_MORE = "More Information";

  private static final String CHOSEN = "Chosen option: ";
  private static final String BECAUSE = ", because ";
  private static final String BECAUSE_WORD = ", because";

  /** Longest YAML front matter read, in characters (evidence of many metrics fits easily). */
  static final int MAX_FRONT_MATTER = 1_000_000;

  private static final Pattern FILE_NUMBER = Pattern.compile("^(\\d{1,9})(?:[-_ .].*)?$");
  private static final Pattern SUCCESSOR =
      Pattern.compile("(?i)^superseded(?:\\s+by)?\\s*:?\\s*\\[?\\s*(?:ADR[- ]?)?0*(\\d{1,9})\\b.*$");
  private static final Pattern NUMBER_REF =
      Pattern.compile("(?i)^\\s*\\[?\\s*(?:ADR[- ]?)?0*(\\d{1,9})\\b.*$");
  private static final Pattern PRO =
      Pattern.compile("^\\s{0,3}[-*+]\\s+Good,?\\s+because(?:\\s+(.*?))?\\s*$");
  private static final Pattern CON =
      Pattern.compile("^\\s{0,3}[-*+]\\s+Bad,?\\s+because(?:\\s+(.*?))?\\s*$");
  private static final Pattern LIST_ITEM = Pattern.compile("^\\s{0,3}(?:[-*+]|\\d{1,9}[.)])\\s+(.*)$");
  private static final Pattern MADR2_META =
      Pattern.compile("(?i)^\\s{0,3}[-*+]\\s+(status|deciders|date|technical story)\\s*:\\s*(.*?)\\s*$");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private MadrFormat() {}

  /** What one file held: the decision, or the problems that keep it out; notes either way. */
  public record Parsed(PortableDecision decision, List<FileProblem> problems, List<String> notes) {
    public boolean valid() {
      return problems.isEmpty() && decision != null;
    }
  }

  // ---------------------------------------------------------------- file names

  /** {@code 0007-use-envoy-gateway-for-ingress.md}: the MADR and adr-tools convention. */
  public static String fileName(Integer number, String title) {
    String slug = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    if (slug.length() > 60) {
      slug = slug.substring(0, 60).replaceAll("-+$", "");
    }
    if (slug.isEmpty()) {
      slug = "decision";
    }
    return number == null ? slug + ".md" : String.format(Locale.ROOT, "%04d-%s.md", number, slug);
  }

  /** The number a file name starts with ({@code 0007-x.md} is 7), or null. */
  static Integer numberOfFile(String fileName) {
    String base = baseName(fileName);
    Matcher m = FILE_NUMBER.matcher(base);
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    return n > Integer.MAX_VALUE ? null : (int) n;
  }

  static String baseName(String fileName) {
    String name = fileName == null ? "" : fileName;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(slash + 1);
  }

  // ---------------------------------------------------------------- rendering

  /** The decision as a MADR file (front matter, then the sections), losslessly (see above). */
  public static String render(PortableDecision d) {
    String name = fileName(d.number(), d.title());
    String text = render(d, Set.of());
    Parsed back = parse(name, text);
    Set<String> differing = back.decision() == null ? Set.of(VerbatimField.ALL)
        : differingFields(d, back.decision());
    if (differing.isEmpty()) {
      return text;
    }
    text = render(d, differing);
    back = parse(name, text);
    if (back.decision() == null || !d.equals(back.decision())) {
      throw new IllegalStateException("decision " + d.label() + " does not survive a round trip: "
          + back.problems() + "\n" + d + "\n" + back.decision());
    }
    return text;
  }

  /** The fields whose Markdown sections can carry a value in front matter. */
  static final class VerbatimField {
    static final String TITLE = "title";
    static final String CONTEXT = "context";
    static final String DRIVERS = "drivers";
    static final String OPTIONS = "options";
    static final String CHOSEN_OPTION = "chosen-option";
    static final String JUSTIFICATION = "justification";
    static final String CONSEQUENCES = "consequences";
    static final String BODY = "body";
    static final String[] ALL = {TITLE, CONTEXT, DRIVERS, OPTIONS, CHOSEN_OPTION, JUSTIFICATION,
        CONSEQUENCES, BODY};

    private VerbatimField() {}
  }

  private static Set<String> differingFields(PortableDecision a, PortableDecision b) {
    Set<String> fields = new LinkedHashSet<>();
    if (!Objects.equals(a.title(), b.title())) {
      fields.add(VerbatimField.TITLE);
    }
    if (!Objects.equals(a.context(), b.context())) {
      fields.add(VerbatimField.CONTEXT);
    }
    if (!Objects.equals(a.drivers(), b.drivers())) {
      fields.add(VerbatimField.DRIVERS);
    }
    if (!Objects.equals(a.options(), b.options())) {
      fields.add(VerbatimField.OPTIONS);
    }
    if (!Objects.equals(a.chosenOption(), b.chosenOption())) {
      fields.add(VerbatimField.CHOSEN_OPTION);
    }
    if (!Objects.equals(a.justification(), b.justification())) {
      fields.add(VerbatimField.JUSTIFICATION);
    }
    if (!Objects.equals(a.consequences(), b.consequences())) {
      fields.add(VerbatimField.CONSEQUENCES);
    }
    if (!Objects.equals(a.body(), b.body())) {
      fields.add(VerbatimField.BODY);
    }
    boolean restSame = Objects.equals(a.status(), b.status()) && Objects.equals(a.date(), b.date())
        && Objects.equals(a.deciders(), b.deciders())
        && Objects.equals(a.supersededBy(), b.supersededBy())
        && Objects.equals(a.supersedes(), b.supersedes())
        && Objects.equals(a.evidence(), b.evidence()) && Objects.equals(a.number(), b.number());
    if (!restSame) {
      // Front matter values always survive; if not, it is a bug worth failing loudly on.
      throw new IllegalStateException("front matter of " + a.label() + " did not survive");
    }
    return fields;
  }

  private static String render(PortableDecision d, Set<String> verbatim) {
    StringBuilder out = new StringBuilder(4096);
    out.append("---\n").append(dumpFrontMatter(d, verbatim)).append("---\n");
    out.append("# ").append(d.title().replaceAll("\\R+", " ")).append('\n');
    section(out, H_CONTEXT, d.context());
    if (d.drivers() != null) {
      section(out, H_DRIVERS, bullets(PortableDecision.pointList(d.drivers())));
    }
    if (!d.options().isEmpty()) {
      section(out, H_OPTIONS, bullets(d.options().stream().map(Option::name).toList()));
    }
    if (d.chosenOption() != null || d.justification() != null || d.consequences() != null) {
      out.append("\n## ").append(H_OUTCOME).append('\n');
      if (d.chosenOption() != null) {
        out.append('\n').append(CHOSEN).append('"').append(d.chosenOption()).append('"');
        if (d.justification() != null) {
          out.append(BECAUSE).append(d.justification());
        }
        out.append('\n');
      } else if (d.justification() != null) {
        out.append('\n').append(d.justification()).append('\n');
      }
      if (d.consequences() != null) {
        out.append("\n### ").append(H_CONSEQUENCES).append("\n\n").append(d.consequences())
            .append('\n');
      }
    }
    if (d.options().stream().anyMatch(o -> o.description() != null || o.pros() != null
        || o.cons() != null)) {
      out.append("\n## ").append(H_PROS_CONS).append('\n');
      for (Option o : d.options()) {
        out.append("\n### ").append(o.name()).append('\n');
        if (o.description() != null) {
          out.append('\n').append(o.description()).append('\n');
        }
        List<String> arguments = new ArrayList<>();
        PortableDecision.pointList(o.pros()).forEach(p -> arguments.add("Good, because " + p));
        PortableDecision.pointList(o.cons()).forEach(c -> arguments.add("Bad, because " + c));
        if (!arguments.isEmpty()) {
          out.append('\n').append(bullets(arguments)).append('\n');
        }
      }
    }
    section(out, H_MORE, d.body());
    return out.toString();
  }

  private static void section(StringBuilder out, String heading, String content) {
    if (content != null) {
      out.append("\n## ").append(heading).append("\n\n").append(content).append('\n');
    }
  }

  private static String bullets(List<String> items) {
    StringBuilder b = new StringBuilder();
    for (String item : items) {
      if (!b.isEmpty()) {
        b.append('\n');
      }
      b.append("* ").append(item);
    }
    return b.toString();
  }

  private static String dumpFrontMatter(PortableDecision d, Set<String> verbatim) {
    Map<String, Object> front = new LinkedHashMap<>();
    front.put(STATUS, d.status().name().toLowerCase(Locale.ROOT));
    if (d.date() != null) {
      front.put(DATE, d.date().toString());
    }
    if (d.deciders() != null) {
      front.put(DECIDERS, d.deciders());
    }
    if (d.supersededBy() != null) {
      front.put(SUPERSEDED_BY, d.supersededBy());
    }
    if (!d.supersedes().isEmpty()) {
      front.put(SUPERSEDES, d.supersedes());
    }
    if (!d.evidence().isEmpty()) {
      front.put(EVIDENCE, evidenceYaml(d.evidence()));
    }
    if (!verbatim.isEmpty()) {
      Map<String, Object> exact = new LinkedHashMap<>();
      for (String field : VerbatimField.ALL) {
        if (!verbatim.contains(field)) {
          continue;
        }
        Object value = switch (field) {
          case VerbatimField.TITLE -> d.title();
          case VerbatimField.CONTEXT -> d.context();
          case VerbatimField.DRIVERS -> d.drivers();
          case VerbatimField.OPTIONS -> d.options().stream().map(MadrFormat::optionYaml).toList();
          case VerbatimField.CHOSEN_OPTION -> d.chosenOption();
          case VerbatimField.JUSTIFICATION -> d.justification();
          case VerbatimField.CONSEQUENCES -> d.consequences();
          default -> d.body();
        };
        exact.put(field, value);
      }
      front.put(VERBATIM, exact);
    }
    DumpSettings settings = DumpSettings.builder()
        .setDefaultFlowStyle(FlowStyle.BLOCK)
        .setIndent(2)
        .setIndicatorIndent(2)
        .setIndentWithIndicator(true)
        .setWidth(120)
        .setSplitLines(false)
        .build();
    return new Dump(settings).dumpToString(front);
  }

  private static Map<String, Object> optionYaml(Option o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", o.name());
    m.put("description", o.description());
    m.put("pros", o.pros());
    m.put("cons", o.cons());
    return m;
  }

  /** Evidence rows grouped by citation (experiment, metric, time, data hash), variants inside. */
  private static List<Object> evidenceYaml(List<EvidenceSnapshot> rows) {
    Map<List<Object>, List<EvidenceSnapshot>> groups = new LinkedHashMap<>();
    for (EvidenceSnapshot e : rows) {
      List<Object> key = java.util.Arrays.asList(e.experimentId(), e.experiment(), e.metric(),
          e.unit(), e.direction(), e.citedAt(), e.dataSha256());
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
    }
    List<Object> list = new ArrayList<>();
    for (List<EvidenceSnapshot> group : groups.values()) {
      EvidenceSnapshot first = group.get(0);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("experiment", first.experiment());
      if (first.experimentId() != null) {
        m.put("experiment-id", first.experimentId());
      }
      m.put("metric", first.metric());
      m.put("unit", first.unit());
      m.put("direction", first.direction().name());
      m.put("cited-at", first.citedAt().toString());
      m.put("data-sha256", first.dataSha256());
      List<Object> variants = new ArrayList<>();
      for (EvidenceSnapshot e : group) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("variant", e.variant());
        v.put("baseline", e.baseline());
        v.put("verdict", e.verdict().name());
        v.put("runs", e.runs());
        v.put("n", e.n());
        putNumber(v, "mean", e.mean());
        putNumber(v, "median", e.median());
        putNumber(v, "p95", e.p95());
        putNumber(v, "sd", e.standardDeviation());
        putNumber(v, "difference", e.difference());
        putNumber(v, "ci-lower", e.ciLower());
        putNumber(v, "ci-upper", e.ciUpper());
        putNumber(v, "ratio", e.ratio());
        variants.add(v);
      }
      m.put("variants", variants);
      list.add(m);
    }
    return list;
  }

  private static void putNumber(Map<String, Object> m, String key, Double value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  // ---------------------------------------------------------------- parsing

  /**
   * Reads one file: MADR (with or without front matter, MADR 2 "* Status:" lines too) or an
   * adr-tools file (a "## Status" section and no front matter). Collects every problem it can
   * find instead of stopping at the first.
   */
  public static Parsed parse(String fileName, String raw) {
    String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
    MarkdownLines md = new MarkdownLines(text);
    List<FileProblem> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    String file = fileName;

    int bodyStart = 0;
    FrontMatter front = null;
    if (md.size() > 0 && md.line(0).text().stripTrailing().equals("---")) {
      int close = -1;
      for (int i = 1; i < md.size(); i++) {
        // At the start of a line only: inside the YAML a "---" is indented (block scalars).
        String t = md.line(i).text().stripTrailing();
        if (t.equals("---") || t.equals("...")) {
          close = i;
          break;
        }
      }
      if (close < 0) {
        problems.add(FileProblem.of(file, 1,
            "the front matter that starts on line 1 is never closed by a line '---'"));
        return new Parsed(null, problems, notes);
      }
      String yaml = md.between(1, close);
      front = FrontMatter.load(file, yaml, md, 1, close, problems);
      bodyStart = close + 1;
      if (front == null) {
        return new Parsed(null, problems, notes);
      }
    }
    List<Heading> top = md.headings(bodyStart, md.size(), 2);
    if (front == null && top.stream().anyMatch(h -> h.level() == 2
        && h.text().equalsIgnoreCase("Status"))) {
      return AdrToolsFormat.parse(file, md, top);
    }
    return parseMadr(file, md, bodyStart, top, front == null ? FrontMatter.EMPTY : front,
        problems, notes);
  }

  private static Parsed parseMadr(String file, MarkdownLines md, int bodyStart,
      List<Heading> top, FrontMatter front, List<FileProblem> problems, List<String> notes) {
    int titleIndex = -1;
    String title = null;
    for (Heading h : top) {
      if (h.level() == 1) {
        titleIndex = h.index();
        title = h.text();
        break;
      }
      if (h.level() == 2) {
        break;
      }
    }
    List<String> bodyParts = new ArrayList<>();
    String statusText = front.string(STATUS, problems);
    String dateText = front.string(DATE, problems);
    String deciders = front.names(DECIDERS, problems);
    if (deciders == null) {
      deciders = front.names(DECISION_MAKERS, problems);
    }
    Integer statusLine = front.line(STATUS);
    Integer dateLine = front.line(DATE);
    for (String key : front.unknownKeys()) {
      notes.add(file + ": front matter key '" + key + "' is not part of a decision; ignored");
    }

    if (titleIndex < 0) {
      problems.add(FileProblem.of(file, md.firstContentLine(bodyStart, md.size()),
          "no title: a decision file starts with a heading '# Title' (after the front matter)"));
      return new Parsed(null, problems, notes);
    }
    String before = md.between(bodyStart, titleIndex).strip();
    if (!before.isEmpty()) {
      bodyParts.add(before);
    }
    int afterTitle = titleIndex;
    List<Heading> sections = top.stream()
        .filter(h -> h.level() == 2 && h.index() > afterTitle).toList();
    int firstSection = sections.isEmpty() ? md.size() : sections.get(0).index();
    // MADR 2 puts "* Status: ...", "* Deciders: ...", "* Date: ..." under the title.
    List<String> preface = new ArrayList<>();
    for (int i = titleIndex + 1; i < firstSection; i++) {
      Matcher meta = MADR2_META.matcher(md.line(i).text());
      if (meta.matches()) {
        String key = meta.group(1).toLowerCase(Locale.ROOT);
        String value = meta.group(2);
        int line = md.line(i).number();
        if (key.equals("status") && statusText == null) {
          statusText = value;
          statusLine = line;
        } else if (key.equals("date") && dateText == null) {
          dateText = value;
          dateLine = line;
        } else if (key.equals("deciders") && deciders == null) {
          deciders = value;
        } else {
          preface.add(md.line(i).text());
        }
      } else {
        preface.add(md.line(i).text());
      }
    }
    String prefaceText = String.join("\n", preface).strip();
    if (!prefaceText.isEmpty()) {
      bodyParts.add(prefaceText);
    }

    String context = null;
    String drivers = null;
    List<String> optionNames = new ArrayList<>();
    Map<String, Option> details = new LinkedHashMap<>();
    String chosen = null;
    String justification = null;
    List<String> consequences = new ArrayList<>();
    String more = null;
    Set<String> seen = new LinkedHashSet<>();
    for (int s = 0; s < sections.size(); s++) {
      Heading h = sections.get(s);
      String name = h.text().toLowerCase(Locale.ROOT);
      int from = h.index() + 1;
      boolean isMore = name.equals(H_MORE.toLowerCase(Locale.ROOT));
      int to = isMore || s + 1 == sections.size() ? md.size() : sections.get(s + 1).index();
      String content = md.between(from, to).strip();
      String canonical = switch (name) {
        case "context and problem statement", "context" -> "context";
        case "decision drivers" -> "drivers";
        case "considered options" -> "options";
        case "decision outcome", "decision" -> "outcome";
        case "pros and cons of the options" -> "pros-cons";
        case "more information" -> "more";
        default -> null;
      };
      if (canonical != null && !seen.add(canonical)) {
        notes.add(file + " line " + md.line(h.index()).number() + ": the section '" + h.text()
            + "' appears twice; the second is kept in the body");
        canonical = null;
      }
      if (canonical == null) {
        bodyParts.add("## " + h.text() + (content.isEmpty() ? "" : "\n\n" + content));
        continue;
      }
      switch (canonical) {
        case "context" -> context = content;
        case "drivers" -> drivers = content;
        case "options" -> {
          for (String item : listItems(content)) {
            optionNames.add(item);
          }
        }
        case "outcome" -> {
          String[] outcome = outcome(md, from, to, consequences, bodyParts);
          chosen = outcome[0];
          justification = outcome[1];
        }
        case "pros-cons" -> prosAndCons(md, from, to, details, bodyParts);
        default -> more = content;
      }
      if (isMore) {
        break;
      }
    }
    if (more != null && !more.isEmpty()) {
      bodyParts.add(more);
    }
    String consulted = front.names(CONSULTED, problems);
    String informed = front.names(INFORMED, problems);
    if (consulted != null) {
      bodyParts.add("Consulted: " + consulted);
    }
    if (informed != null) {
      bodyParts.add("Informed: " + informed);
    }

    // Options: the considered list gives the order, the pros and cons the details.
    List<Option> options = new ArrayList<>();
    Map<String, Option> byLowerName = new LinkedHashMap<>();
    details.forEach((k, v) -> byLowerName.put(k.toLowerCase(Locale.ROOT), v));
    Set<String> used = new LinkedHashSet<>();
    for (String optionName : optionNames) {
      Option detail = byLowerName.get(optionName.toLowerCase(Locale.ROOT));
      used.add(optionName.toLowerCase(Locale.ROOT));
      options.add(detail == null ? new Option(optionName, null, null, null)
          : new Option(optionName, detail.description(), detail.pros(), detail.cons()));
    }
    for (Option detail : details.values()) {
      if (!used.contains(detail.name().toLowerCase(Locale.ROOT))) {
        options.add(detail);
      }
    }

    DecisionStatus status = DecisionStatus.PROPOSED;
    Integer successor = front.number(SUPERSEDED_BY, problems);
    if (statusText != null) {
      StatusValue value = status(statusText);
      if (value == null) {
        problems.add(FileProblem.of(file, statusLine, "status '" + statusText + "' is not one of"
            + " proposed, accepted, rejected, deprecated, superseded"));
      } else {
        status = value.status();
        if (value.draft()) {
          notes.add(file + ": status 'draft' read as proposed");
        }
        if (value.successor() != null) {
          if (successor != null && !successor.equals(value.successor())) {
            problems.add(FileProblem.of(file, statusLine, "status names ADR "
                + value.successor() + " as successor but superseded-by says " + successor));
          }
          successor = value.successor();
        }
      }
    }
    if (status == DecisionStatus.SUPERSEDED && successor == null) {
      problems.add(FileProblem.of(file, statusLine,
          "status superseded needs the number of the successor (superseded-by: 12)"));
    }
    if (successor != null && status != DecisionStatus.SUPERSEDED) {
      problems.add(FileProblem.of(file, front.line(SUPERSEDED_BY), "superseded-by is given but"
          + " the status is " + status.name().toLowerCase(Locale.ROOT)
          + ": only a superseded decision has a successor"));
    }
    LocalDate date = date(file, dateText, dateLine, problems);
    List<Integer> supersedes = front.numbers(SUPERSEDES, problems);
    List<EvidenceSnapshot> evidence = front.evidence(problems);

    Map<String, Object> verbatim = front.verbatim(problems);
    if (verbatim.containsKey(VerbatimField.TITLE)) {
      title = stringOrNull(verbatim.get(VerbatimField.TITLE));
    }
    if (verbatim.containsKey(VerbatimField.CONTEXT)) {
      context = stringOrNull(verbatim.get(VerbatimField.CONTEXT));
    }
    if (verbatim.containsKey(VerbatimField.DRIVERS)) {
      drivers = stringOrNull(verbatim.get(VerbatimField.DRIVERS));
    }
    if (verbatim.containsKey(VerbatimField.OPTIONS)) {
      options = front.options(verbatim.get(VerbatimField.OPTIONS), problems);
    }
    if (verbatim.containsKey(VerbatimField.CHOSEN_OPTION)) {
      chosen = stringOrNull(verbatim.get(VerbatimField.CHOSEN_OPTION));
    }
    if (verbatim.containsKey(VerbatimField.JUSTIFICATION)) {
      justification = stringOrNull(verbatim.get(VerbatimField.JUSTIFICATION));
    }
    String consequencesText = consequences.isEmpty() ? null : String.join("\n\n", consequences);
    if (verbatim.containsKey(VerbatimField.CONSEQUENCES)) {
      consequencesText = stringOrNull(verbatim.get(VerbatimField.CONSEQUENCES));
    }
    String body = bodyParts.isEmpty() ? null : String.join("\n\n", bodyParts);
    if (verbatim.containsKey(VerbatimField.BODY)) {
      body = stringOrNull(verbatim.get(VerbatimField.BODY));
    }
    if (title == null || title.isBlank()) {
      problems.add(FileProblem.of(file, md.line(titleIndex).number(), "the title is empty"));
    }
    Integer number = numberOfFile(file);
    if (!problems.isEmpty()) {
      return new Parsed(null, problems, notes);
    }
    return new Parsed(new PortableDecision(number, title, status, date, deciders, context,
        drivers, options, chosen, justification, consequencesText, body, successor, supersedes,
        evidence), problems, notes);
  }

  /** Splits "Decision Outcome": the outcome text, then its known subsections. */
  private static String[] outcome(MarkdownLines md, int from, int to, List<String> consequences,
      List<String> bodyParts) {
    List<Heading> subs = md.headings(from, to, 3).stream()
        .filter(h -> h.level() == 3 && switch (h.text().toLowerCase(Locale.ROOT)) {
          case "consequences", "positive consequences", "negative consequences",
              "confirmation" -> true;
          default -> false;
        })
        .toList();
    int end = subs.isEmpty() ? to : subs.get(0).index();
    String text = md.between(from, end).strip();
    for (int i = 0; i < subs.size(); i++) {
      Heading h = subs.get(i);
      int next = i + 1 < subs.size() ? subs.get(i + 1).index() : to;
      String content = md.between(h.index() + 1, next).strip();
      switch (h.text().toLowerCase(Locale.ROOT)) {
        case "consequences" -> {
          if (!content.isEmpty()) {
            consequences.add(content);
          }
        }
        case "positive consequences", "negative consequences" -> {
          if (!content.isEmpty()) {
            consequences.add("**" + h.text() + "**\n\n" + content);
          }
        }
        default -> bodyParts.add("### " + h.text() + (content.isEmpty() ? "" : "\n\n" + content));
      }
    }
    return chosenAndJustification(text);
  }

  /** {@code Chosen option: "X", because Y} into X and Y; any other text is the justification. */
  static String[] chosenAndJustification(String text) {
    if (text.isEmpty()) {
      return new String[] {null, null};
    }
    if (!text.regionMatches(true, 0, CHOSEN, 0, CHOSEN.length() - 1)) {
      return new String[] {null, text};
    }
    String rest = text.substring(CHOSEN.length() - 1).stripLeading();
    int eol = rest.indexOf('\n');
    String firstLine = eol < 0 ? rest : rest.substring(0, eol);
    String name;
    String after;
    if (rest.startsWith("\"")) {
      int because = firstLine.indexOf("\"" + BECAUSE_WORD);
      int close = because > 0 ? because : firstLine.lastIndexOf('"');
      if (close <= 0) {
        return new String[] {null, text};
      }
      name = rest.substring(1, close);
      after = rest.substring(close + 1);
    } else {
      int because = firstLine.indexOf(BECAUSE_WORD);
      name = because < 0 ? firstLine.replaceAll("[.\\s]+$", "") : firstLine.substring(0, because);
      after = rest.substring(because < 0 ? firstLine.length() : because);
    }
    String justification;
    if (after.startsWith(BECAUSE_WORD)) {
      justification = after.substring(BECAUSE_WORD.length());
    } else if (after.startsWith(",") || after.startsWith(".")) {
      justification = after.substring(1);
    } else {
      justification = after;
    }
    return new String[] {PortableDecision.text(name), PortableDecision.text(justification)};
  }

  /** "Pros and Cons of the Options": one "### Option" each, "* Good/Bad, because" bullets. */
  private static void prosAndCons(MarkdownLines md, int from, int to, Map<String, Option> details,
      List<String> bodyParts) {
    List<Heading> subs = md.headings(from, to, 3).stream()
        .filter(h -> h.level() == 3 && !h.text().isBlank()).toList();
    int end = subs.isEmpty() ? to : subs.get(0).index();
    String lead = md.between(from, end).strip();
    if (!lead.isEmpty()) {
      bodyParts.add(lead);
    }
    for (int i = 0; i < subs.size(); i++) {
      Heading h = subs.get(i);
      int next = i + 1 < subs.size() ? subs.get(i + 1).index() : to;
      List<String> description = new ArrayList<>();
      List<String> pros = new ArrayList<>();
      List<String> cons = new ArrayList<>();
      List<String> last = null;
      for (int l = h.index() + 1; l < next; l++) {
        String line = md.line(l).text();
        Matcher pro = PRO.matcher(line);
        Matcher con = CON.matcher(line);
        if (pro.matches()) {
          pros.add(pro.group(1) == null ? "" : pro.group(1));
          last = pros;
        } else if (con.matches()) {
          cons.add(con.group(1) == null ? "" : con.group(1));
          last = cons;
        } else if (last != null && !line.isBlank() && Character.isWhitespace(line.charAt(0))
            && !LIST_ITEM.matcher(line).matches()) {
          String previous = last.get(last.size() - 1);
          last.set(last.size() - 1, previous.isEmpty() ? line.strip() : previous + " " + line.strip());
        } else {
          description.add(line);
          last = null;
        }
      }
      details.put(h.text(), new Option(h.text(), String.join("\n", description),
          String.join("\n", pros), String.join("\n", cons)));
    }
  }

  /** The items of a Markdown list, markers removed; other non-blank lines are items too. */
  static List<String> listItems(String content) {
    List<String> items = new ArrayList<>();
    for (String line : content.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      Matcher m = LIST_ITEM.matcher(line);
      String item = (m.matches() ? m.group(1) : line).strip();
      if (!item.isEmpty()) {
        items.add(item);
      }
    }
    return items;
  }

  /** A status as files write it; null when it is none of them. */
  record StatusValue(DecisionStatus status, Integer successor, boolean draft) {}

  static StatusValue status(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("superseded")) {
      Matcher m = SUCCESSOR.matcher(text.strip());
      Integer successor = m.matches() ? Integer.valueOf(m.group(1)) : null;
      return new StatusValue(DecisionStatus.SUPERSEDED, successor, false);
    }
    return switch (s) {
      case "proposed" -> new StatusValue(DecisionStatus.PROPOSED, null, false);
      case "draft" -> new StatusValue(DecisionStatus.PROPOSED, null, true);
      case "accepted" -> new StatusValue(DecisionStatus.ACCEPTED, null, false);
      case "rejected" -> new StatusValue(DecisionStatus.REJECTED, null, false);
      case "deprecated" -> new StatusValue(DecisionStatus.DEPRECATED, null, false);
      default -> null;
    };
  }

  static LocalDate date(String file, String text, Integer line, List<FileProblem> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      problems.add(FileProblem.of(file, line,
          "date '" + text.strip() + "' is not a date such as 2026-01-31"));
      return null;
    }
  }

  static Integer numberRef(Object value) {
    if (value instanceof Number n) {
      long l = n.longValue();
      return l < 1 || l > Integer.MAX_VALUE || n.doubleValue() != l ? null : (int) l;
    }
    if (value instanceof String s) {
      Matcher m = NUMBER_REF.matcher(s);
      if (m.matches()) {
        long l = Long.parseLong(m.group(1));
        return l < 1 || l > Integer.MAX_VALUE ? null : (int) l;
      }
    }
    return null;
  }

  private static String stringOrNull(Object value) {
    return value == null ? null : PortableDecision.text(value.toString());
  }

  // ---------------------------------------------------------------- front matter

  /** The YAML front matter, with the line of each top-level key for messages. */
  static final class FrontMatter {

    static final FrontMatter EMPTY = new FrontMatter("", Map.of(), Map.of());

    private static final Set<String> KNOWN = Set.of(STATUS, DATE, DECIDERS, DECISION_MAKERS,
        SUPERSEDED_BY, SUPERSEDES, EVIDENCE, VERBATIM, CONSULTED, INFORMED);

    private final String file;
    private final Map<String, Object> values;
    private final Map<String, Integer> lines;

    private FrontMatter(String file, Map<String, Object> values, Map<String, Integer> lines) {
      this.file = file;
      this.values = values;
      this.lines = lines;
    }

    static FrontMatter load(String file, String yaml, MarkdownLines md, int from, int to,
        List<FileProblem> problems) {
      if (yaml.length() > MAX_FRONT_MATTER) {
        problems.add(FileProblem.of(file, 2, "the front matter is longer than "
            + MAX_FRONT_MATTER + " characters"));
        return null;
      }
      LoadSettings settings = LoadSettings.builder()
          .setAllowDuplicateKeys(false)
          .setMaxAliasesForCollections(20)
          .setAllowRecursiveKeys(false)
          .setCodePointLimit(MAX_FRONT_MATTER)
          .setLabel(file)
          .build();
      Object root;
      try {
        root = new Load(settings).loadFromString(yaml);
      } catch (MarkedYamlEngineException e) {
        int line = e.getProblemMark().map(m -> m.getLine() + 2)
            .orElse(e.getContextMark().map(m -> m.getLine() + 2).orElse(2));
        problems.add(FileProblem.of(file, line, "the front matter is not valid YAML: "
            + firstLine(e.getProblem() == null ? e.getMessage() : e.getProblem())));
        return null;
      } catch (YamlEngineException | IllegalArgumentException e) {
        problems.add(FileProblem.of(file, 2, "the front matter is not valid YAML: "
            + firstLine(e.getMessage())));
        return null;
      }
      if (root == null) {
        return EMPTY;
      }
      if (!(root instanceof Map<?, ?> map)) {
        problems.add(FileProblem.of(file, 2, "the front matter must be a YAML mapping of keys"));
        return null;
      }
      Map<String, Integer> lines = new LinkedHashMap<>();
      for (int i = from; i < to; i++) {
        String t = md.line(i).text();
        int colon = t.indexOf(':');
        if (colon > 0 && !Character.isWhitespace(t.charAt(0))) {
          lines.putIfAbsent(t.substring(0, colon).strip(), md.line(i).number());
        }
      }
      Map<String, Object> values = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey()).toLowerCase(Locale.ROOT);
        values.put(key, entry.getValue());
      }
      return new FrontMatter(file, values, lines);
    }

    List<String> unknownKeys() {
      return values.keySet().stream().filter(k -> !KNOWN.contains(k)).toList();
    }

    Integer line(String key) {
      return lines.get(key);
    }

    String string(String key, List<FileProblem> problems) {
      Object v = values.get(key);
      if (v == null) {
        return null;
      }
      if (v instanceof Map || v instanceof List) {
        problems.add(FileProblem.of(file, line(key), key + " must be a single value"));
        return null;
      }
      return v.toString();
    }

    /** A string, or a list of names joined with ", ". */
    String names(String key, List<FileProblem> problems) {
      Object v = values.get(key);
      if (v instanceof List<?> list) {
        return PortableDecision.text(String.join(", ",
            list.stream().filter(Objects::nonNull).map(Object::toString).toList()));
      }
      String s = string(key, problems);
      return s == null ? null : PortableDecision.text(s);
    }

    Integer number(String key, List<FileProblem> problems) {
      Object v = values.get(key);
      if (v == null) {
        return null;
      }
      Integer n = numberRef(v);
      if (n == null) {
        problems.add(FileProblem.of(file, line(key),
            key + " must name a decision by number (12 or ADR-0012), not '" + v + "'"));
      }
      return n;
    }

    List<Integer> numbers(String key, List<FileProblem> problems) {
      Object v = values.get(key);
      if (v == null) {
        return List.of();
      }
      List<?> list = v instanceof List<?> l ? l : List.of(v);
      List<Integer> numbers = new ArrayList<>();
      for (Object item : list) {
        Integer n = numberRef(item);
        if (n == null) {
          problems.add(FileProblem.of(file, line(key),
              key + " must list decisions by number (12 or ADR-0012), not '" + item + "'"));
        } else {
          numbers.add(n);
        }
      }
      return numbers;
    }

    Map<String, Object> verbatim(List<FileProblem> problems) {
      Object v = values.get(VERBATIM);
      if (v == null) {
        return Map.of();
      }
      if (!(v instanceof Map<?, ?> map)) {
        problems.add(FileProblem.of(file, line(VERBATIM), "verbatim must be a mapping"));
        return Map.of();
      }
      Map<String, Object> result = new LinkedHashMap<>();
      Set<String> allowed = Set.of(VerbatimField.ALL);
      map.forEach((k, value) -> {
        String key = String.valueOf(k);
        if (!allowed.contains(key)) {
          problems.add(FileProblem.of(file, line(VERBATIM), "verbatim." + key
              + " is not a field (" + String.join(", ", VerbatimField.ALL) + ")"));
        } else if (!key.equals(VerbatimField.OPTIONS) && (value instanceof Map
            || value instanceof List)) {
          problems.add(FileProblem.of(file, line(VERBATIM), "verbatim." + key + " must be text"));
        } else {
          result.put(key, value);
        }
      });
      return result;
    }

    List<Option> options(Object value, List<FileProblem> problems) {
      List<Option> options = new ArrayList<>();
      if (value == null) {
        return options;
      }
      if (!(value instanceof List<?> list)) {
        problems.add(FileProblem.of(file, line(VERBATIM), "verbatim.options must be a list"));
        return options;
      }
      for (Object item : list) {
        if (!(item instanceof Map<?, ?> m) || !(m.get("name") instanceof String name)) {
          problems.add(FileProblem.of(file, line(VERBATIM),
              "each of verbatim.options needs a name"));
          continue;
        }
        options.add(new Option(name, stringOrNull(m.get("description")),
            stringOrNull(m.get("pros")), stringOrNull(m.get("cons"))));
      }
      return options;
    }

    /** The frozen evidence, validated value by value. */
    List<EvidenceSnapshot> evidence(List<FileProblem> problems) {
      Object v = values.get(EVIDENCE);
      if (v == null) {
        return List.of();
      }
      Integer line = line(EVIDENCE);
      if (!(v instanceof List<?> groups)) {
        problems.add(FileProblem.of(file, line, "evidence must be a list of citations"));
        return List.of();
      }
      List<EvidenceSnapshot> rows = new ArrayList<>();
      for (int g = 0; g < groups.size(); g++) {
        String at = "evidence[" + g + "]";
        if (!(groups.get(g) instanceof Map<?, ?> group)) {
          problems.add(FileProblem.of(file, line, at + " must be a mapping"));
          continue;
        }
        Fields f = new Fields(file, line, at, group, problems);
        Long experimentId = f.optionalLong("experiment-id");
        String experiment = f.text("experiment", 200);
        String metric = f.text("metric", 120);
        String unit = f.optionalText("unit", 40);
        MetricDirection direction = f.enumValue("direction", MetricDirection.class);
        Instant citedAt = f.instant("cited-at");
        String sha = f.text("data-sha256", 64);
        if (sha != null && !SHA256.matcher(sha).matches()) {
          problems.add(FileProblem.of(file, line, at + ".data-sha256 must be 64 lower-case hex"
              + " digits"));
        }
        Object variants = group.get("variants");
        if (!(variants instanceof List<?> list) || list.isEmpty()) {
          problems.add(FileProblem.of(file, line, at + ".variants must list the cited variants"));
          continue;
        }
        for (int i = 0; i < list.size(); i++) {
          String vat = at + ".variants[" + i + "]";
          if (!(list.get(i) instanceof Map<?, ?> variant)) {
            problems.add(FileProblem.of(file, line, vat + " must be a mapping"));
            continue;
          }
          Fields vf = new Fields(file, line, vat, variant, problems);
          String name = vf.text("variant", 120);
          boolean baseline = vf.bool("baseline");
          Verdict verdict = vf.enumValue("verdict", Verdict.class);
          long runs = vf.count("runs");
          long n = vf.count("n");
          Double ciLower = vf.number("ci-lower");
          Double ciUpper = vf.number("ci-upper");
          if (ciLower != null && ciUpper != null && ciLower > ciUpper) {
            problems.add(FileProblem.of(file, line, vat + ".ci-lower is above ci-upper"));
          }
          Double mean = vf.number("mean");
          Double median = vf.number("median");
          Double p95 = vf.number("p95");
          Double sd = vf.number("sd");
          Double difference = vf.number("difference");
          Double ratio = vf.number("ratio");
          if (experiment != null && metric != null && direction != null && name != null
              && verdict != null && citedAt != null && sha != null) {
            rows.add(new EvidenceSnapshot(experimentId, experiment, metric,
                unit == null ? "" : unit, direction, name, baseline, runs, n, mean, median, p95,
                sd, verdict, difference, ciLower, ciUpper, ratio, sha, citedAt));
          }
        }
      }
      Set<String> seen = new LinkedHashSet<>();
      for (EvidenceSnapshot e : rows) {
        if (!seen.add(e.experiment() + "\u0000" + e.metric() + "\u0000" + e.variant())) {
          problems.add(FileProblem.of(file, line, "evidence cites " + e.experiment() + " / "
              + e.metric() + " / " + e.variant() + " twice"));
        }
      }
      return rows;
    }
  }

  /** Typed access to one YAML mapping, each problem naming its path. */
  private record Fields(String file, Integer line, String at, Map<?, ?> map,
      List<FileProblem> problems) {

    private void problem(String key, String message) {
      problems.add(FileProblem.of(file, line, at + "." + key + " " + message));
    }

    String text(String key, int max) {
      String s = optionalText(key, max);
      if (s == null && map.get(key) == null) {
        problem(key, "is required");
      }
      return s;
    }

    String optionalText(String key, int max) {
      Object v = map.get(key);
      if (v == null) {
        return null;
      }
      if (v instanceof Map || v instanceof List) {
        problem(key, "must be text");
        return null;
      }
      String s = v.toString().strip();
      if (s.length() > max) {
        problem(key, "must be at most " + max + " characters");
        return null;
      }
      return s;
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
      String s = text(key, 40);
      if (s == null) {
        return null;
      }
      try {
        return Enum.valueOf(type, s.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
      } catch (IllegalArgumentException e) {
        problem(key, "'" + s + "' is not one of " + java.util.Arrays.stream(type.getEnumConstants())
            .map(Enum::name).toList());
        return null;
      }
    }

    Instant instant(String key) {
      String s = text(key, 40);
      if (s == null) {
        return null;
      }
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        problem(key, "'" + s + "' is not an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        return null;
      }
    }

    boolean bool(String key) {
      Object v = map.get(key);
      if (v == null) {
        return false;
      }
      if (v instanceof Boolean b) {
        return b;
      }
      problem(key, "must be true or false");
      return false;
    }

    long count(String key) {
      Object v = map.get(key);
      if (v instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() >= 0) {
        return n.longValue();
      }
      problem(key, v == null ? "is required" : "must be a whole number, at least 0");
      return 0;
    }

    Long optionalLong(String key) {
      Object v = map.get(key);
      if (v == null) {
        return null;
      }
      if (v instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() > 0) {
        return n.longValue();
      }
      problem(key, "must be a positive whole number");
      return null;
    }

    Double number(String key) {
      Object v = map.get(key);
      if (v == null) {
        return null;
      }
      if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
        return n.doubleValue();
      }
      problem(key, "must be a finite number");
      return null;
    }
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String line = message.strip().lines().findFirst().orElse("unreadable");
    return line.length() > 200 ? line.substring(0, 200) : line;
  }

  /** Orders files so that lower numbers come first and unnumbered ones last, by name. */
  static final Comparator<String> FILE_ORDER = Comparator
      .comparing((String f) -> numberOfFile(f) == null ? Integer.MAX_VALUE : numberOfFile(f))
      .thenComparing(Comparator.naturalOrder());
}
