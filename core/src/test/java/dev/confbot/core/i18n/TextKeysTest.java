package dev.confbot.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextKeysTest {

  @Test
  void namesEveryDiscordTextOfTheBundles() throws IllegalAccessException {
    // given
    List<String> constants = new ArrayList<>();
    for (Field field : TextKeys.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        constants.add((String) field.get(null));
      }
    }
    // then
    assertThat(constants)
        .containsExactlyInAnyOrderElementsOf(
            Texts.bundledTexts(Language.ENGLISH).keySet().stream()
                .filter(k -> k.startsWith("discord."))
                .toList());
  }
}
