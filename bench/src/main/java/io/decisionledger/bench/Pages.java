package io.decisionledger.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop virtual users: each sends a GET, waits for the answer, sends the next, keeping its
 * own session cookie as a browser would. Bounded in time; loopback only (see {@link Http}).
 */
final class Pages {

  record Load(Latencies latencies, long errors, double seconds) {
    double throughput() {
      return latencies.count() / seconds;
    }

    Map<String, Object> details() {
      Map<String, Object> d = new LinkedHashMap<>(latencies.summary());
      d.put("errors", errors);
      d.put("requestsPerSecond", throughput());
      return d;
    }
  }

  private Pages() {}

  /**
   * One signed-in client per virtual user, signed in one after the other outside any clock: a
   * session of its own, as each browser has. A run of {@code n} users takes the first {@code n}.
   */
  static List<Http> sessions(Http http, int users) throws Exception {
    List<Http> sessions = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      sessions.add(http.newSession());
    }
    return sessions;
  }

  static Load run(Http http, List<Http> signedIn, String path, int users, double warmupSeconds,
      double seconds) throws Exception {
    Latencies latencies = new Latencies();
    AtomicLong errors = new AtomicLong();
    List<Http> sessions = signedIn.subList(0, users);
    long start = System.nanoTime();
    long measureFrom = start + (long) (warmupSeconds * 1e9);
    long end = measureFrom + (long) (seconds * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(users);
    try {
      List<Future<Void>> done = new ArrayList<>();
      for (Http own : sessions) {
        done.add(pool.submit(() -> {
          String cookie = own.session();
          boolean measured = false;
          // A request counts when it starts inside the window, however long it takes; a user whose
          // requests are slower than the window still sends one that counts, so a slow page shows
          // as a slow figure, never as no figure.
          while (System.nanoTime() < end || !measured) {
            HttpRequest.Builder b = HttpRequest.newBuilder(http.uri(path))
                .timeout(Duration.ofSeconds(60)).GET();
            if (cookie != null) {
              b.header("Cookie", cookie);
            }
            long s = System.nanoTime();
            boolean ok;
            try {
              HttpResponse<byte[]> r = own.send(b.build(),
                  HttpResponse.BodyHandlers.ofByteArray(), Duration.ofSeconds(60));
              ok = r.statusCode() == 200;
              String set = r.headers().firstValue("Set-Cookie").orElse(null);
              if (set != null && set.startsWith("DLSESSION=")) {
                cookie = set.substring(0, set.indexOf(';') > 0 ? set.indexOf(';') : set.length());
              }
            } catch (java.io.IOException e) {
              ok = false;
            }
            long e = System.nanoTime();
            if (s >= measureFrom) {
              measured = true;
              latencies.record(e - s);
              if (!ok) {
                errors.incrementAndGet();
              }
            }
          }
          return null;
        }));
      }
      // Every user stops sending at the end; its last request (or, when every request is slower
      // than the warm-up and the window, its first measured one) has at most a minute each.
      long waitUntil = end + Duration.ofSeconds(150).toNanos();
      for (Future<Void> f : done) {
        f.get(Math.max(1, waitUntil - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    return new Load(latencies, errors.get(),
        Math.max(seconds, (System.nanoTime() - measureFrom) / 1e9));
  }
}
