package dev.confbot.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.GatewayException;
import java.time.Instant;
import java.time.LocalDateTime;

/** The dependency rules of the hexagon, checked on the production classes of every module. */
@AnalyzeClasses(
    packages = "dev.confbot",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

  /** Leaves out the modules' test jars (core's fakes and contracts), which hold test classes. */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar");
    }
  }

  @ArchTest
  static final ArchRule coreIsPlainJava =
      classes()
          .that()
          .resideInAPackage("dev.confbot.core..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("dev.confbot.core..", "java..", "org.jspecify..")
          .because("core is reusable without Discord, HTTP or any library");

  @ArchTest
  static final ArchRule adaptersDoNotMeet =
      slices()
          .matching("dev.confbot.adapter.(*)..")
          .should()
          .notDependOnEachOther()
          .because("each adapter talks to one outside system and only to the core");

  @ArchTest
  static final ArchRule onlyAppSeesEverything =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.confbot.app..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.confbot.app..")
          .because("app assembles the modules; nothing depends on it");

  @ArchTest
  static final ArchRule configKnowsNoAdapter =
      noClasses()
          .that()
          .resideInAPackage("dev.confbot.config..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.confbot.adapter..", "dev.confbot.fakediscord..");

  @ArchTest
  static final ArchRule adaptersKnowNoConfiguration =
      noClasses()
          .that()
          .resideInAPackage("dev.confbot.adapter..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.confbot.config..")
          .because(
              "each adapter takes its own settings record; app turns the configuration into them");

  @ArchTest
  static final ArchRule productionCodeDoesNotUseTheFakeDiscord =
      noClasses()
          .that()
          .resideInAnyPackage("dev.confbot.core..", "dev.confbot.config..", "dev.confbot.adapter..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.confbot.fakediscord..");

  @ArchTest
  static final ArchRule timeComesFromAClock =
      noClasses()
          .that()
          .resideInAnyPackage("dev.confbot.core..", "dev.confbot.config..", "dev.confbot.adapter..")
          .should()
          .callMethod(Instant.class, "now")
          .orShould()
          .callMethod(LocalDateTime.class, "now")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .because("planning and limits must follow the injected Clock (rehearsals, tests)");

  @ArchTest
  static final ArchRule noJavaUtilLogging =
      GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

  @ArchTest
  static final ArchRule onlyTheCliPrints =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.confbot.app..", "dev.confbot.fakediscord.conformance..")
          .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
          .because(
              "output goes through SLF4J; only the CLI (and the conformance check's driver, whose"
                  + " output is its report) talks to the terminal");

  /** A Guice module or a picocli command, or a class nested in one (lambdas, anonymous types). */
  private static final DescribedPredicate<JavaClass> WIRING_OR_CLI =
      DescribedPredicate.describe(
          "Guice modules and picocli commands",
          c -> {
            for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
              if (k.isAssignableTo(com.google.inject.Module.class)
                  || k.isAnnotatedWith(picocli.CommandLine.Command.class)) {
                return true;
              }
            }
            return false;
          });

  /**
   * Use cases live in core: in app, only the Guice modules (which build the services) and the CLI
   * commands (one-shot tools) touch core's ports. The lifecycle, health server, setup helpers and
   * the like go through core services; they may still catch {@link GatewayException} and report
   * start-up problems to the {@link AuditSink}.
   */
  @ArchTest
  static final ArchRule appHoldsNoUseCases =
      noClasses()
          .that()
          .resideInAPackage("dev.confbot.app..")
          .and(DescribedPredicate.not(WIRING_OR_CLI))
          .should()
          .dependOnClassesThat(
              DescribedPredicate.describe(
                  "are core ports (other than GatewayException and AuditSink)",
                  (JavaClass c) ->
                      c.getPackageName().equals("dev.confbot.core.port")
                          && !c.isEquivalentTo(GatewayException.class)
                          && !c.isEquivalentTo(AuditSink.class)))
          .because("use cases belong in core services; app only wires and runs them");

  @ArchTest
  static final ArchRule noJdaInApp =
      noClasses()
          .that()
          .resideInAPackage("dev.confbot.app..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("net.dv8tion..")
          .because(
              "everything that talks JDA is in adapters-discord: its DiscordModule for the bot,"
                  + " DiscordSession for the one-shot commands");

  /**
   * A core class that uses one of core's ports (other than the {@link GatewayException} every port
   * may throw): a use case. Ports themselves and the values they carry do not.
   */
  private static final DescribedPredicate<JavaClass> CORE_USE_CASE =
      DescribedPredicate.describe(
          "core use cases (core classes that use a port)",
          c ->
              c.getPackageName().startsWith("dev.confbot.core")
                  && !c.getPackageName().equals("dev.confbot.core.port")
                  && c.getDirectDependenciesFromSelf().stream()
                      .map(d -> d.getTargetClass())
                      .anyMatch(
                          t ->
                              t.getPackageName().equals("dev.confbot.core.port")
                                  && !t.isEquivalentTo(GatewayException.class)));

  @ArchTest
  static final ArchRule drivenAdaptersUseCoreThroughItsPorts =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.confbot.adapter.pretix..",
              "dev.confbot.adapter.pretalx..",
              "dev.confbot.adapter.sqlite..")
          .should()
          .dependOnClassesThat(CORE_USE_CASE)
          .because(
              "pretix, pretalx and SQLite adapters implement core's ports with the values those"
                  + " carry; the use cases call them, not the other way round");

  @ArchTest
  static final ArchRule adaptersImplementOnlyPorts =
      classes()
          .that()
          .resideInAPackage("dev.confbot.adapter..")
          .and()
          .areNotInterfaces()
          .should(
              new com.tngtech.archunit.lang.ArchCondition<JavaClass>(
                  "implement no core type other than a port") {
                @Override
                public void check(
                    JavaClass item, com.tngtech.archunit.lang.ConditionEvents events) {
                  for (JavaClass type : item.getAllRawInterfaces()) {
                    if (type.getPackageName().startsWith("dev.confbot.core")
                        && !type.getPackageName().equals("dev.confbot.core.port")) {
                      events.add(
                          com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                              item, item.getName() + " implements " + type.getName()));
                    }
                  }
                }
              })
          .because("an adapter plugs into the core at its ports, not inside a use case");

  @ArchTest
  static final ArchRule corePackagesFormNoCycles =
      slices()
          .matching("dev.confbot.core.(*)..")
          .should()
          .beFreeOfCycles()
          .because(
              "ports carry values of the model packages; the use cases that call the ports live in"
                  + " packages of their own, so a reader follows dependencies one way");
}
