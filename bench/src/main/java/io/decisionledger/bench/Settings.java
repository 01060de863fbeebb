package io.decisionledger.bench;

import java.nio.file.Path;
import java.util.List;

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
    Path reportDir) {

  /** Issue 8 at full size. */
  static Settings full(Path workDir, Path reportDir) {
    return new Settings("full", 1_000_000, List.of(1_000, 10_000, 100_000), List.of(1, 4),
        1_000_000, 1_000_000, Integer.getInteger("bench.mlflow.seconds", 45),
        List.of(10_000L, 100_000L, 1_000_000L, 10_000_000L), 60, 20, 15, 60,
        List.of(1, 10, 50), 3, 10, 2, 10, true, workDir, reportDir);
  }

  /** Every scenario path at a tiny size: seconds, for ./mvnw verify. */
  static Settings smoke(Path workDir, Path reportDir, boolean requireMlflow) {
    return new Settings("smoke", 10_000, List.of(100, 1_000, 10_000), List.of(1, 4),
        10_000, 2_000, 20, List.of(1_000L, 10_000L), 5, 5, 3, 10,
        List.of(1, 5), 0.5, 1, 1, 1, requireMlflow, workDir, reportDir);
  }

  long largestReadSize() {
    return readSizes.get(readSizes.size() - 1);
  }
}
