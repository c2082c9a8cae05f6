package dev.confbot.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class JobKeyTest {
  private static final URI LINK = URI.create("https://acme.example/jobs/1");

  @Test
  void isTheSha256OfTheCanonicalFields() {
    // given: sha256sum of "acme gmbh\nbackend developer\nhttps://acme.example/jobs/1"
    String expected = "b3a8bd6d146a28d28c751da188e31a16e401b6c39a3c0099fef89896476ac2a7";
    // when
    JobKey key = JobKey.of("ACME GmbH", "Backend Developer", LINK);
    // then
    assertThat(key.value()).isEqualTo(expected);
  }

  @Test
  void ignoresCaseSpacesAndUnicodeNormalisationOfCompanyAndTitle() {
    // given: "é" composed and decomposed
    JobKey composed = JobKey.of("Caf\u00e9 Ltd", "Développeur", LINK);
    JobKey decomposed = JobKey.of("  cafe\u0301   LTD ", "De\u0301veloppeur", LINK);
    // then
    assertThat(decomposed).isEqualTo(composed);
  }

  @Test
  void distinguishesLinksAndTitles() {
    JobKey key = JobKey.of("ACME", "Dev", LINK);
    assertThat(JobKey.of("ACME", "Dev", URI.create("https://acme.example/jobs/2")))
        .isNotEqualTo(key);
    assertThat(JobKey.of("ACME", "Ops", LINK)).isNotEqualTo(key);
    assertThat(JobKey.of("ACMEDev", "", LINK)).isNotEqualTo(JobKey.of("ACME", "Dev", LINK));
  }

  @Test
  void rejectsValuesThatAreNotAHash() {
    assertThatThrownBy(() -> new JobKey("abc")).isInstanceOf(IllegalArgumentException.class);
  }
}
