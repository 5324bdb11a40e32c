package io.signaldesk.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Opens each service's image tar (built by Jib with {@code -Dimages}, see deploy/images/README.md) and
 * checks what the container runtime will do with it: the JVM command, a numeric non-root user, the
 * ports, the labels, no secret in the environment, and that the layers hold the Quarkus fast-jar (not
 * Jib's default class layout, which would run classes Quarkus has not built).
 *
 * <p>Not part of the default test run: the tars take minutes to build. Run it with {@code
 * deploy/images/build-images.sh}, or {@code ../mvnw -o -Dimages test -Dtest=ImageConfigTest} in deploy/
 * once the tars exist; {@code -Dimages=gateway,payout-service} checks only those services.
 */
@EnabledIfSystemProperty(named = "images", matches = ".*")
class ImageConfigTest {

    /** The runAsUser of the Kubernetes manifests, and the default user of Red Hat's OpenJDK images. */
    private static final String UID = "185";

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> services() throws Exception {
        String only = System.getProperty("images", "");
        List<String> services = new ArrayList<>();
        for (String module : rootPom().modules()) {
            // the rule the images profile activates by
            if (Files.exists(ROOT.resolve(module).resolve("src/main/resources/application.properties"))) {
                services.add(module);
            }
        }
        assertThat(services).as("services in the root pom").contains("gateway", "payout-service");
        if (only.isBlank() || only.equals("true")) {
            return services.stream();
        }
        List<String> chosen = List.of(only.split(","));
        assertThat(services).as("-Dimages names services").containsAll(chosen);
        return chosen.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void imageRunsTheQuarkusAppAsNonRootWithContainerAwareJvmFlags(String service) throws Exception {
        Path tar = ROOT.resolve(service).resolve("target/jib-image.tar");
        assertThat(tar)
                .as("image tar of %s (build it: deploy/images/build-images.sh)", service)
                .exists();
        Map<String, byte[]> small = new HashMap<>();
        Set<String> names = new HashSet<>();
        try (InputStream in = Files.newInputStream(tar)) {
            ImageTar.read(in, name -> name.endsWith(".json"), entry -> {
                names.add(entry.name());
                if (entry.content() != null) {
                    small.put(entry.name(), entry.content());
                }
                return true;
            });
        }
        JsonNode manifest = JSON.readTree(small.get("manifest.json"));
        assertThat(manifest).as("manifest.json of %s: one image", service).hasSize(1);
        String version = rootPom().version();
        assertThat(manifest.get(0).get("RepoTags").get(0).asText()).isEqualTo("signaldesk/" + service + ":" + version);
        List<String> layers = new ArrayList<>();
        manifest.get(0).get("Layers").forEach(layer -> layers.add(layer.asText()));
        assertThat(names).as("files of %s", tar).containsAll(layers);
        JsonNode image = JSON.readTree(small.get(manifest.get(0).get("Config").asText()));
        JsonNode config = image.get("config");

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(image.path("os").asText()).as("os").isEqualTo("linux");
        soft.assertThat(image.path("architecture").asText()).as("architecture").isEqualTo("amd64");

        List<String> entrypoint = strings(config.get("Entrypoint"));
        soft.assertThat(entrypoint)
                .as("Entrypoint")
                .startsWith("java")
                .endsWith("-jar", "/deployments/quarkus-run.jar");
        soft.assertThat(entrypoint)
                .as("Entrypoint: heap from the container's memory limit, exit on OOM, JBoss log manager")
                .contains(
                        "-XX:MaxRAMPercentage=75.0",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        soft.assertThat(entrypoint)
                .as("Entrypoint: no fixed heap that ignores the container limit")
                .noneMatch(arg -> arg.startsWith("-Xmx") || arg.startsWith("-Xms"));
        soft.assertThat(strings(config.get("Cmd"))).as("Cmd").isEmpty();

        String user = config.path("User").asText();
        soft.assertThat(user)
                .as("User: numeric (runAsNonRoot can only check a number), not root")
                .matches("\\d+(:\\d+)?")
                .isNotIn("0", "0:0")
                .startsWith(UID + ":");
        soft.assertThat(config.path("WorkingDir").asText()).as("WorkingDir").isEqualTo("/deployments");

        List<String> ports = new ArrayList<>();
        config.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        soft.assertThat(ports)
                .as("ExposedPorts: HTTP and management")
                .containsExactlyInAnyOrder("8080/tcp", "9000/tcp");

        JsonNode labels = config.path("Labels");
        soft.assertThat(labels.path("org.opencontainers.image.title").asText())
                .as("title label")
                .isEqualTo(service);
        soft.assertThat(labels.path("org.opencontainers.image.version").asText())
                .as("version label")
                .isEqualTo(version);
        for (String label : List.of(
                "org.opencontainers.image.revision",
                "org.opencontainers.image.source",
                "org.opencontainers.image.description")) {
            soft.assertThat(labels.path(label).asText()).as(label).isNotBlank();
        }

        List<String> env = strings(config.get("Env"));
        soft.assertThat(env)
                .as("Env: one public port; management reachable by probes")
                .contains("QUARKUS_HTTP_PORT=8080", "QUARKUS_MANAGEMENT_HOST=0.0.0.0");
        soft.assertThat(env)
                .as("Env: no secret baked into the image (they come from Kubernetes Secrets)")
                .noneMatch(variable -> variable.substring(0, variable.indexOf('='))
                        .matches("(?i).*(PASSWORD|SECRET|TOKEN|API_?KEY|PRIVATE|CREDENTIAL).*"));
        soft.assertAll();

        assertLayersHoldTheFastJar(service, version, tar, layers, image);
    }

    /** Reads only the layers Jib added (the base image's layers are not ours to check). */
    private static void assertLayersHoldTheFastJar(
            String service, String version, Path tar, List<String> layers, JsonNode image) throws IOException {
        int baseLayers = 0;
        for (JsonNode step : image.path("history")) {
            if (!step.path("created_by").asText().startsWith("jib-maven-plugin")
                    && !step.path("empty_layer").asBoolean()) {
                baseLayers++;
            }
        }
        Set<String> ours = new HashSet<>(layers.subList(baseLayers, layers.size()));
        List<String> files = new ArrayList<>();
        try (InputStream in = Files.newInputStream(tar)) {
            ImageTar.read(in, ours::contains, layer -> {
                if (layer.content() != null) {
                    try (InputStream layerFiles = new GZIPInputStream(new ByteArrayInputStream(layer.content()))) {
                        ImageTar.read(layerFiles, name -> false, file -> files.add(file.name()));
                    }
                }
                return true;
            });
        }
        assertThat(files)
                .as("files the image adds to its base")
                .contains(
                        "deployments/quarkus-run.jar",
                        "deployments/quarkus/quarkus-application.dat",
                        "deployments/app/" + service + "-" + version + ".jar")
                .anyMatch(file -> file.startsWith("deployments/lib/main/"));
        assertThat(files.stream().filter(file -> file.startsWith("app/")).limit(5))
                .as("Jib's default /app layout (classes Quarkus has not built), first 5")
                .isEmpty();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    private record RootPom(String version, List<String> modules) {}

    private static RootPom rootPom() throws Exception {
        Element project = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(ROOT.resolve("pom.xml").toFile())
                .getDocumentElement();
        List<String> modules = new ArrayList<>();
        NodeList moduleNodes = project.getElementsByTagName("module");
        for (int i = 0; i < moduleNodes.getLength(); i++) {
            modules.add(moduleNodes.item(i).getTextContent().trim());
        }
        NodeList children = project.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element
                    && element.getTagName().equals("version")) {
                return new RootPom(element.getTextContent().trim(), modules);
            }
        }
        throw new IllegalStateException("no <version> in the root pom");
    }
}
