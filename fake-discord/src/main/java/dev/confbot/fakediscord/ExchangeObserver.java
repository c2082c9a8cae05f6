package dev.confbot.fakediscord;

/**
 * Sees every HTTP exchange of one fake, e.g. to check it against Discord's OpenAPI description.
 * Called on the REST server's threads before the answer is sent, so it must be thread-safe and must
 * not block for long; a throwing observer is logged and ignored. A fake without observers behaves
 * exactly as before.
 *
 * <p>Observers are given to {@link FakeDiscord.Builder#observer(ExchangeObserver)}, or made for
 * every fake started in a JVM by a {@link Provider} listed in {@code
 * META-INF/services/dev.confbot.fakediscord.ExchangeObserver$Provider} (how the end-to-end tests
 * switch on the OpenAPI conformance checks).
 */
public interface ExchangeObserver {

  /** One exchange the fake answered. */
  void exchanged(Exchange exchange);

  /**
   * The fake was closed and has answered its last exchange. An observer may throw here (e.g. an
   * {@link AssertionError} listing what it found) to fail the test that closed the fake.
   */
  default void closed() {}

  /**
   * Makes an observer for each fake started in this JVM; found with {@link
   * java.util.ServiceLoader}.
   */
  interface Provider {
    ExchangeObserver create();
  }
}
