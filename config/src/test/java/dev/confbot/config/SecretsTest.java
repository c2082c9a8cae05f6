package dev.confbot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SecretsTest {
  private final Secrets secrets =
      new Secrets(
          Map.of("FROM_FILE", "file-value", "BOTH", "file"), Map.of("BOTH", "env", "EMPTY", " "));

  @Test
  void environmentWinsAndBlankEnvironmentValuesFallBackToTheFile() {
    assertThat(secrets.lookup("BOTH")).hasValue("env");
    assertThat(secrets.lookup("FROM_FILE")).hasValue("file-value");
    assertThat(secrets.lookup("EMPTY")).isEmpty();
    assertThat(secrets.used())
        .containsExactly(
            new SecretSource("BOTH", SecretSource.Origin.ENVIRONMENT),
            new SecretSource("FROM_FILE", SecretSource.Origin.SECRETS_FILE));
  }

  @Test
  void reportsEveryUnresolvableReferenceOfAValue() {
    // given
    Problems problems = new Problems();

    // when
    var resolved = secrets.resolve("${MISSING}-${FROM_FILE}-${not valid}", "key.path", problems);

    // then
    assertThat(resolved).isEmpty();
    assertThat(problems.list())
        .extracting(ConfigProblem::path)
        .containsExactly("key.path", "key.path");
    assertThat(problems.list().toString()).contains("MISSING").doesNotContain("file-value");
  }

  @Property
  void substitutesReferencesAnywhereInAString(
      @ForAll @AlphaChars @StringLength(max = 20) String prefix,
      @ForAll @AlphaChars @StringLength(max = 20) String suffix) {
    // given
    Problems problems = new Problems();

    // when
    var resolved = secrets.resolve(prefix + "${FROM_FILE}" + suffix, "k", problems);

    // then
    assertThat(resolved).hasValue(prefix + "file-value" + suffix);
    assertThat(problems.any()).isFalse();
  }

  @Property
  void leavesStringsWithoutReferencesAlone(@ForAll String value) {
    // given
    Assume.that(!value.contains("${"));
    Problems problems = new Problems();

    // when
    var resolved = secrets.resolve(value, "k", problems);

    // then
    assertThat(resolved).hasValue(value);
    assertThat(problems.any()).isFalse();
  }
}
