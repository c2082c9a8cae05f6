package dev.confbot.adapter.discord;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.registration.RegistrationMessages;
import dev.confbot.core.registration.RegistrationService;
import dev.confbot.core.registration.TicketLifecycle;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The {@link Registrar} over the core: a submitted form goes to {@link RegistrationService#submit},
 * whose result becomes the attendee's text; a returning member gets the roles of their claims from
 * {@link TicketLifecycle#rolesOnRejoin}. The answer is in the member's language where confbot
 * speaks it.
 */
public final class ServiceRegistrar implements Registrar {
  private final RegistrationService service;
  private final TicketLifecycle lifecycle;
  private final Function<Locale, RegistrationMessages> messages;

  /**
   * A registrar answering every member in one language.
   *
   * @param service registers members with tickets
   * @param lifecycle restores roles of returning members
   * @param messages the attendee texts
   */
  public ServiceRegistrar(
      RegistrationService service, TicketLifecycle lifecycle, RegistrationMessages messages) {
    this(service, lifecycle, locale -> messages);
  }

  /**
   * A registrar answering each member in the language of their Discord client.
   *
   * @param service registers members with tickets
   * @param lifecycle restores roles of returning members
   * @param messagesFor the attendee texts for a member's locale
   */
  public ServiceRegistrar(
      RegistrationService service,
      TicketLifecycle lifecycle,
      Function<Locale, RegistrationMessages> messagesFor) {
    this.service = service;
    this.lifecycle = lifecycle;
    this.messages = messagesFor;
  }

  @Override
  public CompletionStage<String> register(
      long memberId, String orderCode, String fullName, Locale locale, Executor continueOn) {
    RegistrationMessages texts = messages.apply(locale);
    return service
        .submit(new MemberId(memberId), orderCode, fullName, continueOn)
        .thenApply(texts::attendeeMessage);
  }

  @Override
  public void memberJoined(long memberId) {
    lifecycle.rolesOnRejoin(new MemberId(memberId));
  }
}
