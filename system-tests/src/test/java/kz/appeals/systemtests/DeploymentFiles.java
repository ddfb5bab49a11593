package kz.appeals.systemtests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the deployment descriptors and the files they must agree with: the repository root, YAML documents, the
 * output of {@code kubectl kustomize}, the services' application.properties and infra/kafka/topics.txt.
 */
final class DeploymentFiles {

    /** Overrides where the repository root is; failsafe sets it, surefire runs inside system-tests/. */
    static final String ROOT_PROPERTY = "appeals.root";
    /**
     * Overrides the folder that holds {@code <service>/src/main/resources/application.properties}, so the
     * descriptors can be checked against other properties files than the repository's.
     */
    static final String PROPERTIES_ROOT_PROPERTY = "appeals.properties.root";

    /** The kustomize base, deployable alone, and the production overlay on it. */
    static final String BASE = "k8s/base";
    static final String PRODUCTION = "k8s/overlays/production";

    private static final long KUSTOMIZE_TIMEOUT_SECONDS = 120;

    private DeploymentFiles() {
    }

    static Path repositoryRoot() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
        }
        return fail("No docker-compose.yml in " + Path.of("").toAbsolutePath() + " or above it; set -D"
                + ROOT_PROPERTY + "=<repository root>");
    }

    /** The first document of a YAML file, with merge keys ({@code <<: *anchor}) resolved as Compose does. */
    static Map<String, Object> yamlMapping(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return mapping(yaml().load(reader), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a multi-document YAML text; empty documents are skipped. */
    static List<Object> yamlDocuments(String text) {
        List<Object> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(text)) {
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resources {@code kubectl kustomize <dir>} renders; fails the test when kubectl fails or is missing. */
    static List<Map<String, Object>> kustomize(Path dir) {
        if (!onPath("kubectl")) {
            fail("kubectl is not on PATH: it renders k8s/ with `kubectl kustomize`. Install kubectl (any version"
                    + " with built-in kustomize) to run this test.");
        }
        try {
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                        .redirectError(errors.toFile())
                        .start();
                String output;
                try (InputStream stdout = process.getInputStream()) {
                    output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
                }
                if (!process.waitFor(KUSTOMIZE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail("kubectl kustomize " + dir + " did not finish within " + KUSTOMIZE_TIMEOUT_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    fail("kubectl kustomize " + dir + " exited with " + process.exitValue() + ":\n"
                            + Files.readString(errors));
                }
                List<Map<String, Object>> resources = new ArrayList<>();
                for (Object document : yamlDocuments(output)) {
                    resources.add(mapping(document, "kustomize output"));
                }
                return resources;
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running kubectl kustomize", e);
        }
    }

    /**
     * The service's configuration: the platform's defaults (its META-INF/microprofile-config.properties, which every
     * service inherits) overridden by the service's application.properties; fails the test with the expected location
     * when the latter is missing.
     */
    static Properties applicationProperties(Path repositoryRoot, String service) {
        String configured = System.getProperty(PROPERTIES_ROOT_PROPERTY);
        Path base = configured == null || configured.isBlank() ? repositoryRoot : Path.of(configured);
        Path file = base.resolve(service).resolve("src/main/resources/application.properties");
        if (!Files.isRegularFile(file)) {
            fail(file + " does not exist: the environment variables of the deployment descriptors are checked"
                    + " against the property keys of " + service + ", so that file must be written first.");
        }
        Properties properties = new Properties();
        Path platformDefaults = base.resolve("platform/src/main/resources/META-INF/microprofile-config.properties");
        if (Files.isRegularFile(platformDefaults)) {
            load(platformDefaults, properties);
        }
        load(file, properties);
        return properties;
    }

    private static void load(Path file, Properties into) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            into.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of infra/kafka/topics.txt: {@code <name> <partitions> [key=value,...]}. */
    record TopicLine(String name, int partitions, Map<String, String> config) {
    }

    static List<TopicLine> topicsTxt(Path file) {
        List<TopicLine> topics = new ArrayList<>();
        for (String line : read(file).split("\n")) {
            String content = line.replaceFirst("#.*", "").trim();
            if (content.isEmpty()) {
                continue;
            }
            String[] fields = content.split("\\s+");
            Map<String, String> config = new LinkedHashMap<>();
            if (fields.length > 2) {
                for (String setting : fields[2].split(",")) {
                    String[] keyValue = setting.split("=", 2);
                    config.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "");
                }
            }
            topics.add(new TopicLine(fields[0], Integer.parseInt(fields[1]), config));
        }
        return topics;
    }

    /** Follows a path of mapping keys; empty when a step is missing or not a mapping. */
    static Optional<Object> at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }

    static Map<String, Object> mapping(Object node, String what) {
        if (!(node instanceof Map<?, ?> map)) {
            return fail(what + " is not a YAML mapping: " + node);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((key, value) -> result.put(String.valueOf(key), value));
        return result;
    }

    static List<Object> sequence(Object node, String what) {
        if (!(node instanceof List<?> list)) {
            return fail(what + " is not a YAML sequence: " + node);
        }
        return new ArrayList<>(list);
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }
}
