package io.decisionledger.application.decision;

import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.decisionledger.domain.model.decision.Decision;
import io.decisionledger.domain.model.decision.Evidence;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every decision as a MADR file ({@code 0007-title.md}) in a zip written straight to the caller's
 * stream, lowest number first, read from the database a chunk at a time so memory stays flat
 * however many decisions there are.
 */
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN, Roles.API_READ})
@Stateless
public class MadrExport {

  static final int CHUNK = 100;

  @PersistenceContext EntityManager em;

  /** Writes the zip; returns the number of decisions written. */
  public int writeZip(OutputStream out) {
    Map<Long, List<Integer>> supersedes = new HashMap<>();
    for (Object[] row : em.createQuery("select d.supersededBy.id, d.number from Decision d"
            + " where d.supersededBy is not null", Object[].class).getResultList()) {
      supersedes.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Integer) row[1]);
    }
    int written = 0;
    int last = 0;
    try (DecisionArchive.Writer zip = new DecisionArchive.Writer(out)) {
      while (true) {
        List<Long> ids = em.createQuery("select d.id from Decision d where d.number > :last"
                + " order by d.number", Long.class)
            .setParameter("last", last)
            .setMaxResults(CHUNK)
            .getResultList();
        if (ids.isEmpty()) {
          break;
        }
        List<Decision> chunk = em.createQuery("select distinct d from Decision d"
                + " left join fetch d.options left join fetch d.supersededBy where d.id in :ids",
                Decision.class)
            .setParameter("ids", ids)
            .getResultList()
            .stream()
            .sorted(java.util.Comparator.comparingInt(Decision::getNumber))
            .toList();
        Map<Long, List<Evidence>> evidence = new HashMap<>();
        for (Evidence e : em.createQuery("select e from Evidence e where e.decision.id in :ids",
                Evidence.class).setParameter("ids", ids).getResultList()) {
          evidence.computeIfAbsent(e.getDecision().getId(), k -> new ArrayList<>()).add(e);
        }
        for (Decision d : chunk) {
          PortableDecision portable = PortableDecision.of(d,
              supersedes.getOrDefault(d.getId(), List.of()),
              evidence.getOrDefault(d.getId(), List.of()));
          zip.add(MadrFormat.fileName(d.getNumber(), d.getTitle()), MadrFormat.render(portable));
          written++;
          last = d.getNumber();
        }
        em.clear();
      }
    }
    return written;
  }
}
