package dev.confbot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SecretsFileTest {
  @Test
  void parsesEveryAllowedForm() {
    // given
    String content =
        "\uFEFF# comment\n\n"
            + "PLAIN=abc\n"
            + "  SPACED  =  def  \n"
            + "export EXPORTED=ghi\n"
            + "DOUBLE=\"with spaces # and hash\"\n"
            + "SINGLE='single' # trailing comment\n"
            + "COMMENTED=value # comment\n"
            + "URL=https://discord.com/api/webhooks/1/a#b\r\n"
            + "PLAIN=override\n";
    Problems problems = new Problems();

    // when
    Map<String, String> secrets = SecretsFile.parse(content, ".secrets", problems);

    // then
    assertThat(problems.list()).isEmpty();
    assertThat(secrets)
        .containsExactly(
            Map.entry("PLAIN", "override"),
            Map.entry("SPACED", "def"),
            Map.entry("EXPORTED", "ghi"),
            Map.entry("DOUBLE", "with spaces # and hash"),
            Map.entry("SINGLE", "single"),
            Map.entry("COMMENTED", "value"),
            Map.entry("URL", "https://discord.com/api/webhooks/1/a#b"));
  }

  @Test
  void reportsEachMalformedLineByNumber() {
    // given
    String content = "GOOD=1\nno equals sign\n1BAD=x\nEMPTY=\nQ=\"open\nT='a' b\n";
    Problems problems = new Problems();

    // when
    Map<String, String> secrets = SecretsFile.parse(content, "s", problems);

    // then
    assertThat(secrets).containsOnlyKeys("GOOD");
    assertThat(problems.list())
        .extracting(ConfigProblem::path)
        .containsExactly("s:2", "s:3", "s:4 (EMPTY)", "s:5 (Q)", "s:6 (T)");
  }

  @Property
  void readsBackWhatWasWrittenInAnyStyle(
      @ForAll("entries") @Size(max = 8) List<Map.Entry<String, String>> entries,
      @ForAll("styles") @Size(8) List<Integer> styles) {
    // given
    StringBuilder content = new StringBuilder("# generated\n");
    Map<String, String> expected = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      String key = entries.get(i).getKey();
      String value = entries.get(i).getValue();
      content.append(render(key, value, styles.get(i))).append(i % 2 == 0 ? "\n" : "\n\n");
      expected.remove(key);
      expected.put(key, value);
    }
    Problems problems = new Problems();

    // when
    Map<String, String> secrets = SecretsFile.parse(content.toString(), ".secrets", problems);

    // then
    assertThat(problems.list()).isEmpty();
    assertThat(secrets).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Property
  void neverRevealsTheContentOfAMalformedLine(@ForAll("malformedLines") String line) {
    // given
    Problems problems = new Problems();

    // when
    SecretsFile.parse("OK=1\n" + line + "\n", ".secrets", problems);

    // then
    assertThat(problems.list()).hasSize(1);
    assertThat(problems.list().get(0).path()).startsWith(".secrets:2");
    assertThat(problems.list().toString()).doesNotContain(line.strip());
  }

  @Property
  void neverFailsOnArbitraryContent(@ForAll String content) {
    // when
    Problems problems = new Problems();
    Map<String, String> secrets = SecretsFile.parse(content, ".secrets", problems);

    // then
    assertThat(secrets.values()).allSatisfy(v -> assertThat(v).isNotEmpty());
  }

  private static String render(String key, String value, int style) {
    switch (style) {
      case 0:
        return key + "=" + value;
      case 1:
        return "export " + key + " = \"" + value + "\"";
      case 2:
        return "  " + key + "='" + value + "'   # note";
      default:
        return key + "=" + value + " # trailing comment";
    }
  }

  @Provide
  Arbitrary<List<Map.Entry<String, String>>> entries() {
    Arbitrary<String> keys =
        Combinators.combine(
                Arbitraries.strings().withChars("ABCXYZ_").ofLength(1),
                Arbitraries.strings().withChars("ABCXYZ_0129").ofMaxLength(12))
            .as((head, tail) -> head + tail);
    Arbitrary<String> values =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('0', '9')
            .withChars("-_./:+=@!$%&*?~")
            .ofMinLength(1)
            .ofMaxLength(40);
    return Combinators.combine(keys, values).as(Map::entry).list();
  }

  @Provide
  Arbitrary<List<Integer>> styles() {
    return Arbitraries.integers().between(0, 3).list();
  }

  @Provide
  Arbitrary<String> malformedLines() {
    Arbitrary<String> noEquals =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars(" -:;,.!?\"'")
            .ofMinLength(8)
            .ofMaxLength(60)
            .filter(s -> !s.isBlank() && s.strip().length() >= 8);
    Arbitrary<String> badKey =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .ofMinLength(8)
            .ofMaxLength(30)
            .map(s -> "9" + s + "=" + s);
    Arbitrary<String> openQuote =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .ofMinLength(8)
            .ofMaxLength(30)
            .map(s -> "KEY=\"" + s);
    return Arbitraries.oneOf(noEquals, badKey, openQuote);
  }
}
