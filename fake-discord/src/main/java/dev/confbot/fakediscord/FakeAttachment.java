package dev.confbot.fakediscord;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A file attached to a message, with its bytes as uploaded. */
public final class FakeAttachment {
  private final long id;
  private final String filename;
  private final String contentType;
  private final byte[] content;

  FakeAttachment(long id, String filename, String contentType, byte[] content) {
    this.id = id;
    this.filename = filename;
    this.contentType = contentType;
    this.content = content.clone();
  }

  /** The attachment's snowflake. */
  public long id() {
    return id;
  }

  /** The file name as uploaded. */
  public String filename() {
    return filename;
  }

  /** The part's content type, {@code application/octet-stream} when none was sent. */
  public String contentType() {
    return contentType;
  }

  /** A copy of the uploaded bytes. */
  public byte[] content() {
    return content.clone();
  }

  /** The size in bytes. */
  public int size() {
    return content.length;
  }

  /** The content decoded as UTF-8, convenient for text files. */
  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FakeAttachment
        && ((FakeAttachment) other).id == id
        && ((FakeAttachment) other).filename.equals(filename)
        && Arrays.equals(((FakeAttachment) other).content, content);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }

  @Override
  public String toString() {
    return "FakeAttachment[" + filename + ", " + content.length + " bytes]";
  }
}
