package dev.confbot.core.registration;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class NicknamesTest {

  @Test
  void keepsShortNamesAsTheyAre() {
    assertThat(Nicknames.fromName("Ævar Þórsson")).contains("Ævar Þórsson");
  }

  @Test
  void cutsLongNamesAtAWordBoundary() {
    assertThat(Nicknames.fromName("Dr. Maria Anna Katharina van der Berg-Oberhausen"))
        .contains("Dr. Maria Anna Katharina van der");
  }

  @Test
  void cutsASingleOverlongWordAtTheLimit() {
    assertThat(Nicknames.fromName("Wolfeschlegelsteinhausenbergerdorff Sr"))
        .contains("Wolfeschlegelsteinhausenbergerdo");
  }

  @Test
  void removesControlAndInvisibleCharactersAndCollapsesSpaces() {
    assertThat(Nicknames.fromName(" Anna\u200B \n  Haddad\u0007 ")).contains("Anna Haddad");
  }

  @Test
  void givesNothingForAnEmptyName() {
    assertThat(Nicknames.fromName(" \u200B ")).isEmpty();
  }

  @Property
  void neverExceedsThirtyTwoCodePoints(@ForAll String name) {
    Nicknames.fromName(name)
        .ifPresent(
            n -> {
              assertThat(n.codePointCount(0, n.length())).isLessThanOrEqualTo(32);
              assertThat(n).isNotBlank().isEqualTo(n.strip());
            });
  }
}
