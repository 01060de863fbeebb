package io.decisionledger.interfaces.web;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A session's view maps (Faces view scope), in place of the {@code Collections.synchronizedMap}
 * Mojarra would create, so that writing the session to PostgreSQL cannot deadlock.
 *
 * <p>Mojarra locks this map and, still holding it, reads the session (evicting the eldest view)
 * or writes it; Liberty's session store locks the session and, still holding it, serialises every
 * attribute. With a synchronised map the serialiser needs the map's monitor, so two requests of
 * one session (two tabs) could each hold what the other waits for, and every later request of
 * that session hung. Here every operation takes this object's monitor, as a synchronised map's
 * do (Mojarra's compound steps stay atomic), and then a private lock that is never held while
 * anything else is acquired; serialisation copies the map under that private lock alone and never
 * needs the monitor. The views ({@link #keySet()}, {@link #values()}, {@link #entrySet()}) are
 * unmodifiable copies.
 *
 * <p>Access order, like Mojarra's own {@code LRUMap}: the first key is the view used least
 * recently, which is the one Mojarra evicts.
 */
public final class ActiveViewMaps implements Map<String, Object>, Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private transient LinkedHashMap<String, Object> maps = accessOrdered();

  private static LinkedHashMap<String, Object> accessOrdered() {
    return new LinkedHashMap<>(32, 0.75f, true);
  }

  @Override
  public synchronized int size() {
    synchronized (maps) {
      return maps.size();
    }
  }

  @Override
  public synchronized boolean isEmpty() {
    synchronized (maps) {
      return maps.isEmpty();
    }
  }

  @Override
  public synchronized boolean containsKey(Object key) {
    synchronized (maps) {
      return maps.containsKey(key);
    }
  }

  @Override
  public synchronized boolean containsValue(Object value) {
    synchronized (maps) {
      return maps.containsValue(value);
    }
  }

  @Override
  public synchronized Object get(Object key) {
    synchronized (maps) {
      return maps.get(key);
    }
  }

  @Override
  public synchronized Object put(String key, Object value) {
    synchronized (maps) {
      return maps.put(key, value);
    }
  }

  @Override
  public synchronized Object remove(Object key) {
    synchronized (maps) {
      return maps.remove(key);
    }
  }

  @Override
  public synchronized void putAll(Map<? extends String, ?> entries) {
    synchronized (maps) {
      maps.putAll(entries);
    }
  }

  @Override
  public synchronized void clear() {
    synchronized (maps) {
      maps.clear();
    }
  }

  @Override
  public synchronized Set<String> keySet() {
    synchronized (maps) {
      return Collections.unmodifiableSet(new LinkedHashSet<>(maps.keySet()));
    }
  }

  @Override
  public synchronized Collection<Object> values() {
    synchronized (maps) {
      return Collections.unmodifiableList(new ArrayList<>(maps.values()));
    }
  }

  @Override
  public synchronized Set<Entry<String, Object>> entrySet() {
    synchronized (maps) {
      Set<Entry<String, Object>> entries = new LinkedHashSet<>();
      maps.forEach((key, value) -> entries.add(new SimpleImmutableEntry<>(key, value)));
      return Collections.unmodifiableSet(entries);
    }
  }

  @Override
  public synchronized boolean equals(Object other) {
    synchronized (maps) {
      return other == this || maps.equals(other);
    }
  }

  @Override
  public synchronized int hashCode() {
    synchronized (maps) {
      return maps.hashCode();
    }
  }

  @Override
  public String toString() {
    return "ActiveViewMaps" + keySet();
  }

  /** Copies the map under the private lock only: the session store may hold the session now. */
  @Serial
  private void writeObject(ObjectOutputStream out) throws IOException {
    LinkedHashMap<String, Object> snapshot;
    synchronized (maps) {
      snapshot = new LinkedHashMap<>(maps);
    }
    out.defaultWriteObject();
    out.writeObject(snapshot);
  }

  @Serial
  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    @SuppressWarnings("unchecked")
    Map<String, Object> snapshot = (Map<String, Object>) in.readObject();
    maps = accessOrdered();
    maps.putAll(snapshot);
  }
}
