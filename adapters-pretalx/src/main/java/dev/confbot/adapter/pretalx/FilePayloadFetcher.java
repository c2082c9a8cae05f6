package dev.confbot.adapter.pretalx;

import dev.confbot.core.port.GatewayException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Reads the schedule from a local file (UTF-8); changes are noticed by the content hash. */
final class FilePayloadFetcher implements PayloadFetcher {

  private final Path file;

  FilePayloadFetcher(Path file) {
    this.file = file;
  }

  @Override
  public String location() {
    return file.toString();
  }

  @Override
  public Result fetch(@Nullable String etag, @Nullable String lastModified) {
    try {
      return new Fresh(Files.readString(file, StandardCharsets.UTF_8), null, null);
    } catch (NoSuchFileException e) {
      throw new GatewayException("pretalx", "schedule file not found: " + file, e);
    } catch (CharacterCodingException e) {
      throw new GatewayException("pretalx", "schedule file is not UTF-8 text: " + file, e);
    } catch (IOException e) {
      throw new GatewayException(
          "pretalx",
          "cannot read schedule file " + file + " (" + e.getClass().getSimpleName() + ")",
          e);
    }
  }
}
