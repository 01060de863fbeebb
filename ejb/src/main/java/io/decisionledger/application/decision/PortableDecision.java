package io.decisionledger.application.decision;

import io.decisionledger.domain.model.decision.ConsideredOption;
import io.decisionledger.domain.model.decision.Decision;
import io.decisionledger.domain.model.decision.DecisionStatus;
import io.decisionledger.domain.model.decision.Evidence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A decision as a Markdown file carries it: everything it says, its place among the others
 * (number, supersession by number) and its frozen evidence, without the ledger's bookkeeping (id,
 * version, created and updated times), which belongs to the copy in one ledger.
 *
 * <p>Canonical form: text fields are stripped and blank is {@code null}; the list-like fields
 * (drivers, pros, cons) hold their points one a line without list markers or blank lines, as the
 * domain reads them ({@link Decision#driverList()}). Two decisions that say the same are equal.
 *
 * @param number the ADR number; null when a file does not say it (the next free one is taken)
 * @param supersededBy the number of the decision that replaced this one (status SUPERSEDED)
 * @param supersedes the numbers of the decisions this one replaced, lowest first (the other
 *     direction of the same links: informational on import, checked for consistency)
 */
public record PortableDecision(
    Integer number,
    String title,
    DecisionStatus status,
    LocalDate date,
    String deciders,
    String context,
    String drivers,
    List<Option> options,
    String chosenOption,
    String justification,
    String consequences,
    String body,
    Integer supersededBy,
    List<Integer> supersedes,
    List<EvidenceSnapshot> evidence) {

  /** A considered option; pros and cons one point a line. */
  public record Option(String name, String description, String pros, String cons) {
    public Option {
      name = text(name);
      description = text(description);
      pros = points(pros);
      cons = points(cons);
    }
  }

  public PortableDecision {
    title = text(title);
    status = status == null ? DecisionStatus.PROPOSED : status;
    deciders = text(deciders);
    context = text(context);
    drivers = points(drivers);
    options = options == null ? List.of() : List.copyOf(options);
    chosenOption = text(chosenOption);
    justification = text(justification);
    consequences = text(consequences);
    body = text(body);
    supersedes = supersedes == null ? List.of() : supersedes.stream().sorted().distinct().toList();
    evidence = evidence == null ? List.of() : evidence.stream().sorted(EVIDENCE_ORDER).toList();
  }

  /** Citation by citation (time, experiment, metric), the baseline first within each. */
  static final java.util.Comparator<EvidenceSnapshot> EVIDENCE_ORDER = java.util.Comparator
      .comparing(EvidenceSnapshot::citedAt, java.util.Comparator.nullsFirst(
          java.util.Comparator.naturalOrder()))
      .thenComparing(EvidenceSnapshot::experiment, java.util.Comparator.nullsFirst(
          java.util.Comparator.naturalOrder()))
      .thenComparing(EvidenceSnapshot::experimentId, java.util.Comparator.nullsFirst(
          java.util.Comparator.naturalOrder()))
      .thenComparing(EvidenceSnapshot::metric, java.util.Comparator.nullsFirst(
          java.util.Comparator.naturalOrder()))
      .thenComparing(EvidenceSnapshot::unit, java.util.Comparator.nullsFirst(
          java.util.Comparator.naturalOrder()))
      .thenComparing(EvidenceSnapshot::direction, java.util.Comparator.nullsFirst(
          java.util.Comparator.naturalOrder()))
      .thenComparing(EvidenceSnapshot::dataSha256, java.util.Comparator.nullsFirst(
          java.util.Comparator.naturalOrder()))
      .thenComparing(EvidenceSnapshot::baseline, java.util.Comparator.reverseOrder())
      .thenComparing(EvidenceSnapshot::variant, java.util.Comparator.nullsFirst(
          java.util.Comparator.naturalOrder()));

  /** The decision as it stands in the ledger, with the numbers it supersedes and its evidence. */
  public static PortableDecision of(Decision d, List<Integer> supersedes, List<Evidence> evidence) {
    List<Option> options = new ArrayList<>();
    for (ConsideredOption o : d.getOptions()) {
      options.add(new Option(o.getName(), o.getDescription(), o.getPros(), o.getCons()));
    }
    return new PortableDecision(d.getNumber(), d.getTitle(), d.getStatus(), d.getDate(),
        d.getDeciders(), d.getContext(), d.getDrivers(), options, d.getChosenOption(),
        d.getJustification(), d.getConsequences(), d.getBody(),
        d.getSupersededBy() == null ? null : d.getSupersededBy().getNumber(), supersedes,
        evidence.stream().map(EvidenceSnapshot::of).toList());
  }

  /** The same decision under another number (renumbering on import). */
  public PortableDecision renumbered(Integer newNumber, Integer newSupersededBy,
      List<Integer> newSupersedes) {
    return new PortableDecision(newNumber, title, status, date, deciders, context, drivers,
        options, chosenOption, justification, consequences, body, newSupersededBy, newSupersedes,
        evidence);
  }

  /** {@code ADR-0007}, or the title when the file names no number. */
  public String label() {
    return number == null ? "'" + title + "'"
        : String.format(java.util.Locale.ROOT, "ADR-%04d", number);
  }

  static String text(String value) {
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  /** One point a line: list markers ({@code -}, {@code *}, {@code +}) and blank lines dropped. */
  static String points(String value) {
    if (value == null) {
      return null;
    }
    List<String> points = Arrays.stream(value.split("\\R"))
        .map(line -> line.strip().replaceFirst("^(?:[-*+]\\s+)+", "").strip())
        .filter(line -> !line.isEmpty())
        .toList();
    return points.isEmpty() ? null : String.join("\n", points);
  }

  /** The points of a list-like field, for rendering. */
  static List<String> pointList(String value) {
    return value == null ? List.of() : List.of(value.split("\n"));
  }

  boolean sameContentAs(PortableDecision other) {
    return Objects.equals(this, other);
  }
}
