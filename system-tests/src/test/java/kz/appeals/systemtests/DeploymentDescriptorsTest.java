package kz.appeals.systemtests;

import static kz.appeals.systemtests.DeploymentFiles.at;
import static kz.appeals.systemtests.DeploymentFiles.mapping;
import static kz.appeals.systemtests.DeploymentFiles.sequence;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Keeps docker-compose.yml, k8s/ and the services' Dockerfiles in step with the shared spec (services, ports,
 * health endpoints, topics) and with the configuration the services actually read.
 */
class DeploymentDescriptorsTest {

    /** Services and their HTTP ports, from the spec. */
    private static final Map<String, Integer> PORTS = orderedPorts();
    /** Environment variables every service reads, from the spec. */
    private static final Set<String> COMMON_ENV = Set.of("QUARKUS_HTTP_PORT", "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER");
    private static final Map<String, Set<String>> EXTRA_ENV = Map.of("intake-service", Set.of("APPEALS_PSEUDONYM_KEY",
            "APPEALS_PERSONAL_DATA_CURRENT_KEY_ID", "APPEALS_PERSONAL_DATA_CURRENT_KEY"));
    private static final String LIVE = "/q/health/live";
    private static final String READY = "/q/health/ready";
    /**
     * Kafka client settings that only a secured connection reads (SASL credentials, TLS trust). k8s/ sets them for
     * its SCRAM-over-TLS listener; compose's broker is plaintext, so they are the only variables compose may lack.
     */
    static final Pattern SECURED_KAFKA_ENV = Pattern.compile("KAFKA_(SASL|SSL)_[A-Z0-9_]+");
    /** Read by the image's entry point (Dockerfile.jvm), not by the application's configuration. */
    private static final String JVM_OPTIONS_ENV = "JAVA_OPTS_APPEND";
    private static final String NAME_LABEL = "app.kubernetes.io/name";
    private static final String NAMESPACE = "appeals";

    private static Path root;
    private static Map<String, Object> composeServices;
    private static List<Map<String, Object>> rendered;

    @BeforeAll
    static void readCompose() {
        root = DeploymentFiles.repositoryRoot();
        Map<String, Object> compose = DeploymentFiles.yamlMapping(root.resolve("docker-compose.yml"));
        composeServices = mapping(compose.get("services"), "services of docker-compose.yml");
    }

    @Test
    void composeRunsEveryServiceAfterHealthyInfrastructure() {
        List<Executable> checks = new ArrayList<>();
        for (String name : Stream.concat(PORTS.keySet().stream(), Stream.of("kafka", "postgres")).toList()) {
            checks.add(() -> {
                assertTrue(composeServices.containsKey(name), "docker-compose.yml has no service " + name);
                assertFalse(healthcheckCommand(name).isBlank(), name + " has no healthcheck test in docker-compose.yml");
            });
        }
        for (String service : PORTS.keySet()) {
            checks.add(() -> {
                Map<String, Object> dependsOn = mapping(at(composeServices, service, "depends_on")
                        .orElseGet(() -> fail(service + " has no depends_on")), service + ".depends_on");
                for (String infrastructure : List.of("kafka", "postgres")) {
                    assertEquals("service_healthy", at(dependsOn, infrastructure, "condition").orElse(null),
                            service + " must wait for a healthy " + infrastructure);
                }
                dependsOn.forEach((dependency, condition) -> {
                    assertTrue(composeServices.containsKey(dependency), service + " depends on unknown " + dependency);
                    assertTrue(Set.of("service_healthy", "service_completed_successfully")
                                    .contains(at(condition, "condition").orElse("")),
                            service + " must wait for " + dependency + " to be healthy or completed, not just started");
                });
            });
        }
        assertAll(checks);
    }

    @Test
    void everyYamlFileUnderK8sParses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root.resolve("k8s"))) {
            files = walk.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted().toList();
        }
        assertFalse(files.isEmpty(), "no YAML files under k8s/");
        assertAll(files.stream().<Executable>map(file -> () -> {
            List<Object> documents = DeploymentFiles.yamlDocuments(DeploymentFiles.read(file));
            assertFalse(documents.isEmpty(), file + " holds no YAML document");
            for (Object document : documents) {
                assertTrue(mapping(document, file.toString()).containsKey("kind"), file + ": a document has no kind");
            }
        }));
    }

    @Test
    void kustomizeRendersDeploymentServiceAndConfigMapPerService() {
        List<Executable> checks = new ArrayList<>();
        for (String service : PORTS.keySet()) {
            for (String kind : List.of("Deployment", "Service", "ConfigMap")) {
                checks.add(() -> assertFalse(resources(kind, service).isEmpty(),
                        "k8s/ renders no " + kind + " labelled " + NAME_LABEL + "=" + service));
            }
        }
        for (Map<String, Object> resource : rendered()) {
            if (!"Namespace".equals(resource.get("kind"))) {
                checks.add(() -> assertEquals(NAMESPACE, at(resource, "metadata", "namespace").orElse(null),
                        describe(resource) + " is not in namespace " + NAMESPACE));
            }
        }
        assertAll(checks);
    }

    @Test
    void deploymentsRunReplicatedNonRootReadOnlyAndBounded() {
        rendered();
        assertAll(PORTS.keySet().stream().<Executable>map(service -> () -> {
            Map<String, Object> deployment = deployment(service);
            Map<String, Object> pod = mapping(at(deployment, "spec", "template", "spec").orElse(null), service + " pod");
            Map<String, Object> container = container(service);
            Optional<Map<String, Object>> autoscaler = rendered().stream()
                    .filter(resource -> "HorizontalPodAutoscaler".equals(resource.get("kind")))
                    .filter(hpa -> "Deployment".equals(at(hpa, "spec", "scaleTargetRef", "kind").orElse(null))
                            && service.equals(at(hpa, "spec", "scaleTargetRef", "name").orElse(null)))
                    .findFirst();
            autoscaler.ifPresent(hpa -> assertFalse(at(deployment, "spec", "replicas").isPresent(),
                    service + ": the HorizontalPodAutoscaler owns the replica count; a fixed spec.replicas resets it"
                            + " on every apply"));
            Optional<Object> floor = autoscaler.isPresent() ? at(autoscaler.get(), "spec", "minReplicas")
                    : at(deployment, "spec", "replicas");
            assertTrue(((Number) floor.orElse(1)).intValue() >= 2, service + " must run at least 2 replicas");
            assertEquals(Boolean.TRUE, at(pod, "securityContext", "runAsNonRoot").orElse(null),
                    service + " pod must set runAsNonRoot");
            assertEquals(Boolean.TRUE, at(container, "securityContext", "readOnlyRootFilesystem").orElse(null),
                    service + " container must set readOnlyRootFilesystem");
            assertTrue(volumeMountPaths(container).contains("/tmp"), service + " needs a writable /tmp volume");
            assertTrue(at(pod, "terminationGracePeriodSeconds").isPresent(),
                    service + " must set terminationGracePeriodSeconds");
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    assertTrue(at(container, "resources", bound, resource).isPresent(),
                            service + " container has no resources." + bound + "." + resource);
                }
            }
        }));
    }

    @Test
    void composeAndKubernetesSetTheSameEnvironmentWhichMapsToApplicationProperties() {
        rendered();
        assertAll(PORTS.keySet().stream().<Executable>map(service -> () -> {
            Set<String> compose = new TreeSet<>(composeEnvironment(service).keySet());
            Set<String> kubernetes = new TreeSet<>(kubernetesEnvironment(service).keySet());
            compose.removeIf(name -> SECURED_KAFKA_ENV.matcher(name).matches());
            kubernetes.removeIf(name -> SECURED_KAFKA_ENV.matcher(name).matches());
            assertEquals(compose, kubernetes, service + ": environment variables of docker-compose.yml vs k8s/"
                    + " (apart from " + SECURED_KAFKA_ENV.pattern() + ", which Quarkus hands to the Kafka client)");

            Set<String> required = new TreeSet<>(COMMON_ENV);
            required.addAll(EXTRA_ENV.getOrDefault(service, Set.of()));
            assertTrue(compose.containsAll(required), service + " lacks " + difference(required, compose));

            Properties properties = DeploymentFiles.applicationProperties(root, service);
            Set<String> mappedKeys = properties.stringPropertyNames().stream()
                    .filter(key -> !key.startsWith("%"))
                    .map(DeploymentDescriptorsTest::environmentName)
                    .collect(Collectors.toSet());
            Set<String> configured = new TreeSet<>(compose);
            configured.remove(JVM_OPTIONS_ENV);
            assertTrue(mappedKeys.containsAll(configured), service + ": no key of application.properties maps to "
                    + difference(configured, mappedKeys) + " (MicroProfile Config: upper case, other characters '_')");
        }));
    }

    @Test
    void kubernetesEnvironmentReferencesExistingKeys() {
        rendered();
        assertAll(PORTS.keySet().stream().flatMap(service -> kubernetesEnvironment(service).entrySet().stream()
                .<Executable>map(variable -> () -> {
                    Object reference = variable.getValue();
                    if (reference instanceof String) {
                        return;
                    }
                    Optional<Object> configMap = at(reference, "configMapKeyRef");
                    String kind = configMap.isPresent() ? "ConfigMap" : "Secret";
                    Object keyRef = configMap.or(() -> at(reference, "secretKeyRef")).orElseGet(() ->
                            fail(service + " " + variable.getKey() + " is neither a value nor a ConfigMap/Secret key"));
                    String name = (String) at(keyRef, "name").orElse(null);
                    String key = (String) at(keyRef, "key").orElse(null);
                    Optional<Set<String>> operatorWritten = "Secret".equals(kind) ? operatorSecretKeys(name)
                            : Optional.empty();
                    if (operatorWritten.isPresent()) {
                        assertTrue(operatorWritten.get().contains(key), service + " " + variable.getKey()
                                + " refers to key " + key + " of Secret " + name + ", which holds only "
                                + operatorWritten.get());
                        return;
                    }
                    Map<String, Object> source = named(kind, name).orElseGet(() ->
                            fail(service + " " + variable.getKey() + " refers to missing " + kind + " " + name));
                    boolean present = at(source, "data", key).isPresent() || at(source, "stringData", key).isPresent();
                    assertTrue(present, service + " " + variable.getKey() + " refers to missing key " + key
                            + " of " + kind + " " + name);
                })));
    }

    @Test
    void portsAndHealthEndpointsAgreeWithTheSpec() {
        rendered();
        assertAll(PORTS.entrySet().stream().<Executable>map(entry -> () -> {
            String service = entry.getKey();
            int port = entry.getValue();

            assertEquals(String.valueOf(port), String.valueOf(composeEnvironment(service).get("QUARKUS_HTTP_PORT")),
                    service + " QUARKUS_HTTP_PORT in docker-compose.yml");
            assertTrue(composeContainerPorts(service).contains(port), service + " does not publish " + port);
            assertTrue(healthcheckCommand(service).contains(":" + port + READY),
                    service + " compose healthcheck must call " + READY + " on " + port);

            Map<String, Object> container = container(service);
            assertEquals(String.valueOf(port), kubernetesValue(service, "QUARKUS_HTTP_PORT"),
                    service + " QUARKUS_HTTP_PORT in k8s/");
            assertTrue(containerPorts(container).containsValue(port), service + " container does not expose " + port);
            assertEquals(LIVE, at(container, "livenessProbe", "httpGet", "path").orElse(null), service + " liveness");
            assertEquals(READY, at(container, "readinessProbe", "httpGet", "path").orElse(null), service + " readiness");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                at(container, probe, "httpGet", "port").ifPresent(probePort -> assertEquals(port,
                        resolvePort(container, probePort), service + " " + probe + " port"));
            }
            for (Map<String, Object> k8sService : resources("Service", service)) {
                for (Object servicePort : sequence(at(k8sService, "spec", "ports").orElse(null), service + " ports")) {
                    assertEquals(port, resolvePort(container, at(servicePort, "targetPort")
                            .orElseGet(() -> at(servicePort, "port").orElseThrow())), service + " Service targetPort");
                }
            }

            String dockerfile = DeploymentFiles.read(root.resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
            assertTrue(Pattern.compile("(?m)^EXPOSE\\s+(.*\\s)?" + port + "(/tcp)?\\s*$").matcher(dockerfile).find(),
                    service + " Dockerfile.jvm must EXPOSE " + port);
            Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
            String lastUser = "root";
            while (user.find()) {
                lastUser = user.group(1);
            }
            assertFalse(Set.of("root", "0", "0:0").contains(lastUser), service + " Dockerfile.jvm must run as non-root");
        }));
    }

    @Test
    void kafkaTopicsMatchTopicsTxt() {
        Path topicsTxt = root.resolve("infra/kafka/topics.txt");
        assumeTrue(Files.isRegularFile(topicsTxt), "infra/kafka/topics.txt does not exist yet");
        Map<String, DeploymentFiles.TopicLine> expected = DeploymentFiles.topicsTxt(topicsTxt).stream()
                .collect(Collectors.toMap(DeploymentFiles.TopicLine::name, Function.identity(), (a, b) -> a,
                        TreeMap::new));
        Map<String, Map<String, Object>> actual = rendered().stream()
                .filter(resource -> "KafkaTopic".equals(resource.get("kind")))
                .collect(Collectors.toMap(
                        topic -> (String) at(topic, "spec", "topicName").or(() -> at(topic, "metadata", "name"))
                                .orElseThrow(),
                        Function.identity(), (a, b) -> a, TreeMap::new));
        assertEquals(expected.keySet(), actual.keySet(), "KafkaTopic resources in k8s/ vs infra/kafka/topics.txt");
        assertAll(expected.values().stream().<Executable>map(line -> () -> {
            Map<String, Object> topic = actual.get(line.name());
            assertEquals(line.partitions(), at(topic, "spec", "partitions").orElse(null), line.name() + " partitions");
            line.config().forEach((key, value) -> assertEquals(value,
                    at(topic, "spec", "config").map(config -> mapping(config, line.name() + " config").get(key))
                            .map(String::valueOf).orElse(null),
                    line.name() + " " + key));
        }));
    }

    // --- docker-compose.yml ---

    private static Map<String, Object> composeEnvironment(String service) {
        Object environment = at(composeServices, service, "environment").orElse(Map.of());
        if (environment instanceof List<?> list) {
            Map<String, Object> variables = new LinkedHashMap<>();
            for (Object item : list) {
                String[] keyValue = String.valueOf(item).split("=", 2);
                variables.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : null);
            }
            return variables;
        }
        return mapping(environment, service + ".environment");
    }

    private static String healthcheckCommand(String service) {
        Object test = at(composeServices, service, "healthcheck", "test").orElse("");
        return test instanceof List<?> parts
                ? parts.stream().map(String::valueOf).collect(Collectors.joining(" "))
                : String.valueOf(test);
    }

    /** Container side of each `ports` entry, short ("127.0.0.1:8081:8081/tcp") or long syntax. */
    private static Set<Integer> composeContainerPorts(String service) {
        Set<Integer> ports = new TreeSet<>();
        for (Object entry : sequence(at(composeServices, service, "ports").orElse(List.of()), service + ".ports")) {
            if (entry instanceof Map<?, ?> longSyntax) {
                ports.add(Integer.parseInt(String.valueOf(longSyntax.get("target"))));
            } else {
                String shortSyntax = String.valueOf(entry).replaceFirst("/.*", "");
                ports.add(Integer.parseInt(shortSyntax.substring(shortSyntax.lastIndexOf(':') + 1)));
            }
        }
        return ports;
    }

    // --- rendered k8s/ ---

    /**
     * k8s/ as kubectl renders it, once per run. Tests call it before their per-service checks, so a missing kubectl
     * fails each test once rather than once per check.
     */
    private static synchronized List<Map<String, Object>> rendered() {
        if (rendered == null) {
            rendered = DeploymentFiles.kustomize(root.resolve(DeploymentFiles.BASE));
        }
        return rendered;
    }

    private static List<Map<String, Object>> resources(String kind, String service) {
        return rendered().stream()
                .filter(resource -> kind.equals(resource.get("kind")))
                .filter(resource -> service.equals(at(resource, "metadata", "labels", NAME_LABEL).orElse(null)))
                .toList();
    }

    /**
     * The keys of a Secret that Strimzi writes for a rendered resource, as its documentation lists them: the User
     * Operator's Secret per KafkaUser (named like the user) and the Cluster Operator's cluster CA certificate.
     */
    private static Optional<Set<String>> operatorSecretKeys(String name) {
        Optional<Map<String, Object>> user = named("KafkaUser", name);
        if (user.isPresent()) {
            return Optional.of("tls".equals(at(user.get(), "spec", "authentication", "type").orElse(null))
                    ? Set.of("ca.crt", "user.crt", "user.key", "user.p12", "user.password")
                    : Set.of("password", "sasl.jaas.config"));
        }
        return rendered().stream()
                .filter(resource -> "Kafka".equals(resource.get("kind")))
                .filter(kafka -> name.equals(at(kafka, "metadata", "name").orElse("") + "-cluster-ca-cert"))
                .findFirst()
                .map(kafka -> Set.of("ca.crt", "ca.p12", "ca.password"));
    }

    private static Optional<Map<String, Object>> named(String kind, String name) {
        return rendered().stream()
                .filter(resource -> kind.equals(resource.get("kind")))
                .filter(resource -> name != null && name.equals(at(resource, "metadata", "name").orElse(null)))
                .findFirst();
    }

    private static Map<String, Object> deployment(String service) {
        List<Map<String, Object>> deployments = resources("Deployment", service);
        assertEquals(1, deployments.size(), "Deployments labelled " + NAME_LABEL + "=" + service);
        return deployments.get(0);
    }

    /** The service's container: the one named after it, or the only one. */
    private static Map<String, Object> container(String service) {
        List<Object> containers = sequence(at(deployment(service), "spec", "template", "spec", "containers")
                .orElse(null), service + " containers");
        return containers.stream()
                .map(container -> mapping(container, service + " container"))
                .filter(container -> containers.size() == 1 || service.equals(container.get("name")))
                .findFirst()
                .orElseGet(() -> fail(service + " has no container named " + service));
    }

    /** Variable name to its literal value or its valueFrom; envFrom would hide names and is rejected. */
    private static Map<String, Object> kubernetesEnvironment(String service) {
        Map<String, Object> container = container(service);
        assertFalse(container.containsKey("envFrom"),
                service + ": list each variable under env so its name is visible, instead of envFrom");
        Map<String, Object> variables = new LinkedHashMap<>();
        for (Object item : sequence(container.getOrDefault("env", List.of()), service + " env")) {
            Map<String, Object> variable = mapping(item, service + " env entry");
            variables.put(String.valueOf(variable.get("name")),
                    variable.containsKey("valueFrom") ? variable.get("valueFrom") : String.valueOf(variable.get("value")));
        }
        return variables;
    }

    /** A variable's value in k8s/, following a ConfigMap reference. */
    private static String kubernetesValue(String service, String variable) {
        Object reference = kubernetesEnvironment(service).get(variable);
        if (reference instanceof String literal) {
            return literal;
        }
        String name = (String) at(reference, "configMapKeyRef", "name").orElseGet(() ->
                fail(service + " " + variable + " should come from a ConfigMap or a literal"));
        String key = (String) at(reference, "configMapKeyRef", "key").orElseThrow();
        return named("ConfigMap", name).flatMap(configMap -> at(configMap, "data", key)).map(String::valueOf)
                .orElseGet(() -> fail("ConfigMap " + name + " has no key " + key));
    }

    private static Map<String, Integer> containerPorts(Map<String, Object> container) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Object port : sequence(container.getOrDefault("ports", List.of()), "container ports")) {
            int number = ((Number) at(port, "containerPort").orElseThrow()).intValue();
            ports.put(String.valueOf(at(port, "name").orElse(number)), number);
        }
        return ports;
    }

    /** A port given as a number or as the name of one of the container's ports. */
    private static int resolvePort(Map<String, Object> container, Object port) {
        if (port instanceof Number number) {
            return number.intValue();
        }
        Integer named = containerPorts(container).get(String.valueOf(port));
        return named != null ? named : fail("no container port named " + port);
    }

    private static Set<String> volumeMountPaths(Map<String, Object> container) {
        return sequence(container.getOrDefault("volumeMounts", List.of()), "volumeMounts").stream()
                .map(mount -> String.valueOf(at(mount, "mountPath").orElse("")))
                .collect(Collectors.toSet());
    }

    private static String describe(Map<String, Object> resource) {
        return resource.get("kind") + " " + at(resource, "metadata", "name").orElse("?");
    }

    // --- helpers ---

    /** MicroProfile Config's environment variable for a property: non-alphanumerics become '_', upper case. */
    private static String environmentName(String propertyKey) {
        return propertyKey.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static Set<String> difference(Set<String> from, Set<String> minus) {
        Set<String> result = new TreeSet<>(from);
        result.removeAll(minus);
        return result;
    }

    private static Map<String, Integer> orderedPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("intake-service", 8081);
        ports.put("routing-service", 8082);
        ports.put("response-service", 8083);
        ports.put("escalation-service", 8084);
        ports.put("analytics-service", 8085);
        return ports;
    }
}
