package dev.confbot.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.confbot.config.RegistrationConfig;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.AttemptLog;
import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.port.PendingRestores;
import dev.confbot.core.port.RoleGateway;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.registration.CancellationPolicy;
import dev.confbot.core.registration.ClaimAdministration;
import dev.confbot.core.registration.OrderLookup;
import dev.confbot.core.registration.RegistrationMessages;
import dev.confbot.core.registration.RegistrationService;
import dev.confbot.core.registration.RegistrationSettings;
import dev.confbot.core.registration.RoleMapping;
import dev.confbot.core.registration.SpeakerRoleSync;
import dev.confbot.core.registration.SpeakerRoles;
import dev.confbot.core.registration.TicketIndex;
import dev.confbot.core.registration.TicketLifecycle;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Registration: the ticket index, the ticket → role mapping with its speakers, the ticket
 * lifecycle, direct order lookups and the registration service, over the ports {@link ClaimStore},
 * {@link RoleGateway}, {@link AuditSink}, {@link AttemptLog}, {@link PendingRestores} and {@link
 * TicketSource}, and bindings for {@link Clock}, {@link OrderLookup.Settings} and {@link
 * RegistrationMessages}. {@link CoreServicesModule} installs it for a running confbot; {@code
 * tickets lookup} without a configuration installs it on its {@link Settings#defaults() defaults}.
 */
final class RegistrationModule extends AbstractModule {
  /**
   * What registration is configured with.
   *
   * @param registration states that may register, nickname, attempt limits
   * @param onCancel what happens to a claimed ticket that is cancelled
   * @param mapping ticket → roles, before speakers are added
   * @param speakerRoles roles of the schedule's speakers (none: no speaker roles)
   */
  record Settings(
      RegistrationSettings registration,
      CancellationPolicy onCancel,
      RoleMapping mapping,
      List<RoleRef> speakerRoles) {
    Settings {
      speakerRoles = List.copyOf(speakerRoles);
    }

    /** The registration part of a configuration. */
    static Settings of(RegistrationConfig config) {
      return new Settings(
          Wiring.registrationSettings(config),
          Wiring.cancellationPolicy(config),
          Wiring.roleMapping(config),
          config.speakerRoles());
    }

    /** Registration without a configuration: paid tickets, no roles, alerts only on cancelling. */
    static Settings defaults() {
      return new Settings(
          RegistrationSettings.defaults(),
          CancellationPolicy.ALERT_ONLY,
          RoleMapping.byName(Map.of()),
          List.of());
    }
  }

  private final Settings settings;

  RegistrationModule(Settings settings) {
    this.settings = settings;
  }

  @Provides
  @Singleton
  TicketIndex ticketIndex() {
    return new TicketIndex();
  }

  @Provides
  @Singleton
  RoleMapping roleMapping(SpeakerRoles speakers) {
    return settings.mapping().withSpeakerRoles(speakers);
  }

  /** Who is a speaker: follows the schedule ({@link SpeakerRoleSync} updates it). */
  @Provides
  @Singleton
  SpeakerRoles speakerRoles() {
    return new SpeakerRoles(settings.speakerRoles());
  }

  @Provides
  @Singleton
  SpeakerRoleSync speakerRoleSync(
      SpeakerRoles speakers,
      TicketIndex index,
      ClaimStore claims,
      RoleGateway roles,
      AuditSink audit) {
    return new SpeakerRoleSync(
        speakers, index, claims, roles, audit, settings.registration().allowedStates());
  }

  /** Organizers' lookup and release of claims ({@code /registration}). */
  @Provides
  @Singleton
  ClaimAdministration claimAdministration(
      ClaimStore claims,
      TicketIndex index,
      RoleMapping mapping,
      RoleGateway roles,
      AuditSink audit) {
    return new ClaimAdministration(claims, index, mapping, roles, audit);
  }

  @Provides
  @Singleton
  TicketLifecycle ticketLifecycle(
      TicketIndex index,
      ClaimStore claims,
      RoleGateway roles,
      RoleMapping mapping,
      AuditSink audit,
      Clock clock,
      PendingRestores pendingRestores) {
    return new TicketLifecycle(
        index,
        claims,
        roles,
        mapping,
        audit,
        clock,
        settings.onCancel(),
        settings.registration().allowedStates(),
        pendingRestores);
  }

  /**
   * Direct pretix lookups on their own bounded executor; the lifecycle (or a one-shot command)
   * stops it.
   */
  @Provides
  @Singleton
  OrderLookup orderLookup(
      TicketIndex index, TicketSource source, Clock clock, OrderLookup.Settings lookups) {
    return OrderLookup.start(index, source, clock, lookups);
  }

  @Provides
  @Singleton
  RegistrationService registrationService(
      OrderLookup orders,
      ClaimStore claims,
      RoleGateway roles,
      RoleMapping mapping,
      AuditSink audit,
      AttemptLog attempts,
      Clock clock,
      RegistrationMessages messages) {
    return new RegistrationService(
        orders, claims, roles, mapping, audit, attempts, clock, settings.registration(), messages);
  }
}
