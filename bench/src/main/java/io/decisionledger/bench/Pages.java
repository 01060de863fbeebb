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

  static Load run(Http http, String path, int users, double warmupSeconds, double seconds)
      throws Exception {
    Latencies latencies = new Latencies();
    AtomicLong errors = new AtomicLong();
    long start = System.nanoTime();
    long measureFrom = start + (long) (warmupSeconds * 1e9);
    long end = measureFrom + (long) (seconds * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(users);
    try {
      List<Future<Void>> done = new ArrayList<>();
      for (int u = 0; u < users; u++) {
        done.add(pool.submit(() -> {
          String cookie = http.session();
          while (System.nanoTime() < end) {
            HttpRequest.Builder b = HttpRequest.newBuilder(http.uri(path))
                .timeout(Duration.ofSeconds(60)).GET();
            if (cookie != null) {
              b.header("Cookie", cookie);
            }
            long s = System.nanoTime();
            boolean ok;
            try {
              HttpResponse<byte[]> r =
                  http.client().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
              ok = r.statusCode() == 200;
              String set = r.headers().firstValue("Set-Cookie").orElse(null);
              if (set != null && set.startsWith("DLSESSION=")) {
                cookie = set.substring(0, set.indexOf(';') > 0 ? set.indexOf(';') : set.length());
              }
            } catch (java.io.IOException e) {
              ok = false;
            }
            long e = System.nanoTime();
            if (s >= measureFrom && e <= end) {
              latencies.record(e - s);
              if (!ok) {
                errors.incrementAndGet();
              }
            } else if (!ok && s >= measureFrom) {
              errors.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<Void> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return new Load(latencies, errors.get(), seconds);
  }
}
