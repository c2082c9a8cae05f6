package dev.confbot.core.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confbot.core.model.OrderStatus;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistrationSettingsTest {

  @Test
  void defaultsToPaidOnlyAndFiveFailuresInTenMinutes() {
    RegistrationSettings d = RegistrationSettings.defaults();
    assertThat(d.allowedStates()).containsExactly(OrderStatus.PAID);
    assertThat(d.maxFailedAttempts()).isEqualTo(5);
    assertThat(d.failedAttemptWindow()).isEqualTo(Duration.ofMinutes(10));
    assertThat(d.setNickname()).isFalse();
  }

  @Test
  void rejectsCancelledOrNoAllowedStates() {
    assertThatThrownBy(() -> RegistrationSettings.defaults().withAllowedStates(Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                RegistrationSettings.defaults()
                    .withAllowedStates(Set.of(OrderStatus.PAID, OrderStatus.CANCELED)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cancelled");
  }

  @Test
  void rejectsNonsensicalLimits() {
    Set<OrderStatus> paid = Set.of(OrderStatus.PAID);
    Duration minute = Duration.ofMinutes(1);
    assertThatThrownBy(() -> new RegistrationSettings(paid, false, 0, minute, minute, minute))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new RegistrationSettings(paid, false, 5, Duration.ZERO, minute, minute))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new RegistrationSettings(paid, false, 5, minute, minute.negated(), minute))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new RegistrationSettings(paid, false, 5, minute, minute, minute.negated()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
