package io.decisionledger.application.decision;

import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.decisionledger.application.DomainException;
import io.decisionledger.application.FieldError;
import io.decisionledger.application.decision.DecisionArchive.Contents;
import io.decisionledger.application.decision.DecisionArchive.TextFile;
import io.decisionledger.application.decision.ImportReport.Imported;
import io.decisionledger.application.decision.MadrFormat.Parsed;
import io.decisionledger.domain.model.decision.Decision;
import io.decisionledger.domain.model.decision.DecisionStatus;
import io.decisionledger.domain.model.decision.Evidence;
import io.decisionledger.domain.model.decision.SupersessionRefused;
import io.decisionledger.domain.model.experiment.Experiment;
import io.decisionledger.domain.model.experiment.Metric;
import io.decisionledger.domain.model.experiment.Variant;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Imports decision files (MADR or adr-tools; one {@code .md} or a zip of them) in one transaction,
 * all or nothing: every file is read and checked first (format, field rules, numbers, links), and
 * any problem refuses the whole upload with the problems of every file (docs/architecture.md D15).
 *
 * <p>Numbers: {@link Numbering#KEEP} (the default) keeps the files' numbers and refuses the
 * upload when one is already taken (a conflict, 409); {@link Numbering#RENUMBER} gives the files
 * the next free numbers in their order and rewrites their links, which must then stay inside the
 * upload. Evidence is restored as frozen, never recomputed; it is linked to this ledger's
 * experiment, metric and variant of the same names when they exist, and otherwise kept unlinked
 * (it then shows as drifted: data gone).
 */
@RolesAllowed(Roles.EDITOR)
@Stateless
public class MadrImport {

  /** How the numbers of imported files relate to the ledger's. */
  public enum Numbering {
    /** The files' numbers; a number already taken refuses the import. */
    KEEP,
    /** The next free numbers, in the files' order; links inside the upload follow. */
    RENUMBER
  }

  @PersistenceContext EntityManager em;

  @Inject Validator validator;

  /** Reads an upload (a zip, or one Markdown file called {@code name}) and imports it. */
  public ImportReport importUpload(byte[] upload, String name, Numbering numbering) {
    return importContents(DecisionArchive.read(upload, name, DecisionArchive.Limits.DEFAULT),
        name, numbering == null ? Numbering.KEEP : numbering);
  }

  /** One file that read well, on its way in. */
  private static final class Incoming {
    final String file;
    final PortableDecision decision;
    DecisionDraft draft;
    int number;
    Decision entity;

    Incoming(String file, PortableDecision decision) {
      this.file = file;
      this.decision = decision;
    }
  }

  ImportReport importContents(Contents contents, String uploadName, Numbering numbering) {
    List<FileProblem> problems = new ArrayList<>(contents.problems());
    if (contents.fatal()) {
      throw new DecisionImportRefused(problems);
    }
    if (contents.files().isEmpty() && problems.isEmpty()) {
      throw new DecisionImportRefused(List.of(FileProblem.of(
          DecisionArchive.displayName(uploadName == null ? "upload" : uploadName), null,
          "no decision files (.md) in the upload")));
    }
    List<String> notes = new ArrayList<>();
    List<Incoming> incoming = new ArrayList<>();
    List<TextFile> files = new ArrayList<>(contents.files());
    files.sort(Comparator.comparing(TextFile::name, MadrFormat.FILE_ORDER));
    for (TextFile file : files) {
      String shown = DecisionArchive.displayName(file.name());
      Parsed parsed = MadrFormat.parse(shown, file.text());
      problems.addAll(parsed.problems());
      notes.addAll(parsed.notes());
      if (parsed.valid()) {
        Incoming in = new Incoming(shown, parsed.decision());
        in.draft = draft(parsed.decision());
        problems.addAll(validate(in));
        incoming.add(in);
      }
    }

    em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1)) l")
        .setParameter(1, DecisionService.NUMBER_LOCK).getSingleResult();
    em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1)) l")
        .setParameter(1, DecisionService.SUPERSEDE_LOCK).getSingleResult();

    Map<Integer, Incoming> byFileNumber = numbersInUpload(incoming, problems);
    int highest = em.createQuery("select coalesce(max(d.number), 0) from Decision d",
        Integer.class).getSingleResult();
    if (numbering == Numbering.KEEP) {
      keepNumbers(incoming, byFileNumber, highest, problems);
    } else {
      int next = highest;
      for (Incoming in : incoming) {
        in.number = ++next;
      }
    }
    List<Link> links = links(incoming, byFileNumber, numbering, problems);
    if (!problems.isEmpty()) {
      throw new DecisionImportRefused(problems);
    }

    // Everything checked: write. What the database still refuses rolls everything back.
    Instant now = Instant.now();
    incoming.sort(Comparator.comparingInt(in -> in.number));
    for (Incoming in : incoming) {
      DecisionDraft draft = in.draft;
      draft.setNumber(in.number);
      Decision decision = new Decision(in.number, draft.getTitle(), now);
      try {
        DecisionService.apply(decision, draft, now);
      } catch (IllegalArgumentException e) {
        problems.add(FileProblem.of(in.file, null, e.getMessage()));
        continue;
      }
      em.persist(decision);
      in.entity = decision;
    }
    if (!problems.isEmpty()) {
      throw new DecisionImportRefused(problems);
    }
    for (Link link : links) {
      Decision older = link.older().entity != null ? link.older().entity : link.existingOlder();
      Decision successor = link.successor().entity != null ? link.successor().entity
          : link.existingSuccessor();
      try {
        older.supersedeBy(successor, now);
        if (link.older().entity == null) {
          notes.add(older.label() + ", already in the ledger, is now superseded by "
              + successor.label() + " (" + link.successor().file + ")");
        }
      } catch (SupersessionRefused e) {
        problems.add(FileProblem.of(link.file(), null, e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new DecisionImportRefused(problems);
    }
    restoreEvidence(incoming, notes, problems);
    if (!problems.isEmpty()) {
      throw new DecisionImportRefused(problems);
    }
    em.flush();
    List<Imported> imported = incoming.stream()
        .map(in -> new Imported(in.file, in.decision.number(), in.number, in.entity.getId(),
            in.entity.getTitle()))
        .toList();
    return new ImportReport(imported, contents.skipped(), notes);
  }

  private static DecisionDraft draft(PortableDecision d) {
    DecisionDraft draft = new DecisionDraft(d.title());
    draft.setStatus(d.status() == DecisionStatus.SUPERSEDED ? null : d.status());
    draft.setDate(d.date());
    draft.setDeciders(d.deciders());
    draft.setContext(d.context());
    draft.setDrivers(d.drivers());
    draft.setOptions(new ArrayList<>(d.options().stream()
        .map(o -> new OptionDraft(o.name(), o.description(), o.pros(), o.cons())).toList()));
    draft.setChosenOption(d.chosenOption());
    draft.setJustification(d.justification());
    draft.setConsequences(d.consequences());
    draft.setBody(d.body());
    return draft;
  }

  /** Bean Validation and the decision rules, each problem naming the field. */
  private List<FileProblem> validate(Incoming in) {
    List<FileProblem> problems = new ArrayList<>();
    Set<ConstraintViolation<DecisionDraft>> violations = validator.validate(in.draft);
    violations.stream()
        .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .forEach(v -> problems.add(FileProblem.of(in.file, null,
            field(v.getPropertyPath().toString()) + ": " + v.getMessage())));
    try {
      DecisionService.check(in.draft, null);
    } catch (DomainException e) {
      for (FieldError error : e.errors()) {
        problems.add(FileProblem.of(in.file, null, field(error.field()) + ": "
            + error.message()));
      }
    }
    if (in.decision.number() != null && in.decision.number() > 999_999) {
      problems.add(FileProblem.of(in.file, null, "number " + in.decision.number()
          + " is above 999999"));
    }
    return problems;
  }

  private static String field(String property) {
    return property;
  }

  private static Map<Integer, Incoming> numbersInUpload(List<Incoming> incoming,
      List<FileProblem> problems) {
    Map<Integer, Incoming> byNumber = new LinkedHashMap<>();
    for (Incoming in : incoming) {
      Integer n = in.decision.number();
      if (n == null) {
        continue;
      }
      Incoming other = byNumber.putIfAbsent(n, in);
      if (other != null) {
        problems.add(FileProblem.of(in.file, null, "number " + n + " is also the number of "
            + other.file));
      }
    }
    return byNumber;
  }

  private void keepNumbers(List<Incoming> incoming, Map<Integer, Incoming> byFileNumber,
      int highest, List<FileProblem> problems) {
    if (!byFileNumber.isEmpty()) {
      for (Object[] row : em.createQuery("select d.number, d.title from Decision d"
              + " where d.number in :numbers", Object[].class)
          .setParameter("numbers", byFileNumber.keySet())
          .getResultList()) {
        int number = (Integer) row[0];
        Incoming in = byFileNumber.get(number);
        problems.add(new FileProblem(in.file, null, String.format(Locale.ROOT,
            "ADR-%04d is already in the ledger ('%s'): delete it first, or import with"
                + " numbering=renumber", number, row[1]), true));
      }
    }
    int next = Math.max(highest, byFileNumber.keySet().stream().mapToInt(i -> i).max().orElse(0));
    for (Incoming in : incoming) {
      in.number = in.decision.number() != null ? in.decision.number() : ++next;
    }
  }

  /**
   * One supersession to make: {@code older} is superseded by {@code successor}; each end is a file
   * of the upload or (keeping numbers) a decision already in the ledger.
   */
  private record Link(Incoming older, Decision existingOlder, Incoming successor,
      Decision existingSuccessor, String file) {}

  private List<Link> links(List<Incoming> incoming, Map<Integer, Incoming> byFileNumber,
      Numbering numbering, List<FileProblem> problems) {
    List<Link> links = new ArrayList<>();
    Set<String> made = new LinkedHashSet<>();
    for (Incoming in : incoming) {
      Integer successorNumber = in.decision.supersededBy();
      if (successorNumber == null) {
        continue;
      }
      Incoming successor = byFileNumber.get(successorNumber);
      if (successor != null) {
        if (successor == in) {
          problems.add(FileProblem.of(in.file, null, "a decision cannot supersede itself"));
          continue;
        }
        links.add(new Link(in, null, successor, null, in.file));
        made.add(in.file + "->" + successor.file);
        continue;
      }
      Decision existing = numbering == Numbering.KEEP ? existing(successorNumber) : null;
      if (existing == null) {
        problems.add(FileProblem.of(in.file, null, "superseded-by " + successorNumber
            + (numbering == Numbering.KEEP ? ": no such decision in the upload or the ledger"
                : ": not in the upload (when renumbering, links must stay inside the upload)")));
      } else {
        links.add(new Link(in, null, null, existing, in.file));
      }
    }
    for (Incoming in : incoming) {
      for (Integer olderNumber : in.decision.supersedes()) {
        Incoming older = byFileNumber.get(olderNumber);
        if (older != null) {
          if (!made.contains(older.file + "->" + in.file)) {
            problems.add(FileProblem.of(in.file, null, "supersedes " + olderNumber + ", but "
                + older.file + " does not name it as superseded-by"));
          }
          continue;
        }
        Decision existing = numbering == Numbering.KEEP ? existing(olderNumber) : null;
        if (existing == null) {
          problems.add(FileProblem.of(in.file, null, "supersedes " + olderNumber
              + (numbering == Numbering.KEEP ? ": no such decision in the upload or the ledger"
                  : ": not in the upload (when renumbering, links must stay inside the upload)")));
        } else if (existing.getSupersededBy() != null) {
          problems.add(FileProblem.of(in.file, null, "supersedes " + existing.label()
              + ", which is already superseded by " + existing.getSupersededBy().label()));
        } else {
          links.add(new Link(null, existing, in, null, in.file));
        }
      }
    }
    return links;
  }

  private Decision existing(int number) {
    return em.createQuery("select d from Decision d left join fetch d.supersededBy"
            + " where d.number = :n", Decision.class)
        .setParameter("n", number)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  /** The frozen rows as they were, linked to this ledger's experiment when it is the same. */
  private void restoreEvidence(List<Incoming> incoming, List<String> notes,
      List<FileProblem> problems) {
    Map<String, Experiment> experiments = new HashMap<>();
    Set<String> unlinked = new LinkedHashSet<>();
    for (Incoming in : incoming) {
      for (EvidenceSnapshot s : in.decision.evidence()) {
        String key = s.experimentId() + "\u0000" + s.experiment();
        Experiment experiment = experiments.computeIfAbsent(key,
            k -> findExperiment(s.experimentId(), s.experiment()));
        Long metricId = null;
        Long variantId = null;
        if (experiment != null) {
          metricId = em.createQuery("select m from Metric m where m.experiment.id = :e"
                  + " and m.name = :n", Metric.class)
              .setParameter("e", experiment.getId()).setParameter("n", s.metric())
              .getResultStream().findFirst().map(Metric::getId).orElse(null);
          variantId = em.createQuery("select v from Variant v where v.experiment.id = :e"
                  + " and v.name = :n", Variant.class)
              .setParameter("e", experiment.getId()).setParameter("n", s.variant())
              .getResultStream().findFirst().map(Variant::getId).orElse(null);
        }
        if (experiment == null || metricId == null || variantId == null) {
          unlinked.add(in.entity.label() + " cites '" + s.experiment() + "' / " + s.metric()
              + (experiment == null ? " (no single experiment of that title here)"
                  : metricId == null ? " (no such metric here)" : " / " + s.variant()
                      + " (no such variant here)"));
        }
        try {
          em.persist(Evidence.restored(in.entity,
              experiment == null ? null : experiment.getId(), s.experiment(), metricId,
              s.metric(), s.unit(), s.direction(), variantId, s.variant(), s.baseline(),
              new Evidence.FrozenNumbers(s.runs(), s.n(), s.mean(), s.median(), s.p95(),
                  s.standardDeviation(), s.verdict(), s.difference(), s.ciLower(), s.ciUpper(),
                  s.ratio()), s.dataSha256(), s.citedAt()));
        } catch (IllegalArgumentException | NullPointerException e) {
          problems.add(FileProblem.of(in.file, null, "evidence: " + e.getMessage()));
        }
      }
    }
    for (String u : unlinked) {
      notes.add(u + ": the frozen numbers are kept as they were; they cannot be compared with"
          + " current data, so the evidence shows as drifted (data gone)");
    }
  }

  /** The experiment by its id when that one has the title, else the only one of that title. */
  private Experiment findExperiment(Long idHint, String title) {
    if (idHint != null) {
      Experiment byId = em.find(Experiment.class, idHint);
      if (byId != null && byId.getTitle().equals(title)) {
        return byId;
      }
    }
    List<Experiment> byTitle = em.createQuery("select e from Experiment e where e.title = :t",
            Experiment.class)
        .setParameter("t", title)
        .setMaxResults(2)
        .getResultList();
    return byTitle.size() == 1 ? byTitle.get(0) : null;
  }
}
