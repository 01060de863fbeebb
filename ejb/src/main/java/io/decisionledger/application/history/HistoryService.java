package io.decisionledger.application.history;

import io.decisionledger.domain.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.decisionledger.application.DomainException;
import io.decisionledger.application.Page;
import io.decisionledger.domain.model.history.ChangeKind;
import io.decisionledger.domain.model.history.FieldChange;
import io.decisionledger.domain.model.history.HistoryDiff;
import io.decisionledger.domain.model.history.Revision;
import io.decisionledger.infrastructure.history.AuditCatalog;
import io.decisionledger.infrastructure.history.AuditCatalog.AuditedType;
import io.decisionledger.infrastructure.history.Snapshots;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;

/**
 * Reads the history Hibernate Envers records (docs/audit.md): the recent changes of everything, or
 * the timeline of one entity with the entities that belong to it, each change diffed field by field
 * against the entity's previous recorded state. Read-only: there is no way to change the history
 * here or anywhere else in the application.
 */
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.AUDITOR, Roles.ADMIN})
@Stateless
public class HistoryService {

  public static final int MAX_LIMIT = 200;

  private static volatile AuditCatalog catalog;

  @PersistenceContext EntityManager em;

  /** The names of the audited entities ({@code decision}, {@code experiment}, …), sorted. */
  public List<String> types() {
    return catalog().types().stream().map(AuditedType::name).toList();
  }

  /** The newest changes first, of every audited entity or of one kind ({@code type}). */
  public Page<HistoryEntry> recent(String type, int offset, int limit) {
    checkPage(offset, limit);
    Collection<AuditedType> selected =
        type == null || type.isBlank() ? catalog().types() : List.of(typeNamed(type, "type"));
    return page(catalog().changesOf(selected), null, offset, limit);
  }

  /**
   * The changes of one entity and of those that belong to it (an experiment's variants, metrics
   * and runs; a decision's evidence), newest first.
   *
   * @throws DomainException.NotFound when the entity neither exists nor has any history
   */
  public Page<HistoryEntry> timeline(String type, long id, int offset, int limit) {
    checkPage(offset, limit);
    AuditedType root = typeNamed(type, "type");
    Page<HistoryEntry> page = page(catalog().timelineOf(root), id, offset, limit);
    if (page.total() == 0 && em.find(root.javaType(), id) == null) {
      throw new DomainException.NotFound(capitalised(root.name()), id);
    }
    return page;
  }

  /**
   * How people know one entity: its label as of its newest recorded state (so a deleted one still
   * has a name), else as it is now.
   *
   * @throws DomainException.NotFound when the entity neither exists nor has any history
   */
  public String label(String type, long id) {
    AuditedType root = typeNamed(type, "type");
    Snapshots snapshots = new Snapshots(em);
    List<?> newest = AuditReaderFactory.get(em).createQuery()
        .forRevisionsOfEntity(root.javaType(), true, true)
        .add(AuditEntity.id().eq(id))
        .addOrder(AuditEntity.revisionNumber().desc())
        .setMaxResults(1)
        .getResultList();
    Object entity = newest.isEmpty() ? em.find(root.javaType(), id) : newest.get(0);
    if (entity == null) {
      throw new DomainException.NotFound(capitalised(root.name()), id);
    }
    return snapshots.label(entity, root.name(), id);
  }

  private Page<HistoryEntry> page(String changes, Long id, int offset, int limit) {
    em.unwrap(Session.class).setDefaultReadOnly(true);
    Query count = em.createNativeQuery("SELECT count(*) FROM (" + changes + ") h");
    Query rows = em.createNativeQuery("SELECT type, id, rev, revtype FROM (" + changes + ") h"
        + " ORDER BY rev DESC, type, id DESC", Object[].class);
    if (id != null) {
      count.setParameter("id", id);
      rows.setParameter("id", id);
    }
    long total = ((Number) count.getSingleResult()).longValue();
    List<HistoryEntry> entries = new ArrayList<>();
    if (total > offset) {
      @SuppressWarnings("unchecked")
      List<Object[]> found = rows.setFirstResult(offset).setMaxResults(limit).getResultList();
      AuditReader reader = AuditReaderFactory.get(em);
      Snapshots snapshots = new Snapshots(em);
      for (Object[] row : found) {
        AuditedType type = catalog().type((String) row[0]).orElseThrow();
        entries.add(entry(reader, snapshots, type, ((Number) row[1]).longValue(),
            ((Number) row[2]).longValue()));
      }
    }
    return new Page<>(entries, total, offset, limit);
  }

  /** The change of {@code type} {@code id} in revision {@code rev}, against the one before. */
  private static HistoryEntry entry(AuditReader reader, Snapshots all, AuditedType type,
      long id, long rev) {
    Snapshots snapshots = all.labelledAt(reader, rev);
    @SuppressWarnings("unchecked")
    List<Object[]> states = reader.createQuery()
        .forRevisionsOfEntity(type.javaType(), false, true)
        .add(AuditEntity.id().eq(id))
        .add(AuditEntity.revisionNumber().le(rev))
        .addOrder(AuditEntity.revisionNumber().desc())
        .setMaxResults(2)
        .getResultList();
    Object[] current = states.get(0);
    Object entity = current[0];
    Revision revision = (Revision) current[1];
    ChangeKind kind = switch ((RevisionType) current[2]) {
      case ADD -> ChangeKind.CREATED;
      case MOD -> ChangeKind.CHANGED;
      case DEL -> ChangeKind.DELETED;
    };
    Object previous = states.size() > 1 ? states.get(1)[0] : null;
    boolean firstRecorded = kind == ChangeKind.CHANGED && previous == null;
    List<FieldChange> changes = switch (kind) {
      case CREATED -> HistoryDiff.between(null, snapshots.of(entity));
      case CHANGED -> HistoryDiff.between(
          previous == null ? null : snapshots.of(previous), snapshots.of(entity));
      case DELETED -> List.of();
    };
    return new HistoryEntry(revision.getId(), revision.getChangedAt(), revision.getChangedBy(),
        revision.getRequestId(), type.name(), id, snapshots.label(entity, type.name(), id), kind,
        firstRecorded, changes);
  }

  private AuditedType typeNamed(String name, String field) {
    String wanted = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
    return catalog().type(wanted).orElseThrow(() -> DomainException.InvalidInput.of(field,
        field + " must be one of " + String.join(", ", types())));
  }

  private static void checkPage(int offset, int limit) {
    if (offset < 0) {
      throw DomainException.InvalidInput.of("offset", "offset must not be negative");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw DomainException.InvalidInput.of("limit", "limit must be between 1 and " + MAX_LIMIT);
    }
  }

  private AuditCatalog catalog() {
    AuditCatalog known = catalog;
    if (known == null) {
      known = AuditCatalog.of(em);
      catalog = known;
    }
    return known;
  }

  private static String capitalised(String name) {
    return name.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + name.substring(1);
  }
}
