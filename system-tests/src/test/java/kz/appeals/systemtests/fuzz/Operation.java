package kz.appeals.systemtests.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One operation of a service's OpenAPI document, as much of it as the fuzzer needs: method, path template,
 * parameters, request body media types and schemas ({@code $ref}s resolved), and the roles allowed (the security
 * requirement's scopes, as SmallRye OpenAPI derives them from {@code @RolesAllowed}).
 */
public record Operation(String service, String baseUrl, String method, String path, List<Parameter> parameters,
                        Map<String, JsonNode> requestBodies, List<String> allowedRoles, boolean secured) {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    public record Parameter(String name, String in, JsonNode schema, boolean required) {
    }

    /** Every operation of the document; schemas are inlined so that generation needs no document at hand. */
    public static List<Operation> of(String service, String baseUrl, JsonNode document) {
        JsonNode schemas = document.path("components").path("schemas");
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            JsonNode operation = entry.getValue();
            List<Parameter> parameters = new ArrayList<>();
            operation.path("parameters").forEach(p -> parameters.add(new Parameter(p.path("name").asText(),
                    p.path("in").asText(), resolve(p.path("schema"), schemas, 0), p.path("required").asBoolean())));
            Map<String, JsonNode> bodies = new LinkedHashMap<>();
            operation.path("requestBody").path("content").fields().forEachRemaining(content ->
                    bodies.put(content.getKey(), resolve(content.getValue().path("schema"), schemas, 0)));
            List<String> roles = new ArrayList<>();
            boolean secured = operation.has("security");
            operation.path("security").forEach(requirement -> requirement.fields().forEachRemaining(scheme ->
                    scheme.getValue().forEach(role -> roles.add(role.asText()))));
            operations.add(new Operation(service, baseUrl, entry.getKey().toUpperCase(), path.getKey(),
                    List.copyOf(parameters), bodies, List.copyOf(roles), secured));
        }));
        return operations;
    }

    /** POST, PUT, DELETE, PATCH: a 2xx answer would mean the fuzzer changed something. */
    public boolean changesState() {
        return !READS.contains(method);
    }

    public String name() {
        return service + " " + method + " " + path;
    }

    /** Inlines {@code $ref}s (depth-limited: the documents have no recursive schemas, but be safe). */
    private static JsonNode resolve(JsonNode schema, JsonNode schemas, int depth) {
        if (depth > 8 || schema == null || schema.isMissingNode()) {
            return schema;
        }
        if (schema.isObject()) {
            ObjectNode copy = ((ObjectNode) schema).deepCopy();
            if (copy.has("$ref")) {
                String name = copy.remove("$ref").asText().replace("#/components/schemas/", "");
                JsonNode target = resolve(schemas.path(name), schemas, depth + 1);
                if (target.isObject()) {
                    ObjectNode merged = ((ObjectNode) target).deepCopy();
                    merged.setAll(copy);
                    copy = merged;
                }
            }
            for (String field : List.of("properties", "additionalProperties", "items")) {
                JsonNode child = copy.get(field);
                if (child != null && child.isObject()) {
                    if (field.equals("properties")) {
                        ObjectNode properties = copy.putObject("properties");
                        child.fields().forEachRemaining(p -> properties.set(p.getKey(), resolve(p.getValue(), schemas,
                                depth + 1)));
                    } else {
                        copy.set(field, resolve(child, schemas, depth + 1));
                    }
                }
            }
            return copy;
        }
        return schema;
    }
}
