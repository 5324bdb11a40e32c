package io.signaldesk.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The layering of every module as rules over its compiled classes (docs/architecture.md, "Layers"):
 * resources and consumers call services, services call repositories, entities depend on nothing of
 * ours; only resources know the REST models; no service module uses another's classes and the
 * platform uses none; persistence goes through repositories (no active-record entities). Each rule
 * is also run once against {@code io.signaldesk.archfixture}, a deliberately broken miniature
 * service in this module's tests, and must report each of its violations: a rule that cannot fail
 * proves nothing.
 */
class LayeringTest {
    static final List<String> SERVICES =
            List.of("gateway", "signal", "approval", "reconciliation", "affiliate", "payout");
    static final List<String> MODULES = List.of(
            "platform",
            "gateway",
            "signal-service",
            "approval-service",
            "reconciliation-service",
            "affiliate-service",
            "payout-service");
    static final String ACTIVE_RECORD = "io.quarkus.hibernate.reactive.panache.PanacheEntityBase";

    static JavaClasses production;
    static JavaClasses fixture;

    @BeforeAll
    static void importClasses() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> dirs = MODULES.stream()
                .map(m -> root.resolve(m).resolve("target/classes"))
                .toList();
        dirs.forEach(d -> assertThat(d)
                .as("compiled classes of a module (the reactor builds them first)")
                .isDirectory());
        production = new ClassFileImporter().importPaths(dirs);
        fixture = new ClassFileImporter().importPaths(Path.of("target/test-classes/io/signaldesk/archfixture"));
    }

    @Test
    void every_module_was_imported() {
        for (String s : SERVICES) {
            assertThat(production.stream()
                            .filter(c -> c.getPackageName().startsWith("io.signaldesk." + s))
                            .count())
                    .as("classes of %s", s)
                    .isPositive();
        }
        assertThat(production.stream()
                        .filter(c -> c.getPackageName().startsWith("io.signaldesk.platform"))
                        .count())
                .isGreaterThan(20);
        assertThat(fixture.size()).as("the broken fixture").isGreaterThan(4);
    }

    /**
     * Layers of a service under {@code base}: {@code rest} (and the gateway's {@code proxy}) are
     * resources, {@code messaging} consumers, {@code service} the use cases, {@code repository} the
     * queries, the base package itself the entities. Packages outside these (config, the pure
     * strategy engine, the rate limiter) are libraries any layer may use.
     */
    static ArchRule layers(String base) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Resources")
                .definedBy(base + ".rest..", base + ".proxy..")
                .layer("Consumers")
                .definedBy(base + ".messaging..")
                .layer("Services")
                .definedBy(base + ".service..")
                .layer("Repositories")
                .definedBy(base + ".repository..")
                .layer("Entities")
                .definedBy(base)
                .whereLayer("Resources")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Consumers")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Services")
                .mayOnlyBeAccessedByLayers("Resources", "Consumers")
                .whereLayer("Repositories")
                .mayOnlyBeAccessedByLayers("Services")
                .whereLayer("Entities")
                .mayOnlyBeAccessedByLayers("Resources", "Consumers", "Services", "Repositories")
                .allowEmptyShould(true)
                .as("layers of " + base + ": resources and consumers -> services -> repositories -> entities");
    }

    /** The REST models are the resources' own: renaming a JSON field never touches a service or the Kafka path. */
    static ArchRule onlyResourcesKnowRest(String base) {
        return noClasses()
                .that()
                .resideInAPackage(base + "..")
                .and()
                .resideOutsideOfPackage(base + ".rest..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(base + ".rest..")
                .allowEmptyShould(true)
                .as("only " + base + ".rest uses the REST models");
    }

    /** Persistence through repositories, one style for the project (docs/architecture.md). */
    static ArchRule noActiveRecord(String base) {
        return noClasses()
                .that()
                .resideInAPackage(base + "..")
                .should()
                .beAssignableTo(ACTIVE_RECORD)
                .allowEmptyShould(true)
                .as("no active-record entity in " + base + " (queries live in repositories)");
    }

    /** A service module shares nothing with another but the platform and the events it publishes. */
    static ArchRule ownPackagesOnly(String service, List<String> others) {
        String base = "io.signaldesk." + service;
        return noClasses()
                .that()
                .resideInAPackage(base + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        others.stream().map(o -> "io.signaldesk." + o + "..").toArray(String[]::new))
                .allowEmptyShould(true)
                .as(base + " uses no other module's classes");
    }

    static Stream<ArchRule> rulesFor(String service) {
        String base = "io.signaldesk." + service;
        List<String> others = Stream.concat(
                        SERVICES.stream().filter(s -> !s.equals(service)), Stream.of("localstack", "archfixture"))
                .toList();
        return Stream.of(
                layers(base), onlyResourcesKnowRest(base), noActiveRecord(base), ownPackagesOnly(service, others));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "signal", "approval", "reconciliation", "affiliate", "payout"})
    void service_follows_the_layers(String service) {
        rulesFor(service).forEach(rule -> rule.check(production));
    }

    @Test
    void platform_uses_no_service() {
        noClasses()
                .that()
                .resideInAPackage("io.signaldesk.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(Stream.concat(SERVICES.stream(), Stream.of("localstack"))
                        .map(s -> "io.signaldesk." + s + "..")
                        .toArray(String[]::new))
                .as("the platform uses no service's classes")
                .check(production);
        noActiveRecord("io.signaldesk.platform").check(production);
    }

    /**
     * The fixture breaks each rule once: its service imports a REST model and a consumer, its resource
     * reads a repository, its entity is an active record, and it uses local-stack's classes.
     */
    @Test
    void the_rules_catch_a_deliberate_violation() {
        String base = "io.signaldesk.archfixture";
        JavaClasses both = fixture;
        EvaluationResult layering = layers(base).evaluate(both);
        assertThat(layering.hasViolation()).isTrue();
        assertThat(String.join("\n", layering.getFailureReport().getDetails()))
                .contains("BadService")
                .contains("FixtureDto") // the service reaches up into rest
                .contains("FixtureResource")
                .contains("FixtureRepository"); // a resource skips the service
        assertThat(onlyResourcesKnowRest(base).evaluate(both).getFailureReport().getDetails())
                .anyMatch(d -> d.contains("BadService") && d.contains("FixtureDto"));
        assertThat(noActiveRecord(base).evaluate(both).getFailureReport().getDetails())
                .anyMatch(d -> d.contains("ActiveRecordEntity"));
        assertThat(ownPackagesOnly("archfixture", List.of("localstack"))
                        .evaluate(both)
                        .getFailureReport()
                        .getDetails())
                .anyMatch(d -> d.contains("io.signaldesk.localstack.TestInfra"));
        assertThat(Files.isDirectory(Path.of("target/test-classes/io/signaldesk/archfixture")))
                .isTrue();
    }
}
