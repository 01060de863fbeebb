package io.decisionledger.application.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.application.security.TokenService.TokenIdentity;
import io.decisionledger.domain.model.security.TokenScope;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A checked token stands for a few seconds, never past its expiry or a revocation here. */
class RecentTokensTest {

  static final String VALUE = "dlt_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
  static final TokenIdentity PIPELINE = new TokenIdentity("pipeline", Set.of(TokenScope.INGEST));

  final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  final RecentTokens recent = new RecentTokens(nanos::get);

  @Test
  void unknownUntilTheDatabaseFoundItActive() {
    assertThat(recent.find(VALUE)).isEmpty();
    recent.remember(TokenService.sha256(VALUE), PIPELINE, Instant.now().plusSeconds(3600));
    assertThat(recent.find(VALUE)).contains(PIPELINE);
    assertThat(recent.find(VALUE + "x")).isEmpty();
  }

  @Test
  void checkedAgainAfterTheInterval() {
    recent.remember(TokenService.sha256(VALUE), PIPELINE, Instant.now().plusSeconds(3600));
    nanos.addAndGet(RecentTokens.RECHECK.toNanos() - 1);
    assertThat(recent.find(VALUE)).contains(PIPELINE);
    nanos.addAndGet(1);
    assertThat(recent.find(VALUE)).isEmpty();
  }

  @Test
  void notPastTheTokensExpiry() {
    recent.remember(TokenService.sha256(VALUE), PIPELINE, Instant.now().minus(Duration.ofMillis(1)));
    assertThat(recent.find(VALUE)).isEmpty();
  }

  @Test
  void aRevocationForgetsEveryToken() {
    recent.remember(TokenService.sha256(VALUE), PIPELINE, Instant.now().plusSeconds(3600));
    recent.forgetAll();
    assertThat(recent.find(VALUE)).isEmpty();
  }

  @Test
  void malformedValuesAreNeverFound() {
    assertThat(recent.find(null)).isEmpty();
    assertThat(recent.find("Basic abc")).isEmpty();
    assertThat(recent.find("dlt_" + "a".repeat(100))).isEmpty();
  }

  @Test
  void boundedInMemory() {
    for (int i = 0; i < RecentTokens.MAX_ENTRIES; i++) {
      recent.remember(TokenService.sha256(VALUE + i), PIPELINE, Instant.now().plusSeconds(60));
    }
    assertThat(recent.find(VALUE + 0)).contains(PIPELINE);
    recent.remember(TokenService.sha256(VALUE), PIPELINE, Instant.now().plusSeconds(60));
    assertThat(recent.find(VALUE + 0)).isEmpty();
    assertThat(recent.find(VALUE)).contains(PIPELINE);
  }
}
