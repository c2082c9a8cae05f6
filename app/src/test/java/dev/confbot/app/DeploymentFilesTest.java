package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.config.ConfbotConfig;
import dev.confbot.config.ConfigLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The files a server deploy is made of — {@code Dockerfile}, {@code compose.yaml}, {@code
 * config.example.toml} and the workflows — agree on paths, ports, user, volume and image name. Each
 * test names the two places that must agree, so a change to one that forgets the other fails here
 * rather than on the first deploy.
 */
class DeploymentFilesTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern HEALTH_URL =
      Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/healthz");

  private final List<String> dockerfile;
  private final Map<String, Object> compose;
  private final Map<String, Object> service;

  @SuppressWarnings("unchecked")
  DeploymentFilesTest() throws IOException {
    dockerfile = instructions(read("Dockerfile"));
    compose = new Yaml().load(read("compose.yaml"));
    Map<String, Object> services =
        (Map<String, Object>) Objects.requireNonNull(compose.get("services"), "services");
    service =
        (Map<String, Object>)
            Objects.requireNonNull(services.get("confbot"), "compose.yaml has no service confbot");
  }

  @Test
  void runtimeUserIsNotRootAndOwnsTheDataDirectory() {
    String user = argument(lastStage(), "USER");
    assertThat(user).isNotIn("root", "0");
    String dataDir = environment().get("CONFBOT_DATA_DIR");
    String setup = String.join("\n", lastStage());
    assertThat(setup)
        .as("the runtime stage creates user " + user + " and gives it " + dataDir)
        .contains("useradd")
        .contains(user)
        .containsPattern("chown " + Pattern.quote(user + ":" + user) + " [^\\n]*" + dataDir);
  }

  @Test
  void dataDirectoryIsTheImageVolumeAndTheComposeVolume() {
    String dataDir = environment().get("CONFBOT_DATA_DIR");
    assertThat(dataDir).as("Dockerfile ENV CONFBOT_DATA_DIR").isNotBlank();
    assertThat(argument(lastStage(), "VOLUME")).as("Dockerfile VOLUME").contains(dataDir);

    Map<String, String> mounts = mounts();
    String namedVolume =
        mounts.entrySet().stream()
            .filter(e -> e.getValue().equals(dataDir))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow(() -> new AssertionError("compose.yaml mounts nothing on " + dataDir));
    assertThat(namedVolume).as("a named volume, not a host directory").doesNotContain("/");
    assertThat(topLevelVolumes())
        .as("compose.yaml declares volume " + namedVolume)
        .containsKey(namedVolume);
  }

  @Test
  void configurationFileIsMountedWhereTheImageReadsIt() {
    String cmd = argument(lastStage(), "CMD");
    Matcher config = Pattern.compile("\"--config\",\\s*\"([^\"]+)\"").matcher(cmd);
    assertThat(config.find()).as("Dockerfile CMD passes --config: " + cmd).isTrue();
    assertThat(mounts())
        .as("compose.yaml mounts config.toml")
        .containsEntry("./config.toml", config.group(1));
    assertThat(volumeEntries())
        .anySatisfy(v -> assertThat(v).startsWith("./config.toml:").endsWith(":ro"));
  }

  @Test
  void healthCheckExposedPortAndPublishedPortAreTheHttpPort() {
    String port = environment().get("CONFBOT_HTTP_PORT");
    assertThat(port).as("Dockerfile ENV CONFBOT_HTTP_PORT").isNotBlank();
    assertThat(argument(lastStage(), "EXPOSE")).as("Dockerfile EXPOSE").isEqualTo(port);
    Matcher url = HEALTH_URL.matcher(argument(lastStage(), "HEALTHCHECK"));
    assertThat(url.find()).as("HEALTHCHECK asks /healthz on loopback").isTrue();
    assertThat(url.group(1)).as("HEALTHCHECK port").isEqualTo(port);
    assertThat(argument(lastStage(), "HEALTHCHECK")).contains("dev.confbot.app.HealthProbe");
    @SuppressWarnings("unchecked")
    List<Object> ports = (List<Object>) Objects.requireNonNull(service.get("ports"), "ports");
    assertThat(ports)
        .as("compose.yaml publishes the container's port " + port + " on the host's loopback")
        .anySatisfy(
            p -> assertThat(String.valueOf(p)).startsWith("127.0.0.1:").endsWith(":" + port));
  }

  @Test
  void exampleConfigurationInTheContainerUsesTheVolumeAndServesHealth(@TempDir Path dir)
      throws IOException {
    // given: config.example.toml as compose.yaml mounts it, with the image's environment
    Path config = Files.copy(ROOT.resolve("config.example.toml"), dir.resolve("config.toml"));
    Map<String, String> env = new HashMap<>(environment());
    env.put("DISCORD_BOT_TOKEN", "deploy-test");
    env.put("PRETIX_TOKEN", "deploy-test");

    // when
    ConfbotConfig loaded = new ConfigLoader(env).load(config).config();

    // then
    assertThat(loaded.runtime().dataDir()).isEqualTo(Path.of(env.get("CONFBOT_DATA_DIR")));
    assertThat(loaded.runtime().port()).hasValue(Integer.parseInt(env.get("CONFBOT_HTTP_PORT")));
  }

  @Test
  void secretsComeFromAnEnvFileThatIsNeverInTheImage() throws IOException {
    assertThat(service.get("env_file")).as("compose.yaml env_file").isEqualTo(".secrets");
    assertThat(read(".dockerignore").lines()).contains(".secrets", "config.local.toml", "data/");
  }

  @Test
  void imageNameComesFromOnePlace() throws IOException {
    assertThat(String.valueOf(service.get("image")))
        .as("compose.yaml pulls the image and tag the server's .env names")
        .isEqualTo("${CONFBOT_IMAGE:-confbot}:${CONFBOT_TAG:-local}");
    String deploy = read(".github/workflows/deploy.yml");
    assertThat(deploy)
        .contains("CONFBOT_IMAGE=%s\\nCONFBOT_TAG=%s")
        .contains("$(.github/scripts/image-name)")
        .contains("scp compose.yaml");
    assertThat(read(".github/workflows/release.yml")).contains(".github/scripts/image-name");
    assertThat(read(".github/scripts/image-name")).contains("ghcr.io/%s");
    assertThat(read(".github/workflows/ci.yml")).contains(".github/scripts/image-smoke");
  }

  // --- reading the files ---

  private static String read(String file) throws IOException {
    return Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
  }

  /** Dockerfile instructions, continuation lines joined, comments dropped. */
  private static List<String> instructions(String text) {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.lines().toList()) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      current.append(trimmed);
      if (current.length() > 0) {
        result.add(current.toString().strip());
      }
      current.setLength(0);
    }
    return result;
  }

  private List<String> lastStage() {
    int from = 0;
    for (int i = 0; i < dockerfile.size(); i++) {
      if (dockerfile.get(i).startsWith("FROM ")) {
        from = i;
      }
    }
    return dockerfile.subList(from, dockerfile.size());
  }

  /** The argument of the last {@code keyword} instruction of {@code stage}. */
  private static String argument(List<String> stage, String keyword) {
    String found = null;
    for (String instruction : stage) {
      if (instruction.startsWith(keyword + " ")) {
        found = instruction.substring(keyword.length() + 1).strip();
      }
    }
    return Objects.requireNonNull(found, "Dockerfile's runtime stage has no " + keyword);
  }

  /** The runtime stage's {@code ENV KEY=VALUE} pairs. */
  private Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    Matcher pair = Pattern.compile("([A-Z_]+)=(\"[^\"]*\"|\\S+)").matcher("");
    for (String instruction : lastStage()) {
      if (instruction.startsWith("ENV ")) {
        pair.reset(instruction.substring(4));
        while (pair.find()) {
          env.put(pair.group(1), pair.group(2).replace("\"", ""));
        }
      }
    }
    return env;
  }

  @SuppressWarnings("unchecked")
  private List<String> volumeEntries() {
    return ((List<Object>) Objects.requireNonNull(service.get("volumes"), "volumes"))
        .stream().map(String::valueOf).toList();
  }

  /** compose.yaml's {@code source:target[:mode]} volume entries, source → target. */
  private Map<String, String> mounts() {
    Map<String, String> mounts = new LinkedHashMap<>();
    for (String entry : volumeEntries()) {
      String[] parts = entry.split(":");
      mounts.put(parts[0], parts[1]);
    }
    return mounts;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> topLevelVolumes() {
    Object volumes = compose.get("volumes");
    return volumes == null ? Map.of() : (Map<String, Object>) volumes;
  }
}
