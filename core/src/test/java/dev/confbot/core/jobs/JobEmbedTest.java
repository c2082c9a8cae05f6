package dev.confbot.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class JobEmbedTest {

  @Test
  void rendersTitleLinkCompanyTextAndImage() {
    // given
    JobOffer offer =
        new JobOffer(
            "ACME", "Dev", URI.create("https://acme.example/1"), "Write Python.", "img/acme.png");
    // when
    JobEmbed embed = JobEmbed.of(offer);
    // then
    assertThat(embed)
        .isEqualTo(
            new JobEmbed("Dev", "https://acme.example/1", "Write Python.", "ACME", "img/acme.png"));
    assertThat(embed.imageFileName()).contains("acme.png");
  }

  @Test
  void hasNoImageWhenTheOfferHasNone() {
    JobEmbed embed = JobEmbed.of(new JobOffer("A", "B", URI.create("https://a.example"), "", ""));
    assertThat(embed.imageFile()).isEmpty();
    assertThat(embed.imageFileName()).isEmpty();
  }

  @Test
  void cutsALongTextAtAWordWithinTheLimit() {
    // given
    String text = "word ".repeat(2000);
    JobOffer offer = new JobOffer("A", "B", URI.create("https://a.example"), text, null);
    // when
    String description = JobEmbed.of(offer).description();
    // then
    assertThat(description).hasSizeLessThanOrEqualTo(4096).endsWith("word…");
  }

  @Property
  void cutNeverExceedsTheLimitNorSplitsAnEmoji(
      @ForAll @IntRange(min = 0, max = 300) int words,
      @ForAll @IntRange(min = 2, max = 60) int max) {
    // given
    String text = "ab😀 ".repeat(words) + "😀".repeat(words);
    // when
    String cut = JobEmbed.cut(text, max);
    // then
    assertThat(cut.length()).isLessThanOrEqualTo(Math.max(max, 0));
    assertThat(cut.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF)).isTrue();
    if (text.length() <= max) {
      assertThat(cut).isEqualTo(text);
    } else {
      assertThat(cut).endsWith("…");
    }
  }
}
