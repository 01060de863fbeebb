package io.decisionledger.bench;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Sizes and durations of one benchmark run: the full suite or the smoke run of the test command. */
public record Settings(
    String mode,
    long ingestRows,
    List<Integer> ingestBatches,
    List<Integer> ingestClients,
    long copyRows,
    long mlflowRows,
    int mlflowSeconds,
    List<Long> readSizes,
    int readIterations,
    int readSeconds,
    int sqlMaxIterations,
    int sqlSeconds,
    List<Integer> pageUsers,
    double pageWarmupSeconds,
    double pageSeconds,
    int startups,
    int settleSeconds,
    boolean requireMlflow,
    Path workDir,
    Path reportDir,
    Set<String> scenarios) {

  /** The scenarios, in run order; {@code -Dbench.scenarios=ingestion,pages} runs a subset. */
  static final List<String> SCENARIOS = List.of("startup", "read", "list", "ingestion", "pages");

  /** Issue 8 at full size. */
  static Settings full(Path workDir, Path reportDir) {
    return new Settings("full", Long.getLong("bench.ingest.rows", 1_000_000), List.of(1_000, 10_000, 100_000), List.of(1, 4),
        1_000_000, 1_000_000, Integer.getInteger("bench.mlflow.seconds", 45),
        List.of(10_000L, 100_000L, 1_000_000L, 10_000_000L), 60, 20, 15, 60,
        List.of(1, 10, 50), 3, 10, 2, 10, true, workDir, reportDir, selectedScenarios());
  }

  /** Every scenario path at a tiny size: seconds, for ./mvnw verify. */
  static Settings smoke(Path workDir, Path reportDir, boolean requireMlflow) {
    return new Settings("smoke", 10_000, List.of(100, 1_000, 10_000), List.of(1, 4),
        10_000, 2_000, 20, List.of(1_000L, 10_000L), 5, 5, 3, 10,
        List.of(1, 5), 0.5, 1, 1, 1, requireMlflow, workDir, reportDir, Set.copyOf(SCENARIOS));
  }

  /**
   * {@code -Dbench.scenarios}: a comma-separated subset of {@link #SCENARIOS} (all when unset), for
   * focused before/after measurements. Each selected scenario is run as in the full suite, except
   * that without "read" the pages use an experiment grown to the smallest read size only.
   */
  static Set<String> selectedScenarios() {
    String value = System.getProperty("bench.scenarios", "");
    if (value.isBlank()) {
      return Set.copyOf(SCENARIOS);
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (String s : value.split(",")) {
      String name = s.strip();
      if (!SCENARIOS.contains(name)) {
        throw new IllegalArgumentException("bench.scenarios: unknown scenario '" + name
            + "'; choose from " + SCENARIOS);
      }
      chosen.add(name);
    }
    return Set.copyOf(chosen);
  }

  boolean runs(String scenario) {
    return scenarios.contains(scenario);
  }

  boolean focused() {
    return scenarios.size() < SCENARIOS.size();
  }

  long largestReadSize() {
    return readSizes.get(readSizes.size() - 1);
  }
}
