package io.decisionledger.interfaces.experiment.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The pages show and take times in UTC (labelled so); the domain keeps instants. */
final class Times {

  private Times() {}

  static Instant toInstant(LocalDateTime local) {
    return local == null ? null : local.toInstant(ZoneOffset.UTC);
  }

  static LocalDateTime toLocal(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static LocalDateTime nowToTheMinute() {
    return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
  }
}
