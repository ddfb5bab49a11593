package kz.appeals.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.appeals.platform.security.Roles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sends every operation of a running service's own OpenAPI document as every kind of caller — no token, an expired
 * one, a forged one, a foreign issuer's, and a valid token of each role in {@link Roles} — and checks the answers
 * against the service's declared table ({@code authorization-matrix.tsv} on the test classpath). An operation the
 * document has and the table lacks (or the reverse) fails too, so a new endpoint cannot ship undeclared.
 *
 * <p>Table rows: {@code METHOD<TAB>/path/{template}<TAB>roles<TAB>district-scoped}, where roles is a comma list, or
 * {@code public} (anyone, with or without a token), or {@code api-key} (a credential other than the bearer token,
 * see {@link #apiKey}); district-scoped is {@code yes} or {@code no}; {@code #} starts a comment line.
 *
 * <p>Refused callers must get 401 (no or bad token) or 403 (valid token, wrong role) as problem+json, never 2xx.
 * Allowed roles must reach the operation: a 2xx, or a 400, 404, 409, 410 or 422 caused by the sample values — never
 * 401 or 403, nor a 405 or 415 (the request never reached it), nor a 5xx. For a district-scoped row, {@link Seeder}
 * seeds a resource of one district per allowed territorial role: the same call with a token of a foreign district
 * must be 403/404 (or, with no path parameter, a list without the resource's id), and with the home district's token
 * must succeed (and list the id), which proves the probe can fail. Every violation is reported in one assertion; the
 * status each caller got is printed per operation.
 */
public final class AuthorizationMatrix {

    /** Where the table lives on the test classpath. */
    public static final String TABLE = "/authorization-matrix.tsv";
    public static final String PUBLIC = "public";
    public static final String API_KEY = "api-key";

    /** Roles whose real tokens always name their body by a {@code kato} claim. */
    private static final Set<String> TERRITORIAL =
            Set.of(Roles.AKIM_OFFICE, Roles.DISTRICT_AKIMAT, Roles.REGION_AKIMAT);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI root;
    private final Map<String, String> samples = new LinkedHashMap<>();
    private final Map<String, String> roleTokens = new LinkedHashMap<>();
    private String officeKato;
    private Seeder seeder = (operation, role) -> Optional.empty();
    private String apiKeyField;
    private String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private int requests;
    /** Per operation, each caller with the status it got, for the log. */
    private final Map<String, List<String>> seen = new TreeMap<>();

    private AuthorizationMatrix(URI root) {
        this.root = root;
    }

    /** @param root the service's root, e.g. a {@code @TestHTTPResource("/") URI} */
    public static AuthorizationMatrix of(URI root) {
        return new AuthorizationMatrix(root);
    }

    /** A value for every path, query or header parameter of that name; a path parameter without one is a violation. */
    public AuthorizationMatrix sample(String parameter, String value) {
        samples.put(parameter, value);
        return this;
    }

    /** The body the territorial roles' sweep tokens name (as their real tokens always name one); none by default. */
    public AuthorizationMatrix officeKato(String katoCode) {
        this.officeKato = katoCode;
        return this;
    }

    /** The valid token a role sweeps with, when {@link Tokens#forRole} lacks a claim the role always carries. */
    public AuthorizationMatrix token(String role, String token) {
        roleTokens.put(role, token);
        return this;
    }

    /** Seeds the resources the district-scoped rows are probed with. */
    public AuthorizationMatrix seeder(Seeder seeder) {
        this.seeder = seeder;
        return this;
    }

    /** The credential of {@code api-key} rows: sent as this form field by one more caller, who must be let in. */
    public AuthorizationMatrix apiKey(String formField, String key) {
        this.apiKeyField = formField;
        this.apiKey = key;
        return this;
    }

    /** Runs the matrix and fails with every violation found. */
    public void verify() {
        long started = System.nanoTime();
        List<String> violations = new ArrayList<>();
        Map<String, Operation> documented = documentedOperations();
        Map<String, Row> declared = declaredRows(violations);
        for (String key : documented.keySet()) {
            if (!declared.containsKey(key)) {
                violations.add(key + ": in the OpenAPI document but not declared in " + TABLE);
            }
        }
        for (String key : declared.keySet()) {
            if (!documented.containsKey(key)) {
                violations.add(key + ": declared in " + TABLE + " but no longer in the OpenAPI document");
            }
        }
        int checked = 0;
        for (Map.Entry<String, Operation> entry : documented.entrySet()) {
            Row row = declared.get(entry.getKey());
            List<String> unsampled = entry.getValue().pathParameters().stream()
                    .filter(parameter -> !samples.containsKey(parameter)).toList();
            if (row != null && !unsampled.isEmpty()) {
                violations.add(entry.getKey() + ": the test gives no sample for path parameter(s) " + unsampled);
            } else if (row != null) {
                checkCallers(entry.getValue(), row, violations);
                if (row.districtScoped()) {
                    checkScoping(entry.getValue(), row, violations);
                }
                checked++;
            }
        }
        seen.forEach((operation, answers) -> System.out.println(operation + ": " + String.join(", ", answers)));
        System.out.printf(Locale.ROOT,
                "Authorization matrix of %s: %d operations, %d requests, %.1f s, %d violation(s)%n", root, checked,
                requests, (System.nanoTime() - started) / 1e9, violations.size());
        assertTrue(violations.isEmpty(), violations.size() + " authorization violation(s):\n  "
                + String.join("\n  ", violations));
    }

    private void checkCallers(Operation operation, Row row, List<String> violations) {
        Map<String, String> badTokens = new LinkedHashMap<>();
        badTokens.put("no token", null);
        badTokens.put("expired token", Tokens.expired(Roles.ADMIN));
        badTokens.put("foreign-key token", Tokens.signedWithForeignKey(Roles.ADMIN));
        badTokens.put("wrong-issuer token", Tokens.fromWrongIssuer(Roles.ADMIN));
        badTokens.put("wrong-audience token", Tokens.forOtherAudience(Roles.ADMIN));
        for (Map.Entry<String, String> caller : badTokens.entrySet()) {
            Expect expect = !row.isPublic() ? row.needsApiKey() ? Expect.NO_KEY : Expect.UNAUTHENTICATED
                    // An open operation lets in a caller without a token, and may refuse a bad one with the usual 401.
                    : caller.getValue() == null ? Expect.LET_IN : Expect.LET_IN_OR_UNAUTHENTICATED;
            judge(operation, row, caller.getKey(), send(operation, caller.getValue(), samples, null, false), expect,
                    violations);
        }
        for (String role : roles()) {
            Expect expect = row.isPublic() || row.roles().contains(role) ? Expect.LET_IN
                    : row.needsApiKey() ? Expect.NO_KEY : Expect.FORBIDDEN;
            judge(operation, row, "role " + role, send(operation, tokenOf(role), samples, null, false), expect,
                    violations);
        }
        if (row.needsApiKey()) {
            if (apiKey == null) {
                violations.add(operation + ": needs an API key, but the test supplies none (apiKey)");
            } else {
                judge(operation, row, "API key holder", send(operation, null, samples, null, true), Expect.LET_IN,
                        violations);
            }
        }
    }

    private void checkScoping(Operation operation, Row row, List<String> violations) {
        boolean list = operation.pathParameters().isEmpty();
        int probes = 0;
        for (String role : row.roles()) {
            Optional<Seed> seeded = seeder.seed(operation.key(), role);
            if (seeded.isEmpty()) {
                continue;
            }
            probes++;
            Seed seed = seeded.get();
            Map<String, String> values = new LinkedHashMap<>(samples);
            values.putAll(seed.parameters());
            String caller = role + " of foreign district " + seed.foreignKato();
            String foreignToken = Tokens.forOffice(role, seed.foreignKato(), seed.claims());
            Answer foreign = send(operation, foreignToken, values, seed.body(), false);
            if (foreign.is2xx() && (!list || foreign.body().contains(seed.resourceId()))) {
                violations.add(operation + " as " + caller + ": " + foreign.status() + " exposes " + seed.resourceId()
                        + " of district " + seed.homeKato());
            } else if (!foreign.is2xx() && foreign.status() != 403 && foreign.status() != 404) {
                violations.add(operation + " as " + caller + ": " + foreign.status() + ", expected 403 or 404");
            }
            judge(operation, row, caller, foreign, Expect.ANY, violations);
            String homeToken = Tokens.forOffice(role, seed.homeKato(), seed.claims());
            Answer home = send(operation, homeToken, values, seed.body(), false);
            judge(operation, row, role + " of home district " + seed.homeKato(), home, Expect.ANY, violations);
            if (!home.is2xx() || (list && !home.body().contains(seed.resourceId()))) {
                violations.add(operation + " as " + role + " of home district " + seed.homeKato() + ": "
                        + home.status() + (home.is2xx() ? " without " + seed.resourceId() : "")
                        + ", expected a 2xx with the seeded resource, or the scoping probe proves nothing");
            }
        }
        if (probes == 0) {
            violations.add(operation + ": district-scoped, but the seeder seeds nothing for any of " + row.roles());
        }
    }

    /**
     * Every 401 and 403 must be problem+json, except an {@code api-key} operation's 403, which its own standard
     * words (Open311 requires its error list for a missing key).
     */
    private void judge(Operation operation, Row row, String caller, Answer answer, Expect expect,
                       List<String> violations) {
        int status = answer.status();
        seen.computeIfAbsent(operation.key(), key -> new ArrayList<>()).add(caller + " " + status);
        String got = operation + " as " + caller + ": " + status;
        boolean refused = status == 401 || status == 403;
        if (refused && !answer.isProblem() && !(row.needsApiKey() && status == 403)) {
            violations.add(got + " as " + answer.contentType() + ", expected application/problem+json");
        }
        boolean expected = switch (expect) {
            case LET_IN -> answer.reachedTheOperation();
            case LET_IN_OR_UNAUTHENTICATED -> answer.reachedTheOperation() || status == 401;
            case UNAUTHENTICATED -> status == 401;
            case FORBIDDEN -> status == 403;
            case NO_KEY -> refused;
            case ANY -> true;
        };
        if (!expected) {
            violations.add(got + ", expected " + expect.description);
        }
    }

    /** What a caller must get. */
    private enum Expect {
        LET_IN("what an allowed caller gets: 2xx, or 400/404/409/410/422 for the sample values"),
        LET_IN_OR_UNAUTHENTICATED("401, or what an allowed caller gets"),
        UNAUTHENTICATED("401"),
        FORBIDDEN("403"),
        NO_KEY("401 or 403 without the API key"),
        ANY("anything");

        final String description;

        Expect(String description) {
            this.description = description;
        }
    }

    private Answer send(Operation operation, String token, Map<String, String> values, String body,
                        boolean withApiKey) {
        StringBuilder path = new StringBuilder();
        Matcher matcher = TEMPLATE.matcher(operation.path());
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(path, Matcher.quoteReplacement(encode(value).replace("+", "%20")));
        }
        matcher.appendTail(path);
        StringBuilder query = new StringBuilder();
        for (String name : operation.queryParameters()) {
            if (values.containsKey(name)) {
                query.append(query.isEmpty() ? "?" : "&").append(encode(name)).append('=')
                        .append(encode(values.get(name)));
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path.substring(1) + query))
                .timeout(Duration.ofSeconds(60)).header("Accept-Language", "en");
        for (String name : operation.headerParameters()) {
            if (values.containsKey(name)) {
                request.header(name, values.get(name));
            }
        }
        if (token != null) {
            request.header("Authorization", Tokens.bearer(token));
        }
        if (operation.bodyType() == null) {
            request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            String content = body != null ? body : sampleBody(operation.bodyType());
            if (withApiKey) {
                content = (content.isEmpty() ? "" : content + "&") + encode(apiKeyField) + "=" + encode(apiKey);
            }
            request.header("Content-Type", operation.bodyType())
                    .method(operation.method(), HttpRequest.BodyPublishers.ofString(content));
        }
        requests++;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse("none"),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(operation + ": request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An empty document of the declared type: the point is who gets through, so validation errors are fine. */
    private static String sampleBody(String mediaType) {
        return mediaType.contains("json") ? "{}" : "";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String tokenOf(String role) {
        return roleTokens.computeIfAbsent(role, r -> officeKato != null && TERRITORIAL.contains(r)
                ? Tokens.forOffice(r, officeKato) : Tokens.forRole(r));
    }

    private Map<String, Operation> documentedOperations() {
        JsonNode document;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(root.resolve("q/openapi?format=json"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(response.statusCode() == 200, "GET /q/openapi answered " + response.statusCode());
            document = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the OpenAPI document", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Map<String, Operation> operations = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (METHODS.contains(method.getKey())) {
                    Operation operation = Operation.of(method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            path.getValue().path("parameters"), method.getValue());
                    operations.put(operation.key(), operation);
                }
            }
        }
        return operations;
    }

    private static Map<String, Row> declaredRows(List<String> violations) {
        Set<String> known = new LinkedHashSet<>(roles());
        Map<String, Row> rows = new TreeMap<>();
        try (InputStream in = AuthorizationMatrix.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing from the test classpath");
            }
            int number = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.strip().split("\t+");
                if (columns.length != 4 || !columns[3].matches("yes|no")) {
                    violations.add(TABLE + " line " + number + ": expected method, path, roles, yes|no: " + line);
                    continue;
                }
                Set<String> allowed = new LinkedHashSet<>(List.of(columns[2].split("\\s*,\\s*")));
                for (String role : allowed) {
                    boolean open = allowed.size() == 1 && (role.equals(PUBLIC) || role.equals(API_KEY));
                    if (!known.contains(role) && !open) {
                        violations.add(TABLE + " line " + number + ": unknown role " + role);
                    }
                }
                Row row = new Row(columns[0].toUpperCase(Locale.ROOT), columns[1], allowed, columns[3].equals("yes"));
                if (rows.put(row.key(), row) != null) {
                    violations.add(TABLE + " line " + number + ": " + row.key() + " declared twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Every role of the security model, read from {@link Roles} so that a new role is swept at once. */
    private static List<String> roles() {
        List<String> roles = new ArrayList<>();
        for (Field field : Roles.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    roles.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return roles;
    }

    /** Seeds, for a district-scoped operation and one of its allowed roles, a resource of one district. */
    @FunctionalInterface
    public interface Seeder {
        /** @param operation e.g. {@code GET /api/v1/appeals/{id}}; empty when the role has no district to probe */
        Optional<Seed> seed(String operation, String role);
    }

    /**
     * A resource of district {@code homeKato}, reachable with {@code parameters}; for an operation with a body, a
     * {@code body} that lets the home district's call succeed (null sends the empty sample); {@code claims} that both
     * the home and the foreign token carry besides the {@code kato} claim.
     */
    public record Seed(String homeKato, String foreignKato, String resourceId, Map<String, String> parameters,
                       String body, Map<String, Object> claims) {
        public static Seed of(String homeKato, String foreignKato, String resourceId, Map<String, String> parameters) {
            return new Seed(homeKato, foreignKato, resourceId, parameters, null, Map.of());
        }

        public Seed withBody(String json) {
            return new Seed(homeKato, foreignKato, resourceId, parameters, json, claims);
        }

        public Seed withClaims(Map<String, Object> extraClaims) {
            return new Seed(homeKato, foreignKato, resourceId, parameters, body, extraClaims);
        }
    }

    private record Row(String method, String path, Set<String> roles, boolean districtScoped) {
        String key() {
            return method + " " + path;
        }

        boolean isPublic() {
            return roles.contains(PUBLIC);
        }

        boolean needsApiKey() {
            return roles.contains(API_KEY);
        }
    }

    private record Operation(String method, String path, List<String> pathParameters, List<String> queryParameters,
                             List<String> headerParameters, String bodyType) {

        static Operation of(String method, String path, JsonNode pathLevel, JsonNode operation) {
            List<String> inPath = new ArrayList<>();
            List<String> inQuery = new ArrayList<>();
            List<String> inHeader = new ArrayList<>();
            for (JsonNode parameters : List.of(pathLevel, operation.path("parameters"))) {
                for (JsonNode parameter : parameters) {
                    String name = parameter.path("name").asText();
                    switch (parameter.path("in").asText()) {
                        case "path" -> inPath.add(name);
                        case "query" -> inQuery.add(name);
                        case "header" -> inHeader.add(name);
                        default -> { }
                    }
                }
            }
            Iterator<String> types = operation.path("requestBody").path("content").fieldNames();
            return new Operation(method, path, inPath, inQuery, inHeader, types.hasNext() ? types.next() : null);
        }

        String key() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    private record Answer(int status, String contentType, String body) {
        boolean is2xx() {
            return status >= 200 && status < 300;
        }

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        /** Past authorization and into the operation, which may still refuse the sample values. */
        boolean reachedTheOperation() {
            return is2xx() || List.of(400, 404, 409, 410, 422).contains(status);
        }
    }
}
