package dev.confbot.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplatesTest {

  @Test
  void cutsAtTheLastWordBoundaryAndMarksTheCut() {
    // when
    String cut = Templates.cutAtWord("one two three four", 12);
    // then
    assertThat(cut).isEqualTo("one two…");
  }

  @Test
  void dropsPunctuationBeforeTheEllipsis() {
    // when
    String cut = Templates.cutAtWord("First sentence. Second one is long", 20);
    // then
    assertThat(cut).isEqualTo("First sentence…");
  }

  @Test
  void cutsInsideAWordThatIsTooLongToKeep() {
    // when
    String cut = Templates.cutAtWord("abcdefghijklmnop", 6);
    // then
    assertThat(cut).isEqualTo("abcde…");
  }

  @Test
  void keepsShortTextWithCollapsedWhitespace() {
    // when / then
    assertThat(Templates.cutAtWord("  a\n\n b  ", 10)).isEqualTo("a b");
  }

  @Test
  void neverSplitsASurrogatePair() {
    // when
    String cut = Templates.cutAtWord("ab😀😀😀", 4);
    // then
    assertThat(cut).isEqualTo("ab…");
  }

  @Test
  void makesSlugsFromAccentedTitles() {
    // when / then
    assertThat(Templates.slug("Zoë's  Café: ÜBER *Python*!")).isEqualTo("zoe-s-cafe-uber-python");
    assertThat(Templates.slug("???")).isEqualTo("session");
  }
}
