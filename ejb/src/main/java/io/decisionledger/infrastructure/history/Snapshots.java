package io.decisionledger.infrastructure.history;

import io.decisionledger.domain.model.history.FieldValue;
import io.decisionledger.domain.model.history.Snapshot;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.Attribute.PersistentAttributeType;
import jakarta.persistence.metamodel.EmbeddableType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.MapAttribute;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.NotAudited;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;

/**
 * Turns an entity as Envers loaded it for a revision into a {@link Snapshot}: its audited fields in
 * declaration order, as text. Links to other entities read as their label ({@code ADR-0003 Use
 * Path A}, an experiment's title); element collections become items under a key (a parameter's
 * name, an option's name) so that the diff can say which came, went or changed.
 */
public final class Snapshots {

  private static final Logger LOG = Logger.getLogger(Snapshots.class.getName());

  private final EntityManager em;
  private final AuditReader reader;
  private final Number labelsAt;

  public Snapshots(EntityManager em) {
    this(em, null, null);
  }

  private Snapshots(EntityManager em, AuditReader reader, Number labelsAt) {
    this.em = em;
    this.reader = reader;
    this.labelsAt = labelsAt;
  }

  /**
   * The same, but links to other entities read as those entities were at {@code revision}, in
   * every snapshot: the states before and after one change then name a linked entity alike unless
   * the link itself changed (renaming a goal is no change of its items).
   */
  public Snapshots labelledAt(AuditReader reader, Number revision) {
    return new Snapshots(em, reader, revision);
  }

  /** The audited state of {@code entity} (not its id or version). */
  public Snapshot of(Object entity) {
    EntityType<?> type = em.getMetamodel().entity(entityClass(entity));
    Snapshot.Builder snapshot = Snapshot.builder();
    for (Attribute<?, ?> attribute : inDeclarationOrder(type)) {
      if (attribute instanceof SingularAttribute<?, ?> single
          && (single.isId() || single.isVersion())) {
        continue;
      }
      Field field = field(attribute);
      if (field == null || field.isAnnotationPresent(NotAudited.class)) {
        continue;
      }
      snapshot.value(attribute.getName(), value(attribute, read(field, entity)));
    }
    return snapshot.build();
  }

  /**
   * How people know the entity: its {@code label()} (a decision's {@code ADR-0003}) and title,
   * name or text (a checklist item's), or its kind and id ({@code Run #12}).
   */
  public String label(Object entity, String typeName, Object id) {
    String label = null;
    String title = null;
    try {
      Method method = entityClass(entity).getMethod("label");
      if (method.getReturnType() == String.class && method.getParameterCount() == 0) {
        label = (String) method.invoke(entity);
      }
    } catch (NoSuchMethodException e) {
      // no label of its own
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.FINE, "No label for " + typeName + " " + id, e);
    }
    EntityType<?> type = em.getMetamodel().entity(entityClass(entity));
    for (String name : List.of("title", "name", "text")) {
      Attribute<?, ?> attribute = attributeOrNull(type, name);
      Field field = attribute == null ? null : field(attribute);
      if (field != null && read(field, entity) instanceof String text && !text.isBlank()) {
        title = text;
        break;
      }
    }
    if (label != null && title != null) {
      return label + " " + title;
    }
    if (label != null || title != null) {
      return label != null ? label : title;
    }
    return capitalised(typeName) + " #" + id;
  }

  private FieldValue value(Attribute<?, ?> attribute, Object value) {
    PersistentAttributeType kind = attribute.getPersistentAttributeType();
    switch (kind) {
      case MANY_TO_ONE, ONE_TO_ONE:
        return FieldValue.of(reference(value));
      case ELEMENT_COLLECTION, ONE_TO_MANY, MANY_TO_MANY:
        return items((PluralAttribute<?, ?, ?>) attribute, value);
      default:
        return FieldValue.of(text(value));
    }
  }

  private FieldValue items(PluralAttribute<?, ?, ?> attribute, Object value) {
    Map<String, String> items = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      Map<String, String> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(text(k), element(attribute, v)));
      items.putAll(sorted);
    } else if (value instanceof Collection<?> elements) {
      int position = 0;
      for (Object element : elements) {
        position++;
        String key = keyOf(attribute, element, position);
        String text = element(attribute, element);
        items.put(items.containsKey(key) ? key + " (" + position + ")" : key,
            text.equals(key) ? "" : text);
      }
    }
    return FieldValue.items(items);
  }

  /** An item's key: an embeddable's name, an entity's label, or the value itself. */
  private String keyOf(PluralAttribute<?, ?, ?> attribute, Object element, int position) {
    if (attribute.getElementType() instanceof EmbeddableType<?> embeddable) {
      Attribute<?, ?> name = attributeOrNull(embeddable, "name");
      Object key = name == null ? null : read(field(name), element);
      return key == null ? "#" + position : text(key);
    }
    if (attribute.getElementType() instanceof EntityType<?>) {
      return reference(element);
    }
    return text(element);
  }

  /** An element as text: an embeddable's fields but its name ("pros: …; cons: …"). */
  private String element(PluralAttribute<?, ?, ?> attribute, Object element) {
    if (element != null && attribute.getElementType() instanceof EmbeddableType<?> embeddable) {
      List<String> parts = new ArrayList<>();
      for (Attribute<?, ?> part : inDeclarationOrder(embeddable)) {
        if (part.getName().equals("name")) {
          continue;
        }
        String text = text(read(field(part), element));
        if (text != null && !text.isEmpty()) {
          parts.add(part.getName() + ": " + text);
        }
      }
      return String.join("; ", parts);
    }
    if (attribute.getElementType() instanceof EntityType<?>) {
      return reference(element);
    }
    return text(element);
  }

  /** A linked entity: its label as of the revision, or its kind and id when that cannot be read. */
  private String reference(Object target) {
    if (target == null) {
      return null;
    }
    Class<?> type;
    Object id;
    LazyInitializer lazy = HibernateProxy.extractLazyInitializer(target);
    if (lazy != null) {
      type = lazy.getPersistentClass();
      id = lazy.getInternalIdentifier();
    } else {
      type = target.getClass();
      id = em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(target);
    }
    String typeName = AuditCatalog.nameOf(type);
    try {
      Object loaded = atLabelRevision(type, id);
      if (loaded == null) {
        loaded = lazy != null ? lazy.getImplementation() : target;
      }
      return label(loaded, typeName, id) + " (" + typeName + " #" + id + ")";
    } catch (RuntimeException e) {
      // Not readable at that revision (gone, or never recorded): its kind and id say enough.
      LOG.log(Level.FINE, "Could not load " + typeName + " " + id + " for the history", e);
      return capitalised(typeName) + " #" + id;
    }
  }

  /** The linked entity as it was at {@link #labelsAt}, or null when not asked or not recorded. */
  private Object atLabelRevision(Class<?> type, Object id) {
    if (reader == null || labelsAt == null || id == null || !reader.isEntityClassAudited(type)) {
      return null;
    }
    try {
      return reader.find(type, id, labelsAt);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "No state of " + type.getSimpleName() + " " + id + " at revision "
          + labelsAt, e);
      return null;
    }
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()
          : Double.toString(d);
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    return value.toString();
  }

  private static Class<?> entityClass(Object entity) {
    LazyInitializer lazy = HibernateProxy.extractLazyInitializer(entity);
    return lazy != null ? lazy.getPersistentClass() : entity.getClass();
  }

  private static List<Attribute<?, ?>> inDeclarationOrder(ManagedType<?> type) {
    List<Field> order = new ArrayList<>();
    for (Class<?> c = type.getJavaType(); c != null && c != Object.class; c = c.getSuperclass()) {
      order.addAll(0, Arrays.asList(c.getDeclaredFields()));
    }
    List<Attribute<?, ?>> attributes = new ArrayList<>(type.getAttributes());
    attributes.sort(Comparator.comparingInt(a -> {
      Field f = field(a);
      int index = f == null ? -1 : order.indexOf(f);
      return index < 0 ? Integer.MAX_VALUE : index;
    }));
    return attributes;
  }

  private static Attribute<?, ?> attributeOrNull(ManagedType<?> type, String name) {
    try {
      return type.getAttribute(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Field field(Attribute<?, ?> attribute) {
    Member member = attribute.getJavaMember();
    if (member instanceof Field field && !Modifier.isStatic(field.getModifiers())) {
      return field;
    }
    return null;
  }

  private static Object read(Field field, Object target) {
    if (field == null || target == null) {
      return null;
    }
    try {
      field.setAccessible(true);
      return field.get(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read " + field, e);
    }
  }

  private static String capitalised(String name) {
    return name.isEmpty() ? name
        : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1).replace('-', ' ');
  }
}
