package dev.confbot.adapter.discord;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.registration.RegistrationMessages;
import dev.confbot.core.registration.RegistrationResult;
import dev.confbot.core.registration.RegistrationService;
import dev.confbot.core.registration.TicketLifecycle;
import java.util.Locale;

/**
 * The {@link RegistrationDesk} over the core: a submitted form goes to {@link
 * RegistrationService#register}, whose result becomes the attendee's text; a returning member gets
 * the roles of their claims from {@link TicketLifecycle#rolesOnRejoin}. Texts are English (or the
 * configured overrides) until the translation issue adds per-locale texts.
 */
public final class ServiceRegistrationDesk implements RegistrationDesk {
  private final RegistrationService service;
  private final TicketLifecycle lifecycle;
  private final RegistrationMessages messages;

  /**
   * @param service registers members with tickets
   * @param lifecycle restores roles of returning members
   * @param messages the attendee texts
   */
  public ServiceRegistrationDesk(
      RegistrationService service, TicketLifecycle lifecycle, RegistrationMessages messages) {
    this.service = service;
    this.lifecycle = lifecycle;
    this.messages = messages;
  }

  @Override
  public String register(long memberId, String orderCode, String fullName, Locale locale) {
    RegistrationResult result = service.register(new MemberId(memberId), orderCode, fullName);
    return messages.attendeeMessage(result);
  }

  @Override
  public void memberJoined(long memberId) {
    lifecycle.rolesOnRejoin(new MemberId(memberId));
  }
}
