package io.decisionledger.infrastructure.history;

import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.Attribute.PersistentAttributeType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.persister.entity.AbstractEntityPersister;

/**
 * Which entities the history records, where, and how they hang together, read from the persistence
 * unit: an entity joins the history with {@code @Audited} and its {@code _aud} table, nothing
 * else. A required to-one link from one audited entity to another (a variant's experiment, a run's
 * variant, a citation's decision, a checklist item's goal) makes the first part of the second's
 * timeline: it names the owner. An optional link is a reference, not ownership (a goal item's proof
 * by a decision), and leaves the timelines apart.
 */
public final class AuditCatalog {

  /** Names and columns that go into SQL come from the mapping; they are checked all the same. */
  private static final Pattern SQL_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

  /**
   * One audited entity.
   *
   * @param name its name in the API and the pages: the class name in lower case, words joined by
   *     {@code -} ({@code experiment}, {@code goal-item})
   * @param table its audit table
   * @param parents its required to-one links to other audited entities: its owners
   */
  public record AuditedType(String name, Class<?> javaType, String table, String idColumn,
      List<Link> parents) {}

  /** A required to-one link: this entity's {@code column} holds the id of its {@code parent}. */
  public record Link(String parent, String column) {}

  private final Map<String, AuditedType> types;
  private final String revColumn;
  private final String revTypeColumn;

  private AuditCatalog(Map<String, AuditedType> types, String revColumn, String revTypeColumn) {
    this.types = types;
    this.revColumn = revColumn;
    this.revTypeColumn = revTypeColumn;
  }

  /** Reads the catalogue from the persistence unit behind {@code em}. */
  public static AuditCatalog of(EntityManager em) {
    Map<String, Object> settings = em.getEntityManagerFactory().getProperties();
    String prefix = setting(settings, "org.hibernate.envers.audit_table_prefix", "");
    String suffix = setting(settings, "org.hibernate.envers.audit_table_suffix", "_AUD");
    String rev = setting(settings, "org.hibernate.envers.revision_field_name", "REV");
    String revType = setting(settings, "org.hibernate.envers.revision_type_field_name", "REVTYPE");
    AuditReader audit = AuditReaderFactory.get(em);
    var metamodel = em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
        .getMappingMetamodel();

    List<EntityType<?>> audited = em.getMetamodel().getEntities().stream()
        .filter(e -> e.getJavaType() != null && !Map.class.isAssignableFrom(e.getJavaType()))
        .filter(e -> audit.isEntityClassAudited(e.getJavaType()))
        .toList();
    Map<Class<?>, String> names = new LinkedHashMap<>();
    audited.forEach(e -> names.put(e.getJavaType(), nameOf(e.getJavaType())));

    Map<String, AuditedType> types = new TreeMap<>();
    for (EntityType<?> entity : audited) {
      Class<?> type = entity.getJavaType();
      var persister = (AbstractEntityPersister) metamodel.getEntityDescriptor(type);
      var auditPersister = (AbstractEntityPersister)
          metamodel.getEntityDescriptor(prefix + type.getName() + suffix);
      List<Link> parents = new ArrayList<>();
      for (SingularAttribute<?, ?> attribute : entity.getSingularAttributes()) {
        PersistentAttributeType kind = attribute.getPersistentAttributeType();
        Class<?> target = attribute.getJavaType();
        if ((kind == PersistentAttributeType.MANY_TO_ONE
            || kind == PersistentAttributeType.ONE_TO_ONE)
            && !attribute.isOptional()
            && names.containsKey(target) && !target.equals(type)) {
          String[] columns = persister.getPropertyColumnNames(attribute.getName());
          if (columns.length == 1) {
            parents.add(new Link(names.get(target), sqlName(columns[0])));
          }
        }
      }
      String name = names.get(type);
      types.put(name, new AuditedType(name, type, sqlName(auditPersister.getTableName()),
          sqlName(persister.getIdentifierColumnNames()[0]), List.copyOf(parents)));
    }
    return new AuditCatalog(types, sqlName(rev), sqlName(revType));
  }

  private static String setting(Map<String, Object> settings, String key, String fallback) {
    Object value = settings.get(key);
    return value == null || value.toString().isBlank() ? fallback : value.toString().strip();
  }

  /** {@code Experiment} is {@code experiment}, {@code GoalItem} is {@code goal-item}. */
  static String nameOf(Class<?> type) {
    return type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static String sqlName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (!SQL_NAME.matcher(lower).matches()) {
      throw new IllegalStateException("Unexpected table or column name in the mapping: " + name);
    }
    return lower;
  }

  public Collection<AuditedType> types() {
    return types.values();
  }

  public Optional<AuditedType> type(String name) {
    return Optional.ofNullable(name == null ? null : types.get(name));
  }

  /**
   * SQL listing {@code (type, id, rev, revtype)} of every recorded change of the given types,
   * newest first; parameters none.
   */
  public String changesOf(Collection<AuditedType> selected) {
    List<String> parts = new ArrayList<>();
    for (AuditedType type : selected) {
      parts.add(select(type) + " FROM " + type.table());
    }
    return union(parts);
  }

  /**
   * SQL listing {@code (type, id, rev, revtype)} of every recorded change of one entity (parameter
   * {@code :id}) and of the entities that belong to it, directly or through others (an
   * experiment's variants, metrics and their runs), newest first.
   */
  public String timelineOf(AuditedType root) {
    List<String> parts = new ArrayList<>();
    parts.add(select(root) + " FROM " + root.table() + " WHERE " + root.idColumn() + " = :id");
    Map<String, String> idsOf = new LinkedHashMap<>();
    idsOf.put(root.name(), ":id");
    Deque<String> queue = new ArrayDeque<>(List.of(root.name()));
    while (!queue.isEmpty()) {
      String parent = queue.removeFirst();
      for (AuditedType child : types.values()) {
        if (idsOf.containsKey(child.name())) {
          continue;
        }
        for (Link link : child.parents()) {
          if (link.parent().equals(parent)) {
            String ids = idsOf.get(parent);
            String where = ids.equals(":id")
                ? link.column() + " = :id"
                : link.column() + " IN (" + ids + ")";
            parts.add(select(child) + " FROM " + child.table() + " WHERE " + where);
            idsOf.put(child.name(), "SELECT " + child.idColumn() + " FROM " + child.table()
                + " WHERE " + where);
            queue.addLast(child.name());
            break;
          }
        }
      }
    }
    return union(parts);
  }

  private String select(AuditedType type) {
    return "SELECT CAST('" + type.name() + "' AS VARCHAR(100)) AS type, " + type.idColumn()
        + " AS id, " + revColumn + " AS rev, " + revTypeColumn + " AS revtype";
  }

  private static String union(List<String> parts) {
    return String.join("\nUNION ALL\n", parts);
  }
}
