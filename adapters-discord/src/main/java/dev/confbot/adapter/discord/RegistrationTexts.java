package dev.confbot.adapter.discord;

/** Texts of the registration form and message (English; the i18n issue moves them to bundles). */
final class RegistrationTexts {
  static final String BUTTON = "Register";
  static final String MODAL_TITLE = "Register your ticket";
  static final String ORDER_LABEL = "Order code";
  static final String ORDER_DESCRIPTION = "As printed on your ticket, e.g. XJ7Q2";
  static final String NAME_LABEL = "Full name";
  static final String NAME_DESCRIPTION = "As printed on your ticket";
  static final String ONLINE =
      "**Welcome!** Click **Register** (or type `/register`) and enter your ticket's order code "
          + "and your full name to get your conference roles.";
  static final String OFFLINE =
      "Registration is **temporarily offline** while the bot restarts. Please try again in a few "
          + "minutes.";
  static final String BUSY =
      "Lots of people are registering right now. Please submit the form again in a minute.";
  static final String FAILED =
      "Something went wrong on our side while registering you. Please try again in a few "
          + "minutes, or ask the organizers in the help channel.";

  private RegistrationTexts() {}
}
