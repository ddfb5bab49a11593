package kz.appeals.contracts;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the module's published files from the classpath, as a consumer of the jar would. */
final class Resources {

    static boolean exists(String path) {
        return Resources.class.getClassLoader().getResource(path) != null;
    }

    static String text(String path) {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("Missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String path) {
        try {
            return ContractJson.mapper().readTree(text(path));
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    static String schemaPath(EventType type) {
        return "schemas/" + type.resourceName() + ".schema.json";
    }

    static String examplePath(EventType type) {
        return "examples/" + type.resourceName() + ".json";
    }

    static String example(EventType type) {
        return text(examplePath(type));
    }

    /** A schema node together with the file it is in, against which its own {@code $ref}s resolve. */
    record Located(String file, JsonNode node) {
    }

    static Located schema(EventType type) {
        String file = type.resourceName() + ".schema.json";
        return new Located(file, json("schemas/" + file));
    }

    /**
     * Follows {@code $ref}s to the definition they name. A reference must be local or name a sibling file, so that
     * it resolves the same way against the schema's $id and on disk, with no network.
     */
    static Located resolve(Located schema) {
        Located current = schema;
        while (current.node().has("$ref")) {
            String ref = current.node().get("$ref").asText();
            int hash = ref.indexOf('#');
            String target = hash < 0 ? ref : ref.substring(0, hash);
            if (target.contains("/") || target.contains(":")) {
                throw new AssertionError(current.file() + ": $ref must name a sibling schema file: " + ref);
            }
            String file = target.isEmpty() ? current.file() : target;
            JsonNode node = json("schemas/" + file).at(hash < 0 ? "" : ref.substring(hash + 1));
            if (node.isMissingNode()) {
                throw new AssertionError(current.file() + ": $ref points nowhere: " + ref);
            }
            current = new Located(file, node);
        }
        return current;
    }

    private Resources() {
    }
}
