package io.decisionledger.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ActiveViewMapsTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /**
   * The two requests of one session, forced into the order that hung the server: the session
   * store holds the session and serialises it while Mojarra holds the view maps and reads the
   * session. Both must finish.
   */
  @Test
  void theSessionStoreSerialisesWhileMojarraHoldsTheMapAndNeitherWaitsForever() throws Exception {
    ActiveViewMaps viewMaps = new ActiveViewMaps();
    viewMaps.put("view-1", new HashMap<>(Map.of("bean", "state")));

    Thread[] requests = twoRequestsOfOneSession(viewMaps);

    for (Thread request : requests) {
      request.join(PATIENCE.toMillis());
      assertThat(request.isAlive()).as(request.getName() + " finished").isFalse();
    }
    assertThat(viewMaps).containsOnlyKeys("view-2");
  }

  /** The same order with the map Mojarra creates itself: what this class exists to avoid. */
  @Test
  void withMojarrasSynchronisedMapTheSameOrderDeadlocks() throws Exception {
    Map<String, Object> viewMaps = Collections.synchronizedMap(new LinkedHashMap<>());
    viewMaps.put("view-1", new HashMap<>(Map.of("bean", "state")));

    Thread[] requests = twoRequestsOfOneSession(viewMaps);

    long deadline = System.nanoTime() + PATIENCE.toNanos();
    boolean deadlocked = false;
    while (!deadlocked && System.nanoTime() < deadline) {
      long[] ids = ManagementFactory.getThreadMXBean().findMonitorDeadlockedThreads();
      deadlocked = ids != null
          && Arrays.stream(ids).anyMatch(id -> id == requests[0].getId())
          && Arrays.stream(ids).anyMatch(id -> id == requests[1].getId());
      if (!deadlocked) {
        requests[0].join(50); // poll; both threads are daemons and stay behind if deadlocked
      }
    }
    assertThat(deadlocked).as("the two requests deadlock").isTrue();
  }

  @Test
  void aSerialisedCopyKeepsTheViewsAndTheirLeastRecentlyUsedOrder() throws Exception {
    ActiveViewMaps viewMaps = new ActiveViewMaps();
    viewMaps.put("a", new HashMap<>(Map.of("bean", 1)));
    viewMaps.put("b", new HashMap<>(Map.of("bean", 2)));
    viewMaps.put("c", new HashMap<>(Map.of("bean", 3)));
    viewMaps.get("a"); // used again: now the most recent

    ActiveViewMaps copy = roundTrip(viewMaps);

    assertThat(copy.keySet()).containsExactly("b", "c", "a");
    assertThat(copy.get("c")).isEqualTo(Map.of("bean", 3));
    assertThat(copy).isEqualTo(viewMaps);
    copy.put("d", new HashMap<>());
    assertThat(copy.keySet().iterator().next()).as("eldest, which Mojarra evicts").isEqualTo("b");
    assertThat(viewMaps).doesNotContainKey("d");
  }

  @Test
  void theViewsAreCopiesThatCannotChangeTheMap() {
    ActiveViewMaps viewMaps = new ActiveViewMaps();
    viewMaps.put("a", "x");
    var keys = viewMaps.keySet();
    viewMaps.put("b", "y");
    assertThat(keys).containsExactly("a");
    assertThat(viewMaps.entrySet()).extracting(Map.Entry::getKey).containsExactly("a", "b");
    assertThat(viewMaps.values()).containsExactly("x", "y");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> viewMaps.keySet().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(viewMaps).hasSize(2);
  }

  /**
   * Starts the store (holds the session, then serialises the map) and Mojarra (holds the map,
   * then needs the session), each waiting until the other holds its lock first.
   */
  private static Thread[] twoRequestsOfOneSession(Map<String, Object> viewMaps) {
    Object session = new Object();
    CountDownLatch storeHoldsSession = new CountDownLatch(1);
    CountDownLatch mojarraHoldsMap = new CountDownLatch(1);
    Thread store = new Thread(() -> {
      synchronized (session) {
        storeHoldsSession.countDown();
        awaitOrFail(mojarraHoldsMap);
        serialise(viewMaps);
      }
    }, "session-store");
    Thread mojarra = new Thread(() -> {
      synchronized (viewMaps) {
        mojarraHoldsMap.countDown();
        awaitOrFail(storeHoldsSession);
        synchronized (session) {
          viewMaps.remove("view-1");
          viewMaps.put("view-2", new HashMap<>());
        }
      }
    }, "mojarra-eviction");
    for (Thread request : new Thread[] {store, mojarra}) {
      request.setDaemon(true);
      request.start();
    }
    return new Thread[] {store, mojarra};
  }

  private static void awaitOrFail(CountDownLatch latch) {
    try {
      if (!latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("the other request never took its lock");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] serialise(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  private static ActiveViewMaps roundTrip(ActiveViewMaps value) throws Exception {
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(serialise(value)))) {
      return (ActiveViewMaps) in.readObject();
    }
  }
}
