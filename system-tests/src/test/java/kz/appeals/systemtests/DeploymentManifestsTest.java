package kz.appeals.systemtests;

import static kz.appeals.systemtests.DeploymentFiles.at;
import static kz.appeals.systemtests.DeploymentFiles.mapping;
import static kz.appeals.systemtests.DeploymentFiles.sequence;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.appeals.contracts.EventType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What kustomize renders for k8s/base and for k8s/overlays/production: every manifest valid against the schema of
 * its kind (ManifestSchemas), selectors that reach the pods they are meant for, Kafka users allowed exactly what
 * their service uses, autoscaling bounded by partitions and database connections, replication that fits the
 * brokers, and alerts and dashboards over metrics the services export.
 */
class DeploymentManifestsTest {

    private static final List<String> SERVICES = List.of("intake-service", "routing-service", "response-service",
            "escalation-service", "analytics-service");
    private static final String NAME_LABEL = "app.kubernetes.io/name";
    /** Prefixes of the metrics of what the services do not define themselves: the Kafka exporter, Quarkus' HTTP
     *  server binder and Micrometer's JVM binder. */
    private static final List<String> EXTERNAL_METRIC_PREFIXES = List.of("kafka_consumergroup_",
            "http_server_requests_seconds_", "jvm_");

    private static Path root;
    private static Map<String, List<Map<String, Object>>> renderings;

    @BeforeAll
    static void render() {
        root = DeploymentFiles.repositoryRoot();
        renderings = new LinkedHashMap<>();
        renderings.put(DeploymentFiles.BASE, DeploymentFiles.kustomize(root.resolve(DeploymentFiles.BASE)));
        renderings.put(DeploymentFiles.PRODUCTION, DeploymentFiles.kustomize(root.resolve(DeploymentFiles.PRODUCTION)));
    }

    @Test
    void everyRenderedManifestMatchesTheSchemaOfItsKind() {
        List<Executable> checks = new ArrayList<>();
        renderings.forEach((rendering, resources) -> {
            for (Map<String, Object> resource : resources) {
                checks.add(() -> {
                    List<String> violations = ManifestSchemas.violations(resource);
                    assertTrue(violations.isEmpty(), rendering + ": " + describe(resource) + " violates its schema:\n  "
                            + String.join("\n  ", violations));
                });
            }
            checks.add(() -> assertEquals(Set.of("kafka.strimzi.io/v1"), resources.stream()
                    .map(resource -> String.valueOf(resource.get("apiVersion")))
                    .filter(apiVersion -> apiVersion.startsWith("kafka.strimzi.io/"))
                    .collect(Collectors.toSet()), rendering + ": one Strimzi API version for every Strimzi resource"));
        });
        assertAll(checks);
    }

    @Test
    void selectorsReachTheServicesPods() {
        List<Executable> checks = new ArrayList<>();
        renderings.forEach((rendering, resources) -> {
            for (String service : SERVICES) {
                checks.add(() -> {
                    String where = rendering + " " + service;
                    Map<String, Object> deployment = only(resources, "Deployment", service);
                    Map<String, Object> podLabels = mapping(at(deployment, "spec", "template", "metadata", "labels")
                            .orElse(Map.of()), where + " pod labels");
                    Set<String> containerPorts = containerPortNames(deployment);
                    assertSelects(at(deployment, "spec", "selector", "matchLabels"), podLabels, where + " Deployment");

                    Map<String, Object> k8sService = only(resources, "Service", service);
                    assertSelects(at(k8sService, "spec", "selector"), podLabels, where + " Service");
                    Set<String> servicePorts = sequence(at(k8sService, "spec", "ports").orElse(List.of()), "ports")
                            .stream().map(port -> String.valueOf(at(port, "name").orElse(""))).collect(Collectors.toSet());

                    Map<String, Object> hpa = only(resources, "HorizontalPodAutoscaler", service);
                    assertEquals(List.of("apps/v1", "Deployment", at(deployment, "metadata", "name").orElseThrow()),
                            List.of(at(hpa, "spec", "scaleTargetRef", "apiVersion").orElse(""),
                                    at(hpa, "spec", "scaleTargetRef", "kind").orElse(""),
                                    at(hpa, "spec", "scaleTargetRef", "name").orElse("")), where + " HPA target");

                    Map<String, Object> pdb = only(resources, "PodDisruptionBudget", service);
                    assertSelects(at(pdb, "spec", "selector", "matchLabels"), podLabels, where + " PodDisruptionBudget");

                    Map<String, Object> policy = only(resources, "NetworkPolicy", service);
                    assertSelects(at(policy, "spec", "podSelector", "matchLabels"), podLabels, where + " NetworkPolicy");
                    for (Object rule : sequence(at(policy, "spec", "ingress").orElse(List.of()), "ingress")) {
                        for (Object port : sequence(at(rule, "ports").orElse(List.of()), "ingress ports")) {
                            Object number = at(port, "port").orElse(null);
                            assertTrue(number instanceof Number || containerPorts.contains(String.valueOf(number)),
                                    where + " NetworkPolicy admits port " + number + ", which the container does not"
                                            + " name (" + containerPorts + ")");
                        }
                    }

                    Map<String, Object> monitor = only(resources, "ServiceMonitor", service);
                    assertSelects(at(monitor, "spec", "selector", "matchLabels"), mapping(at(k8sService, "metadata",
                            "labels").orElse(Map.of()), "Service labels"), where + " ServiceMonitor");
                    for (Object endpoint : sequence(at(monitor, "spec", "endpoints").orElse(List.of()), "endpoints")) {
                        assertTrue(servicePorts.contains(String.valueOf(at(endpoint, "port").orElse(null))), where
                                + " ServiceMonitor scrapes port " + at(endpoint, "port").orElse(null)
                                + ", which the Service does not name (" + servicePorts + ")");
                        assertEquals("/q/metrics", at(endpoint, "path").orElse(null), where + " metrics path");
                    }
                });
            }
        });
        assertAll(checks);
    }

    /**
     * A pod runs the JVM the benchmarks chose for `./appeals up` (scripts/services.sh): the same collector and JIT
     * tiers; only the heap differs, sized there by -Xmx and in a pod from its memory limit.
     */
    @Test
    void podsRunTheJvmTheBenchmarksChose() throws IOException {
        Matcher line = Pattern.compile("(?m)^SERVICE_JVM=\\(([^)]*)\\)").matcher(
                Files.readString(root.resolve("scripts/services.sh")));
        assertTrue(line.find(), "scripts/services.sh sets SERVICE_JVM");
        String chosen = Arrays.stream(line.group(1).trim().split("\\s+")).filter(flag -> !flag.startsWith("-Xmx"))
                .collect(Collectors.joining(" "));
        List<Executable> checks = new ArrayList<>();
        renderings.forEach((rendering, resources) -> SERVICES.forEach(service -> checks.add(() -> assertEquals(
                chosen, configValue(resources, service, "JAVA_OPTS_APPEND"), rendering + " " + service))));
        assertAll(checks);
    }

    @Test
    void kafkaUsersAreAllowedExactlyWhatTheirServiceUses() {
        List<Executable> checks = new ArrayList<>();
        renderings.forEach((rendering, resources) -> {
            for (String service : SERVICES) {
                checks.add(() -> {
                    String where = rendering + " " + service;
                    Map<String, Object> user = only(resources, "KafkaUser", service);
                    assertEquals(expectedAcls(service), grantedAcls(user), where + ": ACLs of its KafkaUser vs the topics"
                            + " and groups of its application.properties and the topics of the events its outbox records");

                    Map<String, Object> jaas = mapping(kubernetesEnvironment(resources, service)
                            .get("KAFKA_SASL_JAAS_CONFIG"), where + " KAFKA_SASL_JAAS_CONFIG");
                    assertEquals(at(user, "metadata", "name").orElseThrow(), at(jaas, "secretKeyRef", "name").orElse(null),
                            where + " must authenticate with its own KafkaUser's Secret");
                });
            }
        });
        assertAll(checks);
    }

    @Test
    void kafkaClientSettingsMatchTheListenerTheyConnectTo() {
        List<Executable> checks = new ArrayList<>();
        renderings.forEach((rendering, resources) -> {
            Map<String, Object> kafka = only(resources, "Kafka", null);
            for (String service : SERVICES) {
                checks.add(() -> {
                    String where = rendering + " " + service;
                    String bootstrap = configValue(resources, service, "KAFKA_BOOTSTRAP_SERVERS");
                    int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
                    Map<String, Object> listener = sequence(at(kafka, "spec", "kafka", "listeners").orElseThrow(),
                            "listeners").stream().map(l -> mapping(l, "listener"))
                            .filter(l -> Objects.equals(port, at(l, "port").orElse(null))).findFirst()
                            .orElseGet(() -> fail(where + " connects to port " + port + ", on which Kafka has no listener"));
                    assertEquals(at(kafka, "metadata", "name").orElseThrow() + "-kafka-bootstrap",
                            bootstrap.substring(0, bootstrap.lastIndexOf(':')), where + " bootstrap service");
                    boolean tls = Boolean.TRUE.equals(at(listener, "tls").orElse(false));
                    String authentication = String.valueOf(at(listener, "authentication", "type").orElse("none"));
                    assertEquals("scram-sha-512", authentication, where + ": the services authenticate with SCRAM");
                    assertEquals(tls ? "SASL_SSL" : "SASL_PLAINTEXT", configValue(resources, service,
                            "KAFKA_SECURITY_PROTOCOL"), where + " security protocol for listener " + listener.get("name"));
                    assertEquals("SCRAM-SHA-512", configValue(resources, service, "KAFKA_SASL_MECHANISM"),
                            where + " SASL mechanism");
                    assertEquals(authentication, at(only(resources, "KafkaUser", service), "spec", "authentication",
                            "type").orElse(null), where + " KafkaUser authentication vs the listener's");
                    assertEquals("simple", at(kafka, "spec", "kafka", "authorization", "type").orElse(null),
                            rendering + ": the KafkaUsers' ACLs only apply with simple authorization");
                });
            }
        });
        assertAll(checks);
    }

    @Test
    void autoscalingIsBoundedByPartitionsAndDatabaseConnections() {
        List<Executable> checks = new ArrayList<>();
        renderings.forEach((rendering, resources) -> {
            Map<String, Integer> partitions = new LinkedHashMap<>();
            for (Map<String, Object> topic : kind(resources, "KafkaTopic")) {
                partitions.put(String.valueOf(at(topic, "spec", "topicName").or(() -> at(topic, "metadata", "name"))
                        .orElseThrow()), ((Number) at(topic, "spec", "partitions").orElseThrow()).intValue());
            }
            int connections = 0;
            for (String service : SERVICES) {
                Map<String, Object> hpa = only(resources, "HorizontalPodAutoscaler", service);
                int min = ((Number) at(hpa, "spec", "minReplicas").orElse(1)).intValue();
                int max = ((Number) at(hpa, "spec", "maxReplicas").orElseThrow()).intValue();
                Properties properties = DeploymentFiles.applicationProperties(root, service);
                int bound = consumedTopics(properties).stream().mapToInt(topic -> partitions.getOrDefault(topic, 0))
                        .max().orElse(1);
                connections += max * Integer.parseInt(properties.getProperty("quarkus.datasource.jdbc.max-size", "20"));
                checks.add(() -> {
                    assertTrue(min >= 2, rendering + " " + service + " autoscales down to " + min + " replicas");
                    assertTrue(max <= bound, rendering + " " + service + " may scale to " + max + " replicas, beyond"
                            + " the " + bound + " partitions of the largest topic it consumes");
                });
            }
            int needed = connections;
            checks.add(() -> {
                Object limit = at(only(resources, "Cluster", null), "spec", "postgresql", "parameters",
                        "max_connections").orElse("100");
                assertTrue(Integer.parseInt(String.valueOf(limit)) >= needed, rendering + ": max_connections " + limit
                        + " is below the " + needed + " connections the services' pools may open at their HPA maxima");
            });
        });
        assertAll(checks);
    }

    @Test
    void replicationFitsTheBrokersAndProductionIsHighlyAvailable() {
        List<Executable> checks = new ArrayList<>();
        renderings.forEach((rendering, resources) -> {
            int brokers = kind(resources, "KafkaNodePool").stream()
                    .filter(pool -> sequence(at(pool, "spec", "roles").orElse(List.of()), "roles").contains("broker"))
                    .mapToInt(pool -> ((Number) at(pool, "spec", "replicas").orElseThrow()).intValue()).sum();
            Map<String, Object> config = mapping(at(only(resources, "Kafka", null), "spec", "kafka", "config")
                    .orElse(Map.of()), "Kafka config");
            int minInSync = Integer.parseInt(String.valueOf(config.getOrDefault("min.insync.replicas", 1)));
            for (Map<String, Object> topic : kind(resources, "KafkaTopic")) {
                int replicas = ((Number) at(topic, "spec", "replicas").orElseThrow()).intValue();
                checks.add(() -> assertTrue(replicas <= brokers && minInSync <= replicas, rendering + " "
                        + describe(topic) + ": " + replicas + " replicas, min.insync.replicas " + minInSync + ", "
                        + brokers + " brokers"));
            }
            for (String key : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                    "share.coordinator.state.topic.replication.factor", "default.replication.factor")) {
                checks.add(() -> assertTrue(Integer.parseInt(String.valueOf(config.getOrDefault(key, 3))) <= brokers,
                        rendering + ": " + key + " exceeds the " + brokers + " brokers"));
            }
            if (rendering.equals(DeploymentFiles.PRODUCTION)) {
                checks.add(() -> productionIsHighlyAvailable(resources, brokers, minInSync, config));
            }
        });
        assertAll(checks);
    }

    private static void productionIsHighlyAvailable(List<Map<String, Object>> resources, int brokers, int minInSync,
                                                    Map<String, Object> config) {
        assertEquals(3, brokers, "production Kafka brokers");
        assertEquals(2, minInSync, "production min.insync.replicas");
        for (String key : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "default.replication.factor")) {
            assertEquals("3", String.valueOf(config.get(key)), "production " + key);
        }
        for (Map<String, Object> topic : kind(resources, "KafkaTopic")) {
            assertEquals(3, at(topic, "spec", "replicas").orElse(null), "production " + describe(topic) + " replicas");
        }
        Map<String, Object> cluster = only(resources, "Cluster", null);
        assertEquals(3, at(cluster, "spec", "instances").orElse(null), "production PostgreSQL instances");
        Map<String, Object> archiver = sequence(at(cluster, "spec", "plugins").orElse(List.of()), "plugins").stream()
                .map(plugin -> mapping(plugin, "plugin"))
                .filter(plugin -> Boolean.TRUE.equals(plugin.get("isWALArchiver"))).findFirst()
                .orElseGet(() -> fail("production PostgreSQL archives no WAL (no plugin with isWALArchiver)"));
        Object store = at(archiver, "parameters", "barmanObjectName").orElse(null);
        assertTrue(kind(resources, "ObjectStore").stream().anyMatch(s -> Objects.equals(store, at(s, "metadata", "name")
                .orElse(null))), "production WAL archive names ObjectStore " + store + ", which is not rendered");
        assertTrue(kind(resources, "ScheduledBackup").stream().anyMatch(backup ->
                        Objects.equals(at(cluster, "metadata", "name").orElse(null), at(backup, "spec", "cluster", "name")
                                .orElse(null))
                                && "plugin".equals(at(backup, "spec", "method").orElse(null))
                                && Objects.equals(archiver.get("name"), at(backup, "spec", "pluginConfiguration", "name")
                                .orElse(null))),
                "production has no ScheduledBackup of the cluster through its backup plugin");
        for (Map<String, Object> hpa : kind(resources, "HorizontalPodAutoscaler")) {
            assertTrue(((Number) at(hpa, "spec", "minReplicas").orElse(1)).intValue() >= 3,
                    "production " + describe(hpa) + " runs fewer than 3 replicas (one per zone)");
        }
        for (Map<String, Object> deployment : kind(resources, "Deployment")) {
            for (Object container : sequence(at(deployment, "spec", "template", "spec", "containers").orElseThrow(),
                    "containers")) {
                String image = String.valueOf(at(container, "image").orElse(""));
                assertTrue(image.contains("/") && image.contains(":") && !image.endsWith("-SNAPSHOT"),
                        "production " + describe(deployment) + " runs " + image + ", not a released image of a registry");
            }
        }
    }

    @Test
    void alertsAndDashboardUseMetricsThatExistAndCoverWhatOperatorsWatch() throws IOException {
        Set<String> exported = exportedMetrics();
        List<Executable> checks = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> entry : renderings.entrySet()) {
            String rendering = entry.getKey();
            List<String> alertExpressions = new ArrayList<>();
            for (Map<String, Object> rule : kind(entry.getValue(), "PrometheusRule")) {
                for (Object group : sequence(at(rule, "spec", "groups").orElse(List.of()), "groups")) {
                    for (Object alert : sequence(at(group, "rules").orElse(List.of()), "rules")) {
                        alertExpressions.add(String.valueOf(at(alert, "expr").orElse("")));
                    }
                }
            }
            List<Map<String, Object>> dashboards = kind(entry.getValue(), "ConfigMap").stream()
                    .filter(map -> "1".equals(at(map, "metadata", "labels", "grafana_dashboard").orElse(null))).toList();
            checks.add(() -> assertEquals(1, dashboards.size(), rendering + ": ConfigMaps labelled grafana_dashboard"));
            List<String> dashboardExpressions = new ArrayList<>();
            for (Map<String, Object> dashboard : dashboards) {
                for (Object json : mapping(at(dashboard, "data").orElse(Map.of()), "dashboard data").values()) {
                    JsonNode panels = new ObjectMapper().readTree(String.valueOf(json)).path("panels");
                    checks.add(() -> assertFalse(panels.isEmpty(), rendering + ": the dashboard has no panels"));
                    panels.forEach(panel -> panel.path("targets").forEach(target ->
                            dashboardExpressions.add(target.path("expr").asText())));
                }
            }
            for (String expression : Stream.concat(alertExpressions.stream(), dashboardExpressions.stream()).toList()) {
                checks.add(() -> {
                    for (String metric : metricNames(expression)) {
                        assertTrue(exported.contains(metric) || EXTERNAL_METRIC_PREFIXES.stream()
                                        .anyMatch(metric::startsWith),
                                rendering + ": " + metric + " is no metric the services export (" + exported
                                        + ") nor one of " + EXTERNAL_METRIC_PREFIXES + "; in: " + expression);
                    }
                });
            }
            for (String watched : List.of("appeals_outbox_backlog", "kafka_consumergroup_lag",
                    EventType.DEEMED_REFUSED.wireName())) {
                checks.add(() -> assertTrue(alertExpressions.stream().anyMatch(expression -> expression.contains(watched)),
                        rendering + ": no alert watches " + watched));
            }
        }
        assertAll(checks);
    }

    // --- what the services use, from their configuration and code ---

    private record Acl(String resourceType, String name, String patternType, String operation) {
    }

    /**
     * The ACLs a service needs: write what it publishes, read what it consumes and its consumer groups, describe the
     * groups whose positions it reports (routing: the territory's consumers).
     */
    private static Set<Acl> expectedAcls(String service) throws IOException {
        Properties properties = DeploymentFiles.applicationProperties(root, service);
        Set<Acl> acls = new TreeSet<>(Comparator.comparing(Acl::toString));
        for (String topic : producedTopics(service, properties)) {
            acls.add(new Acl("topic", topic, "literal", "Write"));
            acls.add(new Acl("topic", topic, "literal", "Describe"));
        }
        for (String topic : consumedTopics(properties)) {
            acls.add(new Acl("topic", topic, "literal", "Read"));
            acls.add(new Acl("topic", topic, "literal", "Describe"));
        }
        for (String key : properties.stringPropertyNames()) {
            if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id")) {
                String group = properties.getProperty(key);
                int expression = group.indexOf("${");
                acls.add(expression < 0 ? new Acl("group", group, "literal", "Read")
                        : new Acl("group", group.substring(0, expression), "prefix", "Read"));
            }
        }
        String watchedGroups = properties.getProperty("appeals.territory-delivery.consumer-groups", "");
        Arrays.stream(watchedGroups.split(",")).map(String::strip).filter(group -> !group.isEmpty())
                .forEach(group -> acls.add(new Acl("group", group, "literal", "Describe")));
        return acls;
    }

    private static Set<Acl> grantedAcls(Map<String, Object> user) {
        Set<Acl> acls = new TreeSet<>(Comparator.comparing(Acl::toString));
        for (Object rule : sequence(at(user, "spec", "authorization", "acls").orElse(List.of()), "acls")) {
            assertEquals("allow", at(rule, "type").orElse("allow"), "only allow rules: " + rule);
            assertEquals("*", at(rule, "host").orElse("*"), "ACLs for any host: " + rule);
            List<Object> operations = new ArrayList<>(sequence(at(rule, "operations").orElse(List.of()), "operations"));
            at(rule, "operation").ifPresent(operations::add);
            for (Object operation : operations) {
                acls.add(new Acl(String.valueOf(at(rule, "resource", "type").orElse("")),
                        String.valueOf(at(rule, "resource", "name").orElse("")),
                        String.valueOf(at(rule, "resource", "patternType").orElse("literal")), String.valueOf(operation)));
            }
        }
        return acls;
    }

    /** A channel's {@code topic}, or each of its {@code topics} (one consumer loop over several topics). */
    private static Set<String> consumedTopics(Properties properties) {
        Set<String> topics = valuesOf(properties, "mp\\.messaging\\.incoming\\.[^.]+\\.topic");
        valuesOf(properties, "mp\\.messaging\\.incoming\\.[^.]+\\.topics").forEach(list ->
                Arrays.stream(list.split(",")).map(String::strip).forEach(topics::add));
        return topics;
    }

    /**
     * Outgoing channels, dead-letter topics, and the topics of the events its outbox records: the relay sends each
     * event to its type's topic (EventType), so the events a service constructs in its main code decide them.
     */
    private static Set<String> producedTopics(String service, Properties properties) throws IOException {
        Set<String> topics = valuesOf(properties, "mp\\.messaging\\.outgoing\\.[^.]+\\.topic");
        topics.addAll(valuesOf(properties, "mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic"));
        String sources;
        try (Stream<Path> files = Files.walk(root.resolve(service).resolve("src/main/java"))) {
            sources = files.filter(file -> file.toString().endsWith(".java")).map(DeploymentFiles::read)
                    .collect(Collectors.joining("\n"));
        }
        for (EventType type : EventType.values()) {
            if (Pattern.compile("new\\s+(\\w+\\.)?" + type.dataType().getSimpleName() + "\\s*\\(").matcher(sources).find()) {
                topics.add(type.topic());
            }
        }
        return topics;
    }

    private static Set<String> valuesOf(Properties properties, String keyPattern) {
        return properties.stringPropertyNames().stream().filter(key -> key.matches(keyPattern))
                .map(properties::getProperty).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The Prometheus names of the meters the services register (Micrometer: dots become underscores, a base unit is
     * appended, counters end in _total).
     */
    private static Set<String> exportedMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern builder = Pattern.compile("(Counter|Gauge|Timer)\\.builder\\(\"([^\"]+)\"([^;]*);", Pattern.DOTALL);
        Pattern shortcut = Pattern.compile("\\.(counter|gauge)\\(\"([^\"]+)\"");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("src/main/java"))
                    .toList()) {
                String source = DeploymentFiles.read(file);
                Matcher built = builder.matcher(source);
                while (built.find()) {
                    Matcher unit = Pattern.compile("\\.baseUnit\\(\"(\\w+)\"\\)").matcher(built.group(3));
                    String name = built.group(2).replace('.', '_') + (unit.find() ? "_" + unit.group(1) : "");
                    switch (built.group(1)) {
                        case "Counter" -> names.add(name + "_total");
                        case "Timer" -> names.addAll(Stream.of("count", "sum", "max", "bucket")
                                .map(series -> name + "_seconds_" + series).toList());
                        default -> names.add(name);
                    }
                }
                Matcher registered = shortcut.matcher(source);
                while (registered.find()) {
                    String name = registered.group(2).replace('.', '_');
                    names.add("counter".equals(registered.group(1)) ? name + "_total" : name);
                }
            }
        }
        return names;
    }

    /** Metric names in a PromQL expression: identifiers followed by a selector, a range or the end of a call. */
    private static Set<String> metricNames(String expression) {
        String withoutStrings = expression.replaceAll("\"[^\"]*\"", "\"\"");
        Set<String> names = new TreeSet<>();
        Matcher identifier = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\b\\s*(\\{|\\[|\\))").matcher(withoutStrings);
        while (identifier.find()) {
            if (identifier.group(1).contains("_")) {
                names.add(identifier.group(1));
            }
        }
        return names;
    }

    // --- rendered resources ---

    private static List<Map<String, Object>> kind(List<Map<String, Object>> resources, String kind) {
        return resources.stream().filter(resource -> kind.equals(resource.get("kind"))).toList();
    }

    /** The one resource of a kind labelled with the service's name, or the one of that kind when service is null. */
    private static Map<String, Object> only(List<Map<String, Object>> resources, String kind, String service) {
        List<Map<String, Object>> matching = kind(resources, kind).stream()
                .filter(resource -> service == null
                        || service.equals(at(resource, "metadata", "labels", NAME_LABEL).orElse(null)))
                .toList();
        assertEquals(1, matching.size(), kind + " resources" + (service == null ? "" : " labelled " + service));
        return matching.get(0);
    }

    private static void assertSelects(Optional<Object> selector, Map<String, Object> labels, String what) {
        Map<String, Object> matchLabels = mapping(selector.orElseGet(() -> fail(what + " has no selector")), what);
        assertFalse(matchLabels.isEmpty(), what + " selects everything");
        matchLabels.forEach((key, value) -> assertEquals(value, labels.get(key),
                what + " selects " + key + "=" + value + ", but the target is labelled " + labels));
    }

    private static Set<String> containerPortNames(Map<String, Object> deployment) {
        Set<String> names = new TreeSet<>();
        for (Object container : sequence(at(deployment, "spec", "template", "spec", "containers").orElseThrow(), "c")) {
            for (Object port : sequence(at(container, "ports").orElse(List.of()), "ports")) {
                at(port, "name").ifPresent(name -> names.add(String.valueOf(name)));
            }
        }
        return names;
    }

    private static Map<String, Object> kubernetesEnvironment(List<Map<String, Object>> resources, String service) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (Object container : sequence(at(only(resources, "Deployment", service), "spec", "template", "spec",
                "containers").orElseThrow(), "containers")) {
            for (Object variable : sequence(at(container, "env").orElse(List.of()), "env")) {
                variables.put(String.valueOf(at(variable, "name").orElseThrow()),
                        at(variable, "valueFrom").or(() -> at(variable, "value")).orElse(null));
            }
        }
        return variables;
    }

    /** A variable's value, followed into the service's ConfigMap. */
    private static String configValue(List<Map<String, Object>> resources, String service, String variable) {
        Object reference = kubernetesEnvironment(resources, service).get(variable);
        if (reference instanceof String literal) {
            return literal;
        }
        String name = String.valueOf(at(reference, "configMapKeyRef", "name").orElseGet(() ->
                fail(service + " " + variable + " should come from a ConfigMap")));
        String key = String.valueOf(at(reference, "configMapKeyRef", "key").orElseThrow());
        return kind(resources, "ConfigMap").stream().filter(map -> name.equals(at(map, "metadata", "name").orElse(null)))
                .findFirst().flatMap(map -> at(map, "data", key)).map(String::valueOf)
                .orElseGet(() -> fail("ConfigMap " + name + " has no key " + key));
    }

    private static String describe(Map<String, Object> resource) {
        return resource.get("kind") + " " + at(resource, "metadata", "name").orElse("?");
    }
}
