package dev.confbot.fakediscord;

import java.util.List;

/**
 * A modal the bot opened in answer to an interaction (callback type 9).
 *
 * @param customId the modal's custom id, sent back on submit
 * @param title the modal title, ≤ 45 chars
 * @param inputs the text inputs, in order
 */
public record FakeModal(String customId, String title, List<Input> inputs) {

  /** Copies the inputs. */
  public FakeModal {
    inputs = List.copyOf(inputs);
  }

  /**
   * One text input of a modal (whether wrapped in a Label or, deprecated, an action row).
   *
   * @param customId the input's custom id
   * @param label the label text, "" when none
   * @param required whether Discord requires a value
   * @param minLength minimum length, 0 when unset
   * @param maxLength maximum length, 4000 when unset
   */
  public record Input(
      String customId, String label, boolean required, int minLength, int maxLength) {}
}
