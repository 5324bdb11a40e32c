package io.signaldesk.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Builds every overlay under deploy/k8s/overlays with {@code kubectl kustomize} and holds the result
 * to the deployment policy of issue 11 and deploy/k8s/README.md. Each check collects every
 * violation of its rule, so one run shows all that is wrong, each with the resource and field.
 */
class ManifestPolicyTest {
    static final Path ROOT = repositoryRoot();
    static final Path OVERLAYS = ROOT.resolve("deploy/k8s/overlays");
    static final int MANAGEMENT_PORT = 9000;
    static final int HTTP_PORT = 8080;
    static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");
    /** Names of settings whose value is a secret; such a value must come from a Secret. */
    static final Pattern SECRET_NAME = Pattern.compile(".*(KEY|SECRET|PASSWORD|TOKEN|PEPPER).*");
    /** ...except a setting that only says where a secret is (a mounted file). */
    static final Pattern SECRET_LOCATION = Pattern.compile(".*_LOCATION");

    private static final Map<Path, RenderedOverlay> RENDERED = new ConcurrentHashMap<>();

    /** Every directory under overlays/ with a kustomization.yaml: a new overlay is tested without listing it. */
    static Stream<RenderedOverlay> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(OVERLAYS)) {
            List<Path> found = dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .sorted()
                    .collect(Collectors.toList());
            assertThat(found).as("overlays under %s", OVERLAYS).isNotEmpty();
            return found.stream().map(d -> RENDERED.computeIfAbsent(d, RenderedOverlay::render));
        }
    }

    static boolean isProd(RenderedOverlay overlay) {
        return overlay.name.equals("prod");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyDocumentIsAKnownKindWithoutUnknownFields(RenderedOverlay overlay) {
        assertThat(overlay.resources)
                .as("resources rendered by %s", overlay.name)
                .isNotEmpty();
        assertNone(overlay, "unknown kinds or fields", overlay.parseProblems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceContainerHasTheThreeProbesOnTheManagementPort(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Deployment d : overlay.all(Deployment.class)) {
            for (Container c : podSpec(d.getSpec().getTemplate()).getContainers()) {
                String where = "Deployment " + name(d) + " container " + c.getName();
                Map<String, Integer> ports = containerPorts(c);
                if (!Integer.valueOf(HTTP_PORT).equals(ports.get("http"))) {
                    problems.add(where + ": needs port http " + HTTP_PORT + ", has " + ports);
                }
                if (!Integer.valueOf(MANAGEMENT_PORT).equals(ports.get("management"))) {
                    problems.add(where + ": needs port management " + MANAGEMENT_PORT + ", has " + ports);
                }
                checkProbe(problems, where, "startupProbe", c.getStartupProbe(), "/q/health/started", ports);
                checkProbe(problems, where, "readinessProbe", c.getReadinessProbe(), "/q/health/ready", ports);
                checkProbe(problems, where, "livenessProbe", c.getLivenessProbe(), "/q/health/live", ports);
            }
        }
        assertThat(overlay.all(Deployment.class))
                .as("Deployments in %s", overlay.name)
                .isNotEmpty();
        assertNone(overlay, "probe problems", problems);
    }

    private static void checkProbe(
            List<String> problems, String where, String kind, Probe probe, String path, Map<String, Integer> ports) {
        if (probe == null || probe.getHttpGet() == null) {
            problems.add(where + ": " + kind + " must be an httpGet on " + path);
            return;
        }
        if (!path.equals(probe.getHttpGet().getPath())) {
            problems.add(where + ": " + kind + " path is " + probe.getHttpGet().getPath() + ", expected " + path);
        }
        Integer port = resolve(probe.getHttpGet().getPort(), ports);
        if (!Integer.valueOf(MANAGEMENT_PORT).equals(port)) {
            problems.add(where + ": " + kind + " is on port "
                    + show(probe.getHttpGet().getPort()) + " (" + port + "), expected the management port "
                    + MANAGEMENT_PORT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyPodHasResourcesAndTheHardenedSecurityContext(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
        overlay.all(Deployment.class)
                .forEach(d -> templates.put("Deployment " + name(d), d.getSpec().getTemplate()));
        overlay.all(StatefulSet.class)
                .forEach(
                        s -> templates.put("StatefulSet " + name(s), s.getSpec().getTemplate()));
        templates.forEach((owner, template) -> {
            PodSpec pod = podSpec(template);
            PodSecurityContext psc = pod.getSecurityContext();
            if (psc == null) {
                problems.add(owner + ": no pod securityContext");
                psc = new PodSecurityContext();
            }
            if (!Boolean.TRUE.equals(psc.getRunAsNonRoot())) {
                problems.add(owner + ": pod securityContext.runAsNonRoot must be true");
            }
            for (var id : Map.of(
                            "runAsUser", Optional.ofNullable(psc.getRunAsUser()),
                            "runAsGroup", Optional.ofNullable(psc.getRunAsGroup()),
                            "fsGroup", Optional.ofNullable(psc.getFsGroup()))
                    .entrySet()) {
                if (id.getValue().filter(v -> v > 0).isEmpty()) {
                    problems.add(owner + ": pod securityContext." + id.getKey() + " must be a numeric non-root id");
                }
            }
            if (psc.getSeccompProfile() == null
                    || !"RuntimeDefault".equals(psc.getSeccompProfile().getType())) {
                problems.add(owner + ": pod securityContext.seccompProfile.type must be RuntimeDefault");
            }
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                problems.add(owner + ": automountServiceAccountToken must be false");
            }
            for (Container c : pod.getContainers()) {
                String where = owner + " container " + c.getName();
                var res = c.getResources();
                var requests = res == null || res.getRequests() == null ? Map.of() : res.getRequests();
                var limits = res == null || res.getLimits() == null ? Map.of() : res.getLimits();
                if (!requests.containsKey("cpu") || !requests.containsKey("memory")) {
                    problems.add(where + ": resources.requests needs cpu and memory, has " + requests.keySet());
                }
                if (!limits.containsKey("memory")) {
                    problems.add(where + ": resources.limits needs memory, has " + limits.keySet());
                }
                SecurityContext sc = c.getSecurityContext();
                if (sc == null) {
                    problems.add(where + ": no container securityContext");
                    continue;
                }
                if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    problems.add(where + ": securityContext.allowPrivilegeEscalation must be false");
                }
                if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                    problems.add(where + ": securityContext.readOnlyRootFilesystem must be true");
                }
                if (sc.getCapabilities() == null
                        || sc.getCapabilities().getDrop() == null
                        || !sc.getCapabilities().getDrop().contains("ALL")) {
                    problems.add(where + ": securityContext.capabilities.drop must contain ALL");
                }
                if (Boolean.FALSE.equals(sc.getRunAsNonRoot())
                        || Long.valueOf(0).equals(sc.getRunAsUser())) {
                    problems.add(where + ": container securityContext overrides the pod's non-root user");
                }
                Optional<VolumeMount> tmp = c.getVolumeMounts().stream()
                        .filter(m -> "/tmp".equals(m.getMountPath()))
                        .findFirst();
                Optional<Volume> tmpVolume = tmp.flatMap(m -> pod.getVolumes().stream()
                        .filter(v -> v.getName().equals(m.getName()))
                        .findFirst());
                if (tmpVolume.map(Volume::getEmptyDir).isEmpty()) {
                    problems.add(
                            where + ": /tmp must be mounted from an emptyDir volume (root filesystem is read-only)");
                }
                if (isProd(overlay)
                        && owner.startsWith("Deployment")
                        && !DIGEST.matcher(c.getImage()).matches()) {
                    problems.add(where + ": image " + c.getImage() + " is not pinned by digest (@sha256:<64 hex>)");
                }
            }
        });
        assertNone(overlay, "resources/securityContext problems", problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceListensOnAllInterfacesInTheProdProfile(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        Map<String, ConfigMap> configMaps =
                overlay.all(ConfigMap.class).stream().collect(Collectors.toMap(ManifestPolicyTest::name, cm -> cm));
        for (Deployment d : overlay.all(Deployment.class)) {
            Map<String, String> env = environment(
                    podSpec(d.getSpec().getTemplate()).getContainers().get(0), configMaps, problems, d);
            for (var expected : Map.of(
                            "QUARKUS_PROFILE", "prod",
                            "QUARKUS_HTTP_HOST", "0.0.0.0",
                            "QUARKUS_MANAGEMENT_HOST", "0.0.0.0")
                    .entrySet()) {
                if (!expected.getValue().equals(env.get(expected.getKey()))) {
                    problems.add("Deployment " + name(d) + ": " + expected.getKey() + " is "
                            + env.get(expected.getKey()) + ", expected " + expected.getValue());
                }
            }
        }
        assertNone(overlay, "environment problems", problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everySelectorAndTargetMatchesPodsThatExist(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        Map<String, Deployment> deployments =
                overlay.all(Deployment.class).stream().collect(Collectors.toMap(ManifestPolicyTest::name, d -> d));
        List<Pods> pods = pods(overlay);
        for (HorizontalPodAutoscaler hpa : overlay.all(HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            if (!"Deployment".equals(target.getKind()) || !deployments.containsKey(target.getName())) {
                problems.add("HorizontalPodAutoscaler " + name(hpa) + ": scaleTargetRef " + target.getKind() + "/"
                        + target.getName() + " is not a Deployment of this overlay");
            }
            List<MetricSpec> metrics = hpa.getSpec().getMetrics();
            if (metrics == null
                    || metrics.stream()
                            .noneMatch(m -> m.getResource() != null
                                    && "cpu".equals(m.getResource().getName())
                                    && "Utilization"
                                            .equals(m.getResource().getTarget().getType()))) {
                problems.add("HorizontalPodAutoscaler " + name(hpa) + ": needs a CPU utilisation metric");
            }
            if (isProd(overlay)
                    && (hpa.getSpec().getMinReplicas() == null || hpa.getSpec().getMinReplicas() < 2)) {
                problems.add("HorizontalPodAutoscaler " + name(hpa) + ": minReplicas must be at least 2 in prod");
            }
        }
        for (String service : serviceSchemas().keySet()) {
            if (!deployments.containsKey(service)) {
                problems.add("service " + service + " (a module with application.properties) has no Deployment");
            }
        }
        for (String deployment : deployments.keySet()) {
            boolean scaled = overlay.all(HorizontalPodAutoscaler.class).stream()
                    .anyMatch(h ->
                            deployment.equals(h.getSpec().getScaleTargetRef().getName()));
            boolean budget = overlay.all(PodDisruptionBudget.class).stream()
                    .anyMatch(p -> Selectors.matches(p.getSpec().getSelector(), labels(deployments.get(deployment))));
            if (!scaled) {
                problems.add("Deployment " + deployment + ": no HorizontalPodAutoscaler");
            }
            if (!budget) {
                problems.add("Deployment " + deployment + ": no PodDisruptionBudget");
            }
        }
        for (PodDisruptionBudget pdb : overlay.all(PodDisruptionBudget.class)) {
            if (Selectors.isEmpty(pdb.getSpec().getSelector())
                    || deployments.values().stream()
                            .noneMatch(d -> Selectors.matches(pdb.getSpec().getSelector(), labels(d)))) {
                problems.add("PodDisruptionBudget " + name(pdb) + ": selector "
                        + describe(pdb.getSpec().getSelector()) + " matches no Deployment's pods");
            }
        }
        for (Service service : overlay.all(Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            List<Pods> selected = pods.stream()
                    .filter(p -> selector != null && !selector.isEmpty() && Selectors.matches(selector, p.labels))
                    .collect(Collectors.toList());
            if (selected.isEmpty()) {
                problems.add("Service " + name(service) + ": selector " + selector + " matches no pods");
                continue;
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                for (Pods p : selected) {
                    if (p.ports != null && resolve(port.getTargetPort(), p.ports) == null) {
                        problems.add("Service " + name(service) + " port " + port.getName() + ": targetPort "
                                + show(port.getTargetPort()) + " is not a port of " + p.owner);
                    }
                }
            }
        }
        for (ServiceMonitor monitor : overlay.all(ServiceMonitor.class)) {
            Map<String, String> selector = monitor.getSpec().getSelector().getMatchLabels();
            List<Service> services = overlay.all(Service.class).stream()
                    .filter(s -> selector != null && !selector.isEmpty() && Selectors.matches(selector, labelsOf(s)))
                    .collect(Collectors.toList());
            if (services.isEmpty()) {
                problems.add("ServiceMonitor " + name(monitor) + ": selector " + selector + " matches no Service");
            }
            for (Endpoint endpoint : monitor.getSpec().getEndpoints()) {
                if (!"/q/metrics".equals(endpoint.getPath())) {
                    problems.add("ServiceMonitor " + name(monitor) + ": path is " + endpoint.getPath()
                            + ", expected /q/metrics");
                }
                for (Service s : services) {
                    Optional<ServicePort> port = s.getSpec().getPorts().stream()
                            .filter(p -> Objects.equals(p.getName(), endpoint.getPort()))
                            .findFirst();
                    Integer target = port.flatMap(p -> pods.stream()
                                    .filter(pod -> Selectors.matches(s.getSpec().getSelector(), pod.labels)
                                            && pod.ports != null)
                                    .map(pod -> resolve(p.getTargetPort(), pod.ports))
                                    .filter(Objects::nonNull)
                                    .findFirst())
                            .orElse(null);
                    if (!Integer.valueOf(MANAGEMENT_PORT).equals(target)) {
                        problems.add("ServiceMonitor " + name(monitor) + ": endpoint port " + endpoint.getPort()
                                + " of Service " + name(s) + " does not reach the management port " + MANAGEMENT_PORT);
                    }
                }
            }
        }
        for (NetworkPolicy policy : overlay.all(NetworkPolicy.class)) {
            String where = "NetworkPolicy " + name(policy);
            checkPolicySelector(
                    problems, where + " podSelector", policy.getSpec().getPodSelector(), pods, true);
            List<NetworkPolicyPeer> peers = new ArrayList<>();
            if (policy.getSpec().getIngress() != null) {
                policy.getSpec().getIngress().forEach(r -> peers.addAll(r.getFrom()));
            }
            if (policy.getSpec().getEgress() != null) {
                policy.getSpec().getEgress().forEach(r -> peers.addAll(r.getTo()));
            }
            for (NetworkPolicyPeer peer : peers) {
                // A peer without namespaceSelector means pods of this namespace: they must exist here.
                if (peer.getPodSelector() != null && peer.getNamespaceSelector() == null) {
                    checkPolicySelector(problems, where + " peer podSelector", peer.getPodSelector(), pods, false);
                }
            }
            checkPolicyPorts(problems, where, policy, pods);
        }
        assertNone(overlay, "selector problems", problems);
    }

    /**
     * A port a policy opens must be one the pods on the receiving side listen on: for ingress the
     * policy's own pods, for egress the peer pods of this namespace. Only pods whose ports are known
     * (those the manifests template) are checked; the operators' pods are not.
     */
    private static void checkPolicyPorts(List<String> problems, String where, NetworkPolicy policy, List<Pods> pods) {
        var spec = policy.getSpec();
        if (spec.getIngress() != null) {
            for (var rule : spec.getIngress()) {
                checkPorts(problems, where + " ingress", spec.getPodSelector(), rule.getPorts(), pods);
            }
        }
        if (spec.getEgress() != null) {
            for (var rule : spec.getEgress()) {
                for (NetworkPolicyPeer peer : rule.getTo()) {
                    if (peer.getPodSelector() != null && peer.getNamespaceSelector() == null) {
                        checkPorts(problems, where + " egress", peer.getPodSelector(), rule.getPorts(), pods);
                    }
                }
            }
        }
    }

    private static void checkPorts(
            List<String> problems,
            String where,
            LabelSelector receivers,
            List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort> ports,
            List<Pods> pods) {
        if (ports == null || Selectors.isEmpty(receivers)) {
            return;
        }
        for (var port : ports) {
            for (Pods p : pods) {
                if (p.ports != null
                        && Selectors.matches(receivers, p.labels)
                        && resolve(port.getPort(), p.ports) == null) {
                    problems.add(where + ": port " + show(port.getPort()) + " is not a port of " + p.owner);
                }
            }
        }
    }

    /**
     * A policy's selector must pick pods that exist, and each value of an {@code In} list must too
     * (a typo in one name of the list would otherwise go unnoticed). The empty selector (every pod)
     * is allowed where the whole namespace is meant: default deny, DNS.
     */
    private static void checkPolicySelector(
            List<String> problems, String where, LabelSelector selector, List<Pods> pods, boolean emptyAllowed) {
        if (Selectors.isEmpty(selector)) {
            if (!emptyAllowed) {
                problems.add(where + " is empty");
            }
            return;
        }
        if (pods.stream().noneMatch(p -> Selectors.matches(selector, p.labels))) {
            problems.add(where + " " + describe(selector) + " matches no pods");
        }
        if (selector.getMatchExpressions() != null) {
            for (var e : selector.getMatchExpressions()) {
                if ("In".equals(e.getOperator())) {
                    for (String value : e.getValues()) {
                        if (pods.stream().noneMatch(p -> value.equals(p.labels.get(e.getKey())))) {
                            problems.add(where + ": no pod has " + e.getKey() + "=" + value);
                        }
                    }
                }
            }
        }
    }

    /** The JWT signing key: only the gateway's pods mount it (a node running another service never holds it). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyTheGatewayMountsTheTokenSigningKey(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Deployment d : overlay.all(Deployment.class)) {
            var spec = podSpec(d.getSpec().getTemplate());
            List<String> secrets = new ArrayList<>();
            if (spec.getVolumes() != null) {
                spec.getVolumes().stream()
                        .filter(v -> v.getSecret() != null)
                        .forEach(v -> secrets.add(v.getSecret().getSecretName()));
            }
            spec.getContainers().forEach(c -> {
                if (c.getEnvFrom() != null) {
                    c.getEnvFrom().stream()
                            .filter(e -> e.getSecretRef() != null)
                            .forEach(e -> secrets.add(e.getSecretRef().getName()));
                }
                if (c.getEnv() != null) {
                    c.getEnv().stream()
                            .filter(e ->
                                    e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                            .forEach(e -> secrets.add(
                                    e.getValueFrom().getSecretKeyRef().getName()));
                }
            });
            boolean signs = secrets.contains(SIGNING_SECRET);
            boolean gateway = "gateway".equals(name(d));
            if (signs != gateway) {
                problems.add("Deployment " + name(d) + (signs ? " mounts " : " does not mount ") + SIGNING_SECRET);
            }
        }
        assertNone(overlay, "token signing key", problems);
    }

    static final String SIGNING_SECRET = "signaldesk-jwt-signing";

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void prodDeniesAllTrafficByDefault(RenderedOverlay overlay) {
        if (!isProd(overlay)) {
            return;
        }
        boolean defaultDeny = overlay.all(NetworkPolicy.class).stream()
                .map(NetworkPolicy::getSpec)
                .anyMatch(s -> Selectors.isEmpty(s.getPodSelector())
                        && s.getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                        && (s.getIngress() == null || s.getIngress().isEmpty())
                        && (s.getEgress() == null || s.getEgress().isEmpty()));
        assertThat(defaultDeny)
                .as("prod must have a NetworkPolicy with an empty podSelector, policyTypes Ingress and Egress and no"
                        + " rules (default deny)")
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyTopicHasAKafkaTopicWithThreeReplicas(RenderedOverlay overlay) {
        if (overlay.custom("Kafka").isEmpty()) {
            assertThat(isProd(overlay)).as("prod must include Kafka (infra/)").isFalse();
            return;
        }
        List<String> problems = new ArrayList<>();
        Map<String, GenericKubernetesResource> topics = new HashMap<>();
        for (GenericKubernetesResource t : overlay.custom("KafkaTopic")) {
            String topicName =
                    Optional.ofNullable((String) at(t, "spec.topicName")).orElse(name(t));
            topics.put(topicName, t);
            checkKeys(problems, t, "spec", Set.of("partitions", "replicas", "config", "topicName"));
            if (!(at(t, "spec.partitions") instanceof Integer p) || p < 1) {
                problems.add("KafkaTopic " + topicName + ": spec.partitions must be a positive number");
            }
            if (!Integer.valueOf(3).equals(at(t, "spec.replicas"))) {
                problems.add("KafkaTopic " + topicName + ": spec.replicas must be 3, is " + at(t, "spec.replicas"));
            }
            if (!Integer.valueOf(2).equals(at(t, "spec.config.min.insync.replicas"))) {
                problems.add("KafkaTopic " + topicName + ": config min.insync.replicas must be 2");
            }
            if (!"compact".equals(at(t, "spec.config.cleanup.policy")) && at(t, "spec.config.retention.ms") == null) {
                problems.add("KafkaTopic " + topicName + ": config needs retention.ms (or cleanup.policy compact)");
            }
            String cluster = labelsOf(t).get("strimzi.io/cluster");
            if (overlay.custom("Kafka").stream().noneMatch(k -> name(k).equals(cluster))) {
                problems.add("KafkaTopic " + topicName + ": label strimzi.io/cluster=" + cluster + " names no Kafka");
            }
        }
        for (String topic : documentedTopics()) {
            if (!topics.containsKey(topic)) {
                problems.add("topic " + topic + " (docs/events.md) has no KafkaTopic");
            }
        }
        for (String topic : deadLetterTopics()) {
            if (!topics.containsKey(topic)) {
                problems.add("dead-letter topic " + topic + " (application.properties) has no KafkaTopic");
            }
        }
        for (String schema : serviceSchemas().values()) {
            GenericKubernetesResource t = topics.get("outbox-checkpoints." + schema);
            if (t == null) {
                problems.add("topic outbox-checkpoints." + schema + " has no KafkaTopic");
            } else if (!Integer.valueOf(1).equals(at(t, "spec.partitions"))
                    || !"compact".equals(at(t, "spec.config.cleanup.policy"))) {
                problems.add("KafkaTopic outbox-checkpoints." + schema
                        + ": must have 1 partition and cleanup.policy compact");
            }
        }
        for (GenericKubernetesResource kafka : overlay.custom("Kafka")) {
            String where = "Kafka " + name(kafka);
            checkKeys(problems, kafka, "spec", Set.of("kafka", "entityOperator", "cruiseControl", "kafkaExporter"));
            checkKeys(
                    problems,
                    kafka,
                    "spec.kafka",
                    Set.of(
                            "version",
                            "metadataVersion",
                            "listeners",
                            "config",
                            "authorization",
                            "rack",
                            "template",
                            "logging",
                            "metricsConfig",
                            "resources",
                            "jvmOptions",
                            "brokerRackInitImage",
                            "image",
                            "livenessProbe",
                            "readinessProbe",
                            "quotas",
                            "tieredStorage"));
            if (!"enabled".equals(annotationsOf(kafka).get("strimzi.io/kraft"))
                    || !"enabled".equals(annotationsOf(kafka).get("strimzi.io/node-pools"))) {
                problems.add(where + ": needs annotations strimzi.io/kraft=enabled and strimzi.io/node-pools=enabled");
            }
            if (!Integer.valueOf(2).equals(at(kafka, "spec.kafka.config.min.insync.replicas"))
                    || !Integer.valueOf(3).equals(at(kafka, "spec.kafka.config.default.replication.factor"))) {
                problems.add(where + ": config needs min.insync.replicas 2 and default.replication.factor 3");
            }
        }
        int controllers = 0;
        int brokers = 0;
        for (GenericKubernetesResource pool : overlay.custom("KafkaNodePool")) {
            checkKeys(
                    problems,
                    pool,
                    "spec",
                    Set.of("replicas", "roles", "storage", "resources", "jvmOptions", "template"));
            int replicas = at(pool, "spec.replicas") instanceof Integer r ? r : 0;
            List<?> roles = at(pool, "spec.roles") instanceof List<?> l ? l : List.of();
            controllers += roles.contains("controller") ? replicas : 0;
            brokers += roles.contains("broker") ? replicas : 0;
            String storage = String.valueOf(at(pool, "spec.storage.type"));
            if (!storage.equals("persistent-claim") && !storage.equals("jbod")) {
                problems.add("KafkaNodePool " + name(pool) + ": storage must be persistent, is " + storage);
            }
        }
        if (controllers < 3 || brokers < 3) {
            problems.add(
                    "Kafka needs 3 controllers and 3 brokers (KafkaNodePools), has " + controllers + " and " + brokers);
        }
        assertNone(overlay, "Kafka problems", problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceHasItsOwnLimitedDatabaseRole(RenderedOverlay overlay) {
        List<GenericKubernetesResource> clusters = overlay.custom("Cluster");
        if (clusters.isEmpty()) {
            assertThat(isProd(overlay))
                    .as("prod must include the CloudNativePG Cluster (infra/)")
                    .isFalse();
            return;
        }
        List<String> problems = new ArrayList<>();
        assertThat(clusters).as("CloudNativePG Clusters in %s", overlay.name).hasSize(1);
        GenericKubernetesResource cluster = clusters.get(0);
        checkKeys(
                problems,
                cluster,
                "spec",
                Set.of(
                        "instances",
                        "imageName",
                        "primaryUpdateStrategy",
                        "storage",
                        "walStorage",
                        "resources",
                        "affinity",
                        "postgresql",
                        "bootstrap",
                        "managed",
                        "plugins",
                        "monitoring",
                        "enableSuperuserAccess",
                        "superuserSecret",
                        "backup",
                        "description",
                        "startDelay",
                        "stopDelay",
                        "primaryUpdateMethod"));
        if (isProd(overlay)) {
            if (!Integer.valueOf(3).equals(at(cluster, "spec.instances"))) {
                problems.add(
                        "Cluster " + name(cluster) + ": prod needs 3 instances, has " + at(cluster, "spec.instances"));
            }
            List<?> plugins = at(cluster, "spec.plugins") instanceof List<?> l ? l : List.of();
            boolean archiving = plugins.stream()
                    .map(p -> (Map<?, ?>) p)
                    .anyMatch(p -> "barman-cloud.cloudnative-pg.io".equals(p.get("name"))
                            && Boolean.TRUE.equals(p.get("isWALArchiver"))
                            && p.get("parameters") instanceof Map<?, ?> params
                            && overlay.custom("ObjectStore").stream()
                                    .anyMatch(o -> name(o).equals(params.get("barmanObjectName"))));
            if (!archiving) {
                problems.add(
                        "Cluster " + name(cluster) + ": prod needs WAL archiving through the Barman Cloud plugin"
                                + " (spec.plugins barman-cloud.cloudnative-pg.io, isWALArchiver, barmanObjectName of an ObjectStore)");
            }
            boolean scheduled = overlay.custom("ScheduledBackup").stream()
                    .anyMatch(b -> name(cluster).equals(at(b, "spec.cluster.name"))
                            && "plugin".equals(at(b, "spec.method"))
                            && "barman-cloud.cloudnative-pg.io".equals(at(b, "spec.pluginConfiguration.name")));
            if (!scheduled) {
                problems.add("Cluster " + name(cluster)
                        + ": prod needs a ScheduledBackup with method plugin (Barman Cloud)");
            }
        }
        Map<String, Map<?, ?>> roles = new HashMap<>();
        List<?> managed = at(cluster, "spec.managed.roles") instanceof List<?> l ? l : List.of();
        for (Object r : managed) {
            Map<?, ?> role = (Map<?, ?>) r;
            roles.put(String.valueOf(role.get("name")), role);
        }
        Map<String, ConfigMap> configMaps =
                overlay.all(ConfigMap.class).stream().collect(Collectors.toMap(ManifestPolicyTest::name, cm -> cm));
        Map<String, String> schemas = serviceSchemas();
        for (Deployment d : overlay.all(Deployment.class)) {
            String where = "Deployment " + name(d);
            Container app = podSpec(d.getSpec().getTemplate()).getContainers().get(0);
            String user = environment(app, configMaps, problems, d).get("QUARKUS_DATASOURCE_USERNAME");
            String expected = schemas.get(name(d));
            if (expected == null) {
                problems.add(where + ": no service module with quarkus.application.name=" + name(d));
            } else if (!expected.equals(user)) {
                problems.add(where + ": QUARKUS_DATASOURCE_USERNAME is " + user + ", expected the role of its schema "
                        + expected);
            }
            Map<?, ?> role = roles.get(user);
            if (role == null) {
                problems.add(where + ": database role " + user + " is not a managed role of Cluster " + name(cluster));
                continue;
            }
            if (!Boolean.TRUE.equals(role.get("login"))
                    || !Boolean.FALSE.equals(role.get("superuser"))
                    || !Boolean.FALSE.equals(role.get("createdb"))
                    || !Boolean.FALSE.equals(role.get("createrole"))) {
                problems.add("role " + user + ": must be login, superuser false, createdb false, createrole false");
            }
            String passwordSecret = role.get("passwordSecret") instanceof Map<?, ?> ps ? (String) ps.get("name") : null;
            String used = app.getEnv().stream()
                    .filter(e -> e.getName().equals("QUARKUS_DATASOURCE_PASSWORD"))
                    .map(e -> e.getValueFrom() == null || e.getValueFrom().getSecretKeyRef() == null
                            ? null
                            : e.getValueFrom().getSecretKeyRef().getName())
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            if (passwordSecret == null || !passwordSecret.equals(used)) {
                problems.add(where + ": QUARKUS_DATASOURCE_PASSWORD comes from Secret " + used + ", but role " + user
                        + "'s passwordSecret is " + passwordSecret);
            }
        }
        assertNone(overlay, "database role problems", problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void noSecretValueIsCommitted(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Secret secret : overlay.all(Secret.class)) {
            if ((secret.getData() != null && !secret.getData().isEmpty())
                    || (secret.getStringData() != null
                            && !secret.getStringData().isEmpty())) {
                problems.add("Secret " + name(secret) + " has data: secrets are created out of band, never rendered");
            }
        }
        for (ConfigMap cm : overlay.all(ConfigMap.class)) {
            if (cm.getData() != null) {
                cm.getData().keySet().stream()
                        .filter(ManifestPolicyTest::looksSecret)
                        .forEach(k -> problems.add(
                                "ConfigMap " + name(cm) + ": " + k + " looks like a secret; take it from a Secret"));
            }
        }
        List<PodTemplateSpec> templates = new ArrayList<>();
        overlay.all(Deployment.class).forEach(d -> templates.add(d.getSpec().getTemplate()));
        overlay.all(StatefulSet.class).forEach(s -> templates.add(s.getSpec().getTemplate()));
        for (PodTemplateSpec t : templates) {
            for (Container c : podSpec(t).getContainers()) {
                for (EnvVar e : c.getEnv()) {
                    if (looksSecret(e.getName()) && e.getValue() != null) {
                        problems.add("container " + c.getName() + " ("
                                + t.getMetadata().getLabels().get("app.kubernetes.io/name") + "): env " + e.getName()
                                + " has a literal value; use secretKeyRef");
                    }
                }
            }
        }
        assertNone(overlay, "committed secrets", problems);
    }

    private static boolean looksSecret(String name) {
        return SECRET_NAME.matcher(name).matches()
                && !SECRET_LOCATION.matcher(name).matches();
    }

    // --- what the manifests are checked against: the docs and the services' own configuration ---

    /** The topics of the table in docs/events.md (first column, in backticks). */
    static Set<String> documentedTopics() {
        Pattern row = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|");
        Set<String> topics = new TreeSet<>();
        for (String line : lines(ROOT.resolve("docs/events.md"))) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                topics.add(m.group(1));
            }
        }
        assertThat(topics).as("topics in the table of docs/events.md").isNotEmpty();
        return topics;
    }

    /** dlq.<service>.<topic> from every consumer's dead-letter-queue.topic setting. */
    static Set<String> deadLetterTopics() {
        Pattern dlq = Pattern.compile("dead-letter-queue\\.topic=\\$\\{signaldesk\\.kafka\\.topic-prefix:}(\\S+)");
        Set<String> topics = new TreeSet<>();
        for (Path properties : serviceProperties()) {
            for (String line : lines(properties)) {
                Matcher m = dlq.matcher(line);
                if (m.find()) {
                    topics.add(m.group(1));
                }
            }
        }
        return topics;
    }

    /** quarkus.application.name -> signaldesk.schema of every service module. */
    static Map<String, String> serviceSchemas() {
        Map<String, String> schemas = new LinkedHashMap<>();
        for (Path file : serviceProperties()) {
            Properties p = new Properties();
            try (var in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (p.getProperty("quarkus.application.name") != null && p.getProperty("signaldesk.schema") != null) {
                schemas.put(p.getProperty("quarkus.application.name"), p.getProperty("signaldesk.schema"));
            }
        }
        assertThat(schemas).as("services with signaldesk.schema").hasSizeGreaterThanOrEqualTo(6);
        return schemas;
    }

    private static List<Path> serviceProperties() {
        try (Stream<Path> modules = Files.list(ROOT)) {
            return modules.map(m -> m.resolve("src/main/resources/application.properties"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- pods: those the manifests template, and those the operators will create ---

    /** Labels (and named ports, when known) of a kind of pod that will run in the namespace. */
    record Pods(String owner, Map<String, String> labels, Map<String, Integer> ports) {}

    static List<Pods> pods(RenderedOverlay overlay) {
        List<Pods> pods = new ArrayList<>();
        overlay.all(Deployment.class)
                .forEach(d ->
                        pods.add(templated("Deployment " + name(d), d.getSpec().getTemplate())));
        overlay.all(StatefulSet.class)
                .forEach(s ->
                        pods.add(templated("StatefulSet " + name(s), s.getSpec().getTemplate())));
        // The operators label their pods like this (CloudNativePG: cnpg.io/cluster; Strimzi: cluster,
        // kind, name <cluster>-kafka or -entity-operator, and a role label per node pool role).
        for (GenericKubernetesResource cluster : overlay.custom("Cluster")) {
            pods.add(
                    new Pods("CloudNativePG Cluster " + name(cluster), Map.of("cnpg.io/cluster", name(cluster)), null));
        }
        for (GenericKubernetesResource kafka : overlay.custom("Kafka")) {
            String k = name(kafka);
            for (GenericKubernetesResource pool : overlay.custom("KafkaNodePool")) {
                if (!k.equals(labelsOf(pool).get("strimzi.io/cluster"))) {
                    continue;
                }
                Map<String, String> labels = new HashMap<>(Map.of(
                        "strimzi.io/cluster",
                        k,
                        "strimzi.io/kind",
                        "Kafka",
                        "strimzi.io/name",
                        k + "-kafka",
                        "strimzi.io/pool-name",
                        name(pool)));
                List<?> roles = at(pool, "spec.roles") instanceof List<?> l ? l : List.of();
                roles.forEach(role -> labels.put("strimzi.io/" + role + "-role", "true"));
                pods.add(new Pods("KafkaNodePool " + name(pool), labels, null));
            }
            if (at(kafka, "spec.entityOperator") != null) {
                pods.add(new Pods(
                        "Kafka " + k + " entity operator",
                        Map.of(
                                "strimzi.io/cluster",
                                k,
                                "strimzi.io/kind",
                                "Kafka",
                                "strimzi.io/name",
                                k + "-entity-operator"),
                        null));
            }
        }
        return pods;
    }

    private static Pods templated(String owner, PodTemplateSpec template) {
        Map<String, Integer> ports = new HashMap<>();
        podSpec(template).getContainers().forEach(c -> ports.putAll(containerPorts(c)));
        return new Pods(owner, template.getMetadata().getLabels(), ports);
    }

    // --- small helpers ---

    /** The container's environment as the process would see it: envFrom ConfigMaps, then env. */
    private static Map<String, String> environment(
            Container c, Map<String, ConfigMap> configMaps, List<String> problems, HasMetadata owner) {
        Map<String, String> env = new HashMap<>();
        for (EnvFromSource from : c.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                ConfigMap cm = configMaps.get(from.getConfigMapRef().getName());
                if (cm == null) {
                    problems.add(owner.getKind() + " " + name(owner) + ": envFrom ConfigMap "
                            + from.getConfigMapRef().getName() + " is not in the overlay");
                } else if (cm.getData() != null) {
                    env.putAll(cm.getData());
                }
            }
        }
        for (EnvVar e : c.getEnv()) {
            env.put(e.getName(), e.getValue());
        }
        return env;
    }

    private static PodSpec podSpec(PodTemplateSpec template) {
        return template.getSpec();
    }

    private static Map<String, Integer> containerPorts(Container c) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (ContainerPort p : c.getPorts()) {
            ports.put(p.getName() == null ? String.valueOf(p.getContainerPort()) : p.getName(), p.getContainerPort());
        }
        return ports;
    }

    /** A numeric port, or a named one looked up in the container's ports; null when it names none. */
    private static Integer resolve(IntOrString port, Map<String, Integer> ports) {
        if (port == null) {
            return null;
        }
        if (port.getIntVal() != null) {
            return ports.containsValue(port.getIntVal()) ? port.getIntVal() : null;
        }
        return ports.get(port.getStrVal());
    }

    private static String show(IntOrString port) {
        return port == null ? "none" : port.getIntVal() != null ? String.valueOf(port.getIntVal()) : port.getStrVal();
    }

    private static Map<String, String> labels(Deployment d) {
        return d.getSpec().getTemplate().getMetadata().getLabels();
    }

    private static Map<String, String> labelsOf(HasMetadata r) {
        return r.getMetadata().getLabels() == null ? Map.of() : r.getMetadata().getLabels();
    }

    private static Map<String, String> annotationsOf(HasMetadata r) {
        return r.getMetadata().getAnnotations() == null
                ? Map.of()
                : r.getMetadata().getAnnotations();
    }

    private static String name(HasMetadata r) {
        return r.getMetadata().getName();
    }

    private static String describe(LabelSelector s) {
        return "{matchLabels=" + s.getMatchLabels() + ", matchExpressions="
                + (s.getMatchExpressions() == null
                        ? "[]"
                        : s.getMatchExpressions().stream()
                                .map(e -> e.getKey() + " " + e.getOperator() + " " + e.getValues())
                                .collect(Collectors.toList()))
                + "}";
    }

    /**
     * A value of a custom resource by dotted path. Kafka config keys contain dots themselves
     * ({@code min.insync.replicas}), so a missing step is retried joined with the following ones.
     */
    static Object at(GenericKubernetesResource r, String path) {
        Map<String, Object> root = new HashMap<>(r.getAdditionalProperties());
        return at(root, path.split("\\."), 0);
    }

    private static Object at(Object node, String[] parts, int from) {
        if (from == parts.length) {
            return node;
        }
        if (!(node instanceof Map<?, ?> map)) {
            return null;
        }
        for (int to = from + 1; to <= parts.length; to++) {
            String key = String.join(".", List.of(parts).subList(from, to));
            if (map.containsKey(key)) {
                return at(map.get(key), parts, to);
            }
        }
        return null;
    }

    /** The custom resources' fields are checked against the operator's API here, one level at a time. */
    private static void checkKeys(List<String> problems, GenericKubernetesResource r, String path, Set<String> known) {
        if (at(r, path) instanceof Map<?, ?> map) {
            Set<String> unknown = map.keySet().stream()
                    .map(String::valueOf)
                    .filter(k -> !known.contains(k))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!unknown.isEmpty()) {
                problems.add(r.getKind() + " " + name(r) + " " + path + ": unknown field(s) " + unknown);
            }
        }
    }

    private static void assertNone(RenderedOverlay overlay, String what, List<String> problems) {
        assertThat(problems)
                .as("overlay %s: %s:%n  %s%n", overlay.name, what, String.join("\n  ", new LinkedHashSet<>(problems)))
                .isEmpty();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/events.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (docs/events.md) above "
                    + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
