package io.decisionledger.application.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.application.decision.MadrFormat.Parsed;
import io.decisionledger.application.decision.PortableDecision.Option;
import io.decisionledger.domain.model.comparison.Verdict;
import io.decisionledger.domain.model.decision.DecisionStatus;
import io.decisionledger.domain.model.experiment.MetricDirection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** MADR files: rendering, reading back losslessly, foreign MADR versions and hostile input. */
class MadrFormatTest {

  private static final String SHA = "a".repeat(64);
  private static final Instant CITED = Instant.parse("2026-11-01T10:15:30.123456Z");

  static EvidenceSnapshot row(String variant, boolean baseline, Verdict verdict, Double mean,
      Double lower, Double upper) {
    return new EvidenceSnapshot(42L, "Path A vs Path B", "boot_time", "s",
        MetricDirection.LOWER_IS_BETTER, variant, baseline, 3, 300, mean, 41.25, 1.0E-5, 0.5,
        verdict, baseline ? null : -3.5, lower, upper, baseline ? null : 0.91, SHA, CITED);
  }

  static PortableDecision full() {
    return new PortableDecision(7, "Use Envoy Gateway for ingress", DecisionStatus.SUPERSEDED,
        LocalDate.parse("2026-10-01"), "platform-team, alice",
        "We need an ingress.\n\nIt must speak the *Gateway API*.", "latency\ncost\nknown by the team",
        List.of(new Option("NGINX", "The incumbent.\n\nSee [docs](https://nginx.org).",
                "known\ncheap", "annotations"),
            new Option("Envoy Gateway", null, "Gateway API", "new"),
            new Option("Traefik", null, null, null)),
        "Envoy Gateway", "it implements the Gateway API.\nAnd it is fast.",
        "* Good, because portable\n* Bad, because new to the team",
        "## Notes\n\n| Metric | Value |\n|---|---|\n| boot | 24 |\n\n```yaml\n## not a heading\n```",
        9, List.of(3, 2),
        List.of(row("Path B", false, Verdict.BETTER, 38.0, -5.0, -2.0),
            row("Path A", true, Verdict.BASELINE, 41.5, null, null)));
  }

  static PortableDecision roundTrip(PortableDecision d) {
    String text = MadrFormat.render(d);
    Parsed parsed = MadrFormat.parse(MadrFormat.fileName(d.number(), d.title()), text);
    assertThat(parsed.problems()).as(text).isEmpty();
    return parsed.decision();
  }

  @Test
  void aDecisionSurvivesRenderingAndReadingBackFieldByField() {
    PortableDecision d = full();
    PortableDecision back = roundTrip(d);
    assertThat(back).isEqualTo(d);
    assertThat(back.evidence()).hasSize(2);
    assertThat(back.evidence().get(0).baseline()).isTrue();
    assertThat(back.evidence().get(1).ciLower()).isEqualTo(-5.0);
    assertThat(back.evidence().get(0).p95()).isEqualTo(1.0E-5);
    assertThat(back.evidence().get(0).citedAt()).isEqualTo(CITED);
    assertThat(back.supersedes()).containsExactly(2, 3);
  }

  @Test
  void theFileFollowsTheMadrLayoutAndNeedsNoVerbatimCopyForOrdinaryText() {
    String text = MadrFormat.render(full());
    assertThat(text).startsWith("---\nstatus: superseded\n");
    assertThat(text).contains("date: 2026-10-01\n").contains("deciders: platform-team, alice\n")
        .contains("superseded-by: 9\n").contains("evidence:\n").contains("verdict: BETTER")
        .doesNotContain("verbatim:");
    assertThat(text).containsSubsequence("# Use Envoy Gateway for ingress\n",
        "## Context and Problem Statement\n", "## Decision Drivers\n\n* latency\n* cost\n",
        "## Considered Options\n\n* NGINX\n* Envoy Gateway\n* Traefik\n",
        "## Decision Outcome\n\nChosen option: \"Envoy Gateway\", because it implements",
        "### Consequences\n", "## Pros and Cons of the Options\n", "### NGINX\n\nThe incumbent.",
        "* Good, because known\n* Good, because cheap\n* Bad, because annotations\n",
        "### Envoy Gateway\n", "## More Information\n\n## Notes");
    assertThat(MadrFormat.fileName(7, "Use Envoy Gateway for ingress"))
        .isEqualTo("0007-use-envoy-gateway-for-ingress.md");
  }

  @Test
  void fileNamesAreSlugsOfTheTitle() {
    assertThat(MadrFormat.fileName(1, "Élan: ça va? / C++ & Go!"))
        .isEqualTo("0001-elan-ca-va-c-go.md");
    assertThat(MadrFormat.fileName(12345, "???")).isEqualTo("12345-decision.md");
    assertThat(MadrFormat.fileName(3, "x".repeat(300))).hasSize(4 + 1 + 60 + 3);
    assertThat(MadrFormat.fileName(null, "No number")).isEqualTo("no-number.md");
    assertThat(MadrFormat.numberOfFile("docs/decisions/0042-x.md")).isEqualTo(42);
    assertThat(MadrFormat.numberOfFile("x.md")).isNull();
  }

  @Test
  void textThatLooksLikeTheStructureIsCarriedVerbatimAndStillRoundTrips() {
    PortableDecision tricky = new PortableDecision(3, "Line\nbreak in title ##",
        DecisionStatus.ACCEPTED, null, null,
        "Before\n\n## Decision Drivers\n\n* not a driver\n\n## Considered Options\n\n* fake",
        "- dash style\n+ plus style", List.of(
            new Option("A \"quoted\" name", "* Good, because this is description\n### Not an"
                + " option", "x", null),
            new Option("C#", null, null, "* nested marker")),
        null, "Chosen option: \"A\", because this is only text\n\n### Consequences\n\nfake",
        null, "---\nstatus: rejected\n---\n# Not a title\n## Context and Problem Statement\nx",
        null, List.of(), List.of());
    String text = MadrFormat.render(tricky);
    assertThat(text).contains("verbatim:");
    assertThat(roundTrip(tricky)).isEqualTo(tricky);
  }

  @Test
  void manyRandomDecisionsBuiltFromAwkwardFragmentsRoundTrip() {
    String[] fragments = {"plain", "## Decision Outcome", "### Consequences", "* Good, because x",
        "* Bad, because y", "```", "~~~", "## More Information", "# Title", "---", "Chosen option:"
        + " \"A\"", "\"", ", because ", "   indented", "\t tab", "| a | b |", "<script>x</script>",
        "![i](javascript:alert(1))", "ünïcödé ✓", "\\## escaped", "1. numbered", "- dash",
        "status: rejected", "[link](0002-x.md)", "## Status", "Superseded by [2. X](0002-x.md)",
        "  ", "#", "##", "### "};
    Random random = new Random(20261122L);
    for (int i = 0; i < 400; i++) {
      PortableDecision d = new PortableDecision(1 + random.nextInt(9999),
          "T " + pick(random, fragments, 2).replace('\n', ' '),
          DecisionStatus.values()[random.nextInt(4)], random.nextBoolean() ? null
              : LocalDate.of(2020 + random.nextInt(8), 1 + random.nextInt(12), 1),
          random.nextBoolean() ? null : pick(random, fragments, 1).replace('\n', ' '),
          maybe(random, fragments), maybe(random, fragments), options(random, fragments),
          null, maybe(random, fragments), maybe(random, fragments), maybe(random, fragments),
          null, List.of(), List.of());
      if (!d.options().isEmpty() && random.nextBoolean()) {
        d = new PortableDecision(d.number(), d.title(), d.status(), d.date(), d.deciders(),
            d.context(), d.drivers(), d.options(), d.options().get(0).name(),
            d.justification(), d.consequences(), d.body(), null, List.of(), List.of());
      }
      if (d.title() == null) {
        continue;
      }
      PortableDecision original = d;
      int iteration = i;
      assertThat(roundTrip(d))
          .as(() -> "iteration " + iteration + ":\n" + MadrFormat.render(original))
          .isEqualTo(d);
    }
  }

  private static String pick(Random random, String[] fragments, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(fragments[random.nextInt(fragments.length)]).append(random.nextBoolean() ? "\n" : " ");
    }
    return b.toString();
  }

  private static String maybe(Random random, String[] fragments) {
    return random.nextInt(4) == 0 ? null : pick(random, fragments, 1 + random.nextInt(6));
  }

  private static List<Option> options(Random random, String[] fragments) {
    List<Option> options = new ArrayList<>();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      options.add(new Option("Option " + i + " " + fragments[random.nextInt(fragments.length)]
          .replace('\n', ' '), maybe(random, fragments), maybe(random, fragments),
          maybe(random, fragments)));
    }
    return options;
  }

  @Test
  void aMadr4FileWrittenByHandIsRead() {
    String text = """
        ---
        status: accepted
        date: 2025-03-04
        decision-makers: [alice, bob]
        consulted: carol
        informed: everyone
        ---
        # Use Markdown Architectural Decision Records

        ## Context and Problem Statement

        We want to record architectural decisions made in this project.
        Which format and structure should these records follow?

        ## Considered Options

        * MADR 4.0.0
        * Michael Nygard's template
        * Formless

        ## Decision Outcome

        Chosen option: "MADR 4.0.0", because
        * Implicit assumptions should be made explicit.
        * The MADR structure is comprehensible.

        ### Consequences

        * Good, because decisions are findable

        ### Confirmation

        Reviewed in the architecture board.

        ## Pros and Cons of the Options

        ### MADR 4.0.0

        The Markdown Architectural Decision Records

        * Good, because lean
        * Neutral, because it is yet another template
        * Bad, because
          it is new

        ### Formless

        * Bad, because no structure

        ## More Information

        See https://adr.github.io/madr/.
        """;
    Parsed parsed = MadrFormat.parse("0001-use-markdown-architectural-decision-records.md", text);
    assertThat(parsed.problems()).isEmpty();
    PortableDecision d = parsed.decision();
    assertThat(d.number()).isEqualTo(1);
    assertThat(d.status()).isEqualTo(DecisionStatus.ACCEPTED);
    assertThat(d.date()).isEqualTo(LocalDate.of(2025, 3, 4));
    assertThat(d.deciders()).isEqualTo("alice, bob");
    assertThat(d.context()).startsWith("We want to record").endsWith("follow?");
    assertThat(d.options()).extracting(Option::name)
        .containsExactly("MADR 4.0.0", "Michael Nygard's template", "Formless");
    assertThat(d.options().get(0).description()).isEqualTo(
        "The Markdown Architectural Decision Records\n\n* Neutral, because it is yet another"
            + " template");
    assertThat(d.options().get(0).pros()).isEqualTo("lean");
    assertThat(d.options().get(0).cons()).isEqualTo("it is new");
    assertThat(d.options().get(2).cons()).isEqualTo("no structure");
    assertThat(d.chosenOption()).isEqualTo("MADR 4.0.0");
    assertThat(d.justification()).startsWith("* Implicit assumptions");
    assertThat(d.consequences()).isEqualTo("* Good, because decisions are findable");
    assertThat(d.body()).contains("### Confirmation\n\nReviewed in the architecture board.")
        .contains("See https://adr.github.io/madr/.").contains("Consulted: carol")
        .contains("Informed: everyone");
  }

  @Test
  void madr3AndMadr2FilesAreRead() {
    String madr3 = """
        ---
        status: rejected
        deciders: team
        date: 2022-01-02
        ---
        # Use a monorepo

        ## Context and Problem Statement

        Where does the code live?

        ## Decision Drivers

        * speed
        * isolation

        ## Decision Outcome

        Chosen option: "Polyrepo", because isolation wins.

        ### Positive Consequences

        * independent releases

        ### Negative Consequences

        * more repositories

        ## Links

        * [ADR-0001](0001-x.md)
        """;
    PortableDecision d3 = MadrFormat.parse("0005-use-a-monorepo.md", madr3).decision();
    assertThat(d3.status()).isEqualTo(DecisionStatus.REJECTED);
    assertThat(d3.drivers()).isEqualTo("speed\nisolation");
    assertThat(d3.chosenOption()).isEqualTo("Polyrepo");
    assertThat(d3.justification()).isEqualTo("isolation wins.");
    assertThat(d3.consequences()).isEqualTo("**Positive Consequences**\n\n* independent"
        + " releases\n\n**Negative Consequences**\n\n* more repositories");
    assertThat(d3.body()).isEqualTo("## Links\n\n* [ADR-0001](0001-x.md)");

    String madr2 = """
        # Use PostgreSQL

        * Status: superseded by [ADR-0009](0009-use-x.md)
        * Deciders: db-team
        * Date: 2019-05-06

        Technical Story: #123

        ## Context and Problem Statement

        We need a database.
        """;
    Parsed p2 = MadrFormat.parse("0004-use-postgresql.md", madr2);
    assertThat(p2.problems()).isEmpty();
    assertThat(p2.decision().status()).isEqualTo(DecisionStatus.SUPERSEDED);
    assertThat(p2.decision().supersededBy()).isEqualTo(9);
    assertThat(p2.decision().deciders()).isEqualTo("db-team");
    assertThat(p2.decision().date()).isEqualTo(LocalDate.of(2019, 5, 6));
    assertThat(p2.decision().body()).isEqualTo("Technical Story: #123");
  }

  @Test
  void adrToolsFilesAreRead() {
    String first = """
        # 1. Record architecture decisions

        Date: 2026-01-31

        ## Status

        Superseded by [3. Use MADR](0003-use-madr.md)

        ## Context

        We need to record the architectural decisions made on this project.

        ## Decision

        We will use Architecture Decision Records, as described by Michael Nygard.

        ## Consequences

        See Michael Nygard's article, linked above.
        """;
    Parsed p1 = MadrFormat.parse("doc/adr/0001-record-architecture-decisions.md", first);
    assertThat(p1.problems()).isEmpty();
    PortableDecision d1 = p1.decision();
    assertThat(d1.number()).isEqualTo(1);
    assertThat(d1.title()).isEqualTo("Record architecture decisions");
    assertThat(d1.date()).isEqualTo(LocalDate.of(2026, 1, 31));
    assertThat(d1.status()).isEqualTo(DecisionStatus.SUPERSEDED);
    assertThat(d1.supersededBy()).isEqualTo(3);
    assertThat(d1.context()).startsWith("We need to record");
    assertThat(d1.justification()).startsWith("We will use Architecture Decision Records");
    assertThat(d1.consequences()).isEqualTo("See Michael Nygard's article, linked above.");
    assertThat(d1.options()).isEmpty();

    String third = """
        # 3. Use MADR

        Date: 2026-02-01

        ## Status

        Accepted

        Supersedes [1. Record architecture decisions](0001-record-architecture-decisions.md)

        Amends [2. Keep decisions in git](0002-keep-decisions-in-git.md)

        ## Context

        MADR has more structure.

        ## Decision

        Use MADR.

        ## Consequences

        Templates change.

        ## Notes

        Extra section.
        """;
    PortableDecision d3 = MadrFormat.parse("0003-use-madr.md", third).decision();
    assertThat(d3.status()).isEqualTo(DecisionStatus.ACCEPTED);
    assertThat(d3.supersedes()).containsExactly(1);
    assertThat(d3.body()).contains("Amends [2. Keep decisions in git]").contains("## Notes\n\nExtra"
        + " section.");
  }

  @Test
  void adrToolsProblemsNameTheLine() {
    Parsed wrongNumber = MadrFormat.parse("0002-x.md", "# 3. X\n\n## Status\n\nAccepted\n");
    assertThat(wrongNumber.problems()).singleElement()
        .satisfies(p -> assertThat(p.line()).isEqualTo(1))
        .satisfies(p -> assertThat(p.message()).contains("file name says 2"));
    Parsed badStatus = MadrFormat.parse("0002-x.md", "# 2. X\n\n## Status\n\nMaybe later\n");
    assertThat(badStatus.problems()).singleElement()
        .satisfies(p -> assertThat(p.line()).isEqualTo(5))
        .satisfies(p -> assertThat(p.message()).contains("Maybe later"));
    Parsed noSuccessor = MadrFormat.parse("0002-x.md", "# 2. X\n\n## Status\n\nSuperseded\n");
    assertThat(noSuccessor.problems()).extracting(FileProblem::message)
        .anyMatch(m -> m.contains("needs the successor"));
  }

  @Test
  void problemsOfMadrFilesNameTheFileAndLine() {
    assertThat(MadrFormat.parse("a.md", "---\nstatus: accepted\n# T\n").problems())
        .singleElement().satisfies(p -> {
          assertThat(p.file()).isEqualTo("a.md");
          assertThat(p.line()).isEqualTo(1);
          assertThat(p.message()).contains("never closed");
        });
    assertThat(MadrFormat.parse("a.md", "---\nstatus: accepted\ndate: [unclosed\n---\n# T\n")
        .problems()).singleElement().satisfies(p -> {
          assertThat(p.line()).isBetween(3, 5);
          assertThat(p.message()).contains("not valid YAML");
        });
    assertThat(MadrFormat.parse("a.md", "---\nstatus: maybe\n---\n# T\n").problems())
        .singleElement().satisfies(p -> {
          assertThat(p.line()).isEqualTo(2);
          assertThat(p.message()).contains("'maybe'");
        });
    assertThat(MadrFormat.parse("a.md", "---\nstatus: accepted\ndate: 31.01.2026\n---\n# T\n")
        .problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(3));
    assertThat(MadrFormat.parse("a.md", "---\nstatus: superseded\n---\n# T\n").problems())
        .extracting(FileProblem::message).anyMatch(m -> m.contains("needs the number"));
    assertThat(MadrFormat.parse("a.md", "---\nstatus: accepted\nsuperseded-by: 3\n---\n# T\n")
        .problems()).extracting(FileProblem::message).anyMatch(m -> m.contains("only a"
            + " superseded decision"));
    assertThat(MadrFormat.parse("a.md", "Just text\n\n## Context\n\nx\n").problems())
        .singleElement().satisfies(p -> assertThat(p.message()).contains("no title"));
    assertThat(MadrFormat.parse("a.md", "---\nstatus: accepted\nstatus: rejected\n---\n# T\n")
        .problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("YAML"));
    assertThat(MadrFormat.parse("a.md", "---\n- a list\n---\n# T\n").problems())
        .singleElement().satisfies(p -> assertThat(p.message()).contains("mapping"));
    Parsed twice = MadrFormat.parse("a.md", "# T\n\n## Context\n\na\n\n## Context\n\nb\n");
    assertThat(twice.problems()).isEmpty();
    assertThat(twice.decision().context()).isEqualTo("a");
    assertThat(twice.decision().body()).isEqualTo("## Context\n\nb");
    assertThat(twice.notes()).singleElement().satisfies(n -> assertThat(n).contains("line 7"));
  }

  @Test
  void invalidEvidenceIsNamedValueByValue() {
    String text = """
        ---
        status: accepted
        evidence:
          - experiment: E
            metric: m
            direction: SIDEWAYS
            cited-at: yesterday
            data-sha256: XYZ
            variants:
              - variant: v
                verdict: GREAT
                runs: -1
                n: 1.5
                mean: .nan
                ci-lower: 2
                ci-upper: 1
        ---
        # T
        """;
    List<String> messages = MadrFormat.parse("e.md", text).problems().stream()
        .map(FileProblem::message).toList();
    assertThat(messages).anyMatch(m -> m.contains("evidence[0].direction 'SIDEWAYS'"))
        .anyMatch(m -> m.contains("evidence[0].cited-at"))
        .anyMatch(m -> m.contains("evidence[0].data-sha256"))
        .anyMatch(m -> m.contains("evidence[0].variants[0].verdict"))
        .anyMatch(m -> m.contains("evidence[0].variants[0].runs"))
        .anyMatch(m -> m.contains("evidence[0].variants[0].n"))
        .anyMatch(m -> m.contains("evidence[0].variants[0].mean must be a finite number"))
        .anyMatch(m -> m.contains("ci-lower is above ci-upper"));
    assertThat(MadrFormat.parse("e.md", text).problems()).allMatch(p -> p.line() == 3);
  }

  @Test
  void yamlAliasBombsAndCustomTagsAreRefused() {
    StringBuilder bomb = new StringBuilder("---\na: &a [x,x,x,x,x,x,x,x,x,x]\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'k'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 10; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(previous);
      }
      bomb.append("]\n");
      previous = c;
    }
    bomb.append("---\n# T\n");
    Parsed parsed = MadrFormat.parse("bomb.md", bomb.toString());
    assertThat(parsed.valid()).isFalse();
    assertThat(parsed.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("YAML"));

    Parsed tagged = MadrFormat.parse("tag.md",
        "---\nstatus: !!java.lang.ProcessBuilder [\"id\"]\n---\n# T\n");
    assertThat(tagged.valid()).isFalse();
  }

  @Test
  void unknownFrontMatterKeysAreNotedNotSilentlyDropped() {
    Parsed parsed = MadrFormat.parse("x.md", "---\nstatus: draft\ntags: [a]\n---\n# T\n");
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.decision().status()).isEqualTo(DecisionStatus.PROPOSED);
    assertThat(parsed.notes()).anyMatch(n -> n.contains("'tags'"))
        .anyMatch(n -> n.contains("draft"));
  }

  @Test
  void aByteOrderMarkAndWindowsLineEndingsAreRead() {
    String text = "\uFEFF---\r\nstatus: accepted\r\n---\r\n# T\r\n\r\n## Context and Problem"
        + " Statement\r\n\r\nline one\r\nline two\r\n";
    Parsed parsed = MadrFormat.parse("0001-t.md", text);
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.decision().context()).isEqualTo("line one\r\nline two");
  }

  @Test
  void chosenOptionLinesInTheirUsualSpellings() {
    assertThat(MadrFormat.chosenAndJustification("Chosen option: \"A\", because b"))
        .containsExactly("A", "b");
    assertThat(MadrFormat.chosenAndJustification("Chosen option: \"A\""))
        .containsExactly("A", null);
    assertThat(MadrFormat.chosenAndJustification("Chosen option: A, because b."))
        .containsExactly("A", "b.");
    assertThat(MadrFormat.chosenAndJustification("Chosen option: A."))
        .containsExactly("A", null);
    assertThat(MadrFormat.chosenAndJustification("We do A.")).containsExactly(null, "We do A.");
  }
}
