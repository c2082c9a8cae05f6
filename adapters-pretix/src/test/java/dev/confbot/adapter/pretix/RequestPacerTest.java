package dev.confbot.adapter.pretix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestPacerTest {
  private final FakeTime time = new FakeTime(Instant.parse("2026-03-01T09:00:00Z"));

  @Test
  void spacesRequestsEvenlyAtThePretixHostedLimit() throws InterruptedException {
    // given
    RequestPacer pacer = new RequestPacer(360, time, time);
    // when
    for (int i = 0; i < 361; i++) {
      pacer.acquire();
    }
    // then: 360 intervals of 1/6 s, so never more than 360 requests in any minute
    assertThat(time.slept()).isBetween(Duration.ofSeconds(60), Duration.ofMillis(60_001));
    assertThat(time.sleeps()).hasSize(360).allMatch(d -> d.equals(time.sleeps().get(0)));
  }

  @Test
  void letsEveryRequestThroughWhenUnlimited() throws InterruptedException {
    // given
    RequestPacer pacer = new RequestPacer(0, time, time);
    // when
    for (int i = 0; i < 100; i++) {
      pacer.acquire();
    }
    // then
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void holdsEveryCallerBackForRetryAfter() throws InterruptedException {
    // given
    RequestPacer pacer = new RequestPacer(0, time, time);
    pacer.acquire();
    // when
    pacer.pauseFor(Duration.ofSeconds(30));
    pacer.pauseFor(Duration.ofSeconds(5));
    pacer.acquire();
    pacer.acquire();
    // then
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void tokenBucketRefusesBeyondItsRateAndRefills() {
    // given
    TokenBucket bucket = new TokenBucket(6, time);
    for (int i = 0; i < 6; i++) {
      assertThat(bucket.tryAcquire()).isTrue();
    }
    // when
    boolean exhausted = bucket.tryAcquire();
    time.advance(Duration.ofSeconds(10));
    boolean refilled = bucket.tryAcquire();
    boolean againExhausted = bucket.tryAcquire();
    // then
    assertThat(exhausted).isFalse();
    assertThat(refilled).isTrue();
    assertThat(againExhausted).isFalse();
  }

  @Test
  void readsRetryAfterAsSecondsOrHttpDate() {
    // given
    PretixHttp http = new PretixHttp(new RequestPacer(0, time, time), time, time, 3, Duration.ZERO);
    // when / then
    assertThat(http.retryAfter("12")).isEqualTo(Duration.ofSeconds(12));
    assertThat(http.retryAfter("Sun, 01 Mar 2026 09:00:20 GMT")).isEqualTo(Duration.ofSeconds(20));
    assertThat(http.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
    assertThat(http.retryAfter("soon")).isEqualTo(Duration.ofSeconds(1));
    assertThat(http.retryAfter("-5")).isEqualTo(Duration.ZERO);
    assertThat(http.retryAfter("86400")).isEqualTo(Duration.ofMinutes(5));
  }
}
