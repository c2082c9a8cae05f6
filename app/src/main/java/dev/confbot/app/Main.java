package dev.confbot.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code confbot} executable. Each subcommand is its own class, added with one line to {@code
 * subcommands}; subcommands reach the process environment through {@link #environment()} (via
 * {@code @ParentCommand Main main}) so that tests can run them in-process with a map.
 */
@Command(
    name = "confbot",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "The Discord bot for Python conferences: pretix ticket registration and pretalx programme"
          + " notifications.",
      ""
    },
    commandListHeading = "%nCommands:%n",
    footer = {
      "",
      "Exit codes: 0 success, 1 unexpected error, 2 invalid configuration or usage.",
      "Run 'confbot COMMAND --help' for the options of a command."
    },
    subcommands = {
      RunCommand.class,
      CheckCommand.class,
      TicketsCommand.class,
      JobsCommand.class,
      SetupCommand.class,
      ExportCommand.class,
      ScheduleCommand.class,
      DataCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class Main implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  /** Exit code of a run that failed in an unexpected way (a bug or an unreadable environment). */
  public static final int UNEXPECTED_ERROR = 1;

  /** Exit code for invalid configuration, and picocli's code for invalid usage. */
  public static final int INVALID = 2;

  private final Map<String, String> environment;

  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli before call()
  private CommandSpec spec;

  private Main(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Runs confbot with the process environment and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine(System.getenv()).execute(args));
  }

  /**
   * The configured command line: subcommands read secrets from {@code environment}; unexpected
   * exceptions become a one-line message on the error stream and exit code {@value
   * #UNEXPECTED_ERROR}, never a stack trace.
   */
  public static CommandLine commandLine(Map<String, String> environment) {
    CommandLine commandLine = new CommandLine(new Main(environment));
    commandLine.setExecutionExceptionHandler(Main::handleUnexpected);
    return commandLine;
  }

  /** The environment variables secrets are read from (the real ones outside tests). */
  public Map<String, String> environment() {
    return environment;
  }

  /** Without a command: {@code run}, as the bot's container starts it. */
  @Override
  public Integer call() {
    CommandLine run =
        Objects.requireNonNull(spec.commandLine().getSubcommands().get("run"), "run command");
    return run.execute();
  }

  private static int handleUnexpected(
      Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    log.debug("Command failed", exception);
    PrintWriter err = commandLine.getErr();
    String message = exception.getMessage();
    err.println(
        "confbot: "
            + commandLine.getCommandName()
            + " failed unexpectedly ("
            + exception.getClass().getSimpleName()
            + (message == null ? "" : ": " + message.lines().findFirst().orElse(""))
            + "). Please report this, with the command you ran.");
    err.flush();
    return UNEXPECTED_ERROR;
  }

  /** The version from the build, read from {@code confbot-version.properties}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("/confbot-version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {
        "confbot " + properties.getProperty("version", "(development build)"),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown") + ")"
      };
    }
  }
}
