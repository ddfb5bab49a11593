package kz.appeals.systemtests.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates hostile requests for the operations of the services' OpenAPI documents. Request {@code i} depends only
 * on the seed and {@code i} (its operation is {@code i mod operations}, its randomness a stream of its own), so a
 * run is reproducible from the printed seed and any single request from its index, whatever the concurrency.
 */
public final class RequestFuzzer {

    private static final List<String> FOREIGN_CONTENT_TYPES = List.of("application/xml", "text/html",
            "multipart/form-data; boundary=fuzz", "application/octet-stream", "image/png",
            "application/x-www-form-urlencoded", "text/csv", "text/plain; charset=utf-8", "application/json",
            "application/geo+json", "application/vnd.ms-excel", "application/x-fuzz", "x/y",
            "application/problem+json", "*/*", "application/*");
    private static final List<String> ACCEPTS = List.of("application/json", "application/problem+json", "*/*",
            "text/html", "application/xml", "image/*;q=0.1", "garbage", "application/json;q=abc", "");
    private static final List<String> LANGUAGES = List.of("kk", "ru", "en", "kk-KZ,ru;q=0.9", "zz", "*",
            "ru;q=abc", "en-US,en;q=0.8,kk;q=1.5", "x".repeat(4000), ";;;,,,");
    private static final List<String> PATH_TRAVERSALS = List.of("../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd",
            "%2e%2e%2f%2e%2e%2fq%2fhealth", "..;/..;/q/openapi", "%00", "%252e%252e%252f", "./.././", "a%2Fb",
            "%C0%AE%C0%AE%2F", "....//....//");

    private final long seed;
    private final List<Operation> operations;
    private final Credentials credentials;

    public RequestFuzzer(long seed, List<Operation> operations, Path root) {
        this.seed = seed;
        this.operations = operations.stream().sorted(Comparator.comparing(Operation::name)).toList();
        this.credentials = new Credentials(root, seed);
    }

    public List<Operation> operations() {
        return operations;
    }

    public FuzzRequest generate(long index) {
        Operation operation = operations.get((int) (index % operations.size()));
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        Defect defect = HostileValues.pick(random, applicable(operation));
        List<String> noise = new ArrayList<>();
        List<String[]> headers = new ArrayList<>();

        String authorization;
        if (defect == Defect.REFUSED_CREDENTIALS || (operation.secured() && random.nextInt(6) == 0)) {
            authorization = credentials.refused(random, operation.allowedRoles());
        } else if (operation.secured() || random.nextInt(5) == 0) {
            authorization = credentials.accepted(random, operation.allowedRoles());
        } else {
            authorization = null;
        }
        if (authorization != null) {
            headers.add(new String[]{"Authorization", authorization});
        }

        String uri = operation.baseUrl() + path(operation, defect, random, noise) + query(operation, defect, random, noise);
        headers(operation, defect, random, headers, noise);
        byte[] body = body(operation, defect, random, headers, noise);
        return new FuzzRequest(index, operation, defect, List.copyOf(noise), operation.method(), uri,
                List.copyOf(headers), body);
    }

    /** For operations that change state only defects the service must refuse; reads may get anything. */
    static List<Defect> applicable(Operation operation) {
        List<Defect> defects = new ArrayList<>();
        if (operation.secured()) {
            defects.add(Defect.REFUSED_CREDENTIALS);
        }
        if (!operation.requestBodies().isEmpty()) {
            defects.add(Defect.UNSUPPORTED_CONTENT_TYPE);
            if (jsonBodySchema(operation) != null) {
                defects.add(Defect.MALFORMED_JSON);
                defects.add(Defect.SCHEMA_VIOLATION);
            } else {
                defects.add(Defect.GARBAGE_FILE);
            }
        }
        List<Operation.Parameter> pathParameters = pathParameters(operation);
        if (pathParameters.stream().anyMatch(RequestFuzzer::typed)) {
            defects.add(Defect.PATH_PARAMETER_TYPE);
        }
        if (!pathParameters.isEmpty()) {
            defects.add(Defect.HOSTILE_PATH_VALUE);
        }
        if (!operation.changesState()) {
            defects.add(Defect.HOSTILE_QUERY);
            defects.add(Defect.HOSTILE_HEADERS);
        }
        if (defects.isEmpty()) {
            throw new IllegalStateException("Nothing to break safely in " + operation.name()
                    + ": an open operation that changes state without a body or parameters");
        }
        return defects;
    }

    private String path(Operation operation, Defect defect, SplittableRandom random, List<String> noise) {
        List<Operation.Parameter> parameters = pathParameters(operation);
        Operation.Parameter broken = switch (defect) {
            case PATH_PARAMETER_TYPE -> HostileValues.pick(random, parameters.stream().filter(RequestFuzzer::typed).toList());
            case HOSTILE_PATH_VALUE -> HostileValues.pick(random, parameters);
            default -> null;
        };
        String path = operation.path();
        for (Operation.Parameter parameter : parameters) {
            String value;
            if (parameter == broken && defect == Defect.PATH_PARAMETER_TYPE) {
                value = encode(notOfType(parameter, random));
                noise.add(parameter.name() + " not of its type");
            } else if (parameter == broken) {
                boolean traversal = random.nextInt(3) == 0;
                value = traversal ? HostileValues.pick(random, PATH_TRAVERSALS) : encode(HostileValues.shortString(random));
                noise.add(parameter.name() + (traversal ? " path traversal" : " hostile"));
            } else {
                value = encode(plausiblePathValue(parameter, random));
            }
            path = path.replace("{" + parameter.name() + "}", value);
        }
        return path;
    }

    private static String query(Operation operation, Defect defect, SplittableRandom random, List<String> noise) {
        List<String> pairs = new ArrayList<>();
        for (Operation.Parameter parameter : operation.parameters()) {
            if (!parameter.in().equals("query")) {
                continue;
            }
            int roll = random.nextInt(10);
            if (defect == Defect.HOSTILE_QUERY ? roll < 7 : roll < 2) {
                pairs.add(encode(parameter.name()) + "=" + encode(hostileQueryValue(parameter, random)));
                noise.add(parameter.name() + " hostile");
            } else if (roll < 8 || parameter.required()) {
                JsonNode value = JsonBodies.plausible(parameter.schema(), random, 0);
                pairs.add(encode(parameter.name()) + "=" + encode(value.isTextual() ? value.asText() : value.toString()));
            }
        }
        if (defect == Defect.HOSTILE_QUERY || random.nextInt(10) == 0) {
            switch (random.nextInt(4)) {
                case 0 -> {
                    for (int i = random.nextInt(1, 300); i > 0; i--) {
                        pairs.add("p" + i + "=" + i);
                    }
                    noise.add("hundreds of query parameters");
                }
                case 1 -> {
                    String name = operation.parameters().isEmpty() ? "limit" : operation.parameters().get(0).name();
                    for (int i = random.nextInt(2, 50); i > 0; i--) {
                        pairs.add(encode(name) + "=" + encode(HostileValues.shortString(random)));
                    }
                    noise.add("repeated parameter " + name);
                }
                case 2 -> {
                    pairs.add(encode(HostileValues.shortString(random)) + "=" + encode(HostileValues.shortString(random)));
                    noise.add("hostile parameter name");
                }
                default -> {
                    pairs.add("=&&=&" + encode("\u0000") + "&a=%00");
                    noise.add("degenerate query");
                }
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static void headers(Operation operation, Defect defect, SplittableRandom random, List<String[]> headers,
                                List<String> noise) {
        boolean hostile = defect == Defect.HOSTILE_HEADERS;
        if (hostile || random.nextInt(4) == 0) {
            headers.add(new String[]{"Accept", HostileValues.pick(random, ACCEPTS)});
        }
        if (hostile || random.nextInt(3) == 0) {
            headers.add(new String[]{"Accept-Language", HostileValues.pick(random, LANGUAGES)});
        }
        for (Operation.Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("header") && random.nextInt(4) != 0) {
                boolean bad = hostile || random.nextBoolean();
                headers.add(new String[]{parameter.name(), bad ? headerSafe(HostileValues.shortString(random))
                        : UUID.randomUUID().toString()});
                if (bad) {
                    noise.add(parameter.name() + " hostile");
                }
            }
        }
        if (hostile || random.nextInt(10) == 0) {
            headers.add(new String[]{"X-Fuzz-" + random.nextInt(1000),
                    headerSafe(HostileValues.latin1Noise(random, 1 + random.nextInt(6000)))});
            headers.add(new String[]{"X-Forwarded-For", HostileValues.pick(random, List.of("127.0.0.1, evil",
                    "' OR 1=1", "::1", "999.999.999.999"))});
            noise.add("junk headers");
        }
    }

    private static byte[] body(Operation operation, Defect defect, SplittableRandom random, List<String[]> headers,
                               List<String> noise) {
        if (operation.requestBodies().isEmpty()) {
            if (random.nextInt(10) == 0) {
                headers.add(new String[]{"Content-Type", HostileValues.pick(random, FOREIGN_CONTENT_TYPES)});
                noise.add("unexpected body");
                return HostileValues.string(random).getBytes(StandardCharsets.UTF_8);
            }
            return null;
        }
        List<String> consumed = new ArrayList<>(operation.requestBodies().keySet());
        String contentType;
        if (defect == Defect.UNSUPPORTED_CONTENT_TYPE) {
            List<String> foreign = FOREIGN_CONTENT_TYPES.stream().filter(type -> !consumed.contains(baseType(type)))
                    .toList();
            contentType = HostileValues.pick(random, foreign);
            noise.add("content type " + contentType);
        } else if (defect == Defect.MALFORMED_JSON || defect == Defect.SCHEMA_VIOLATION) {
            contentType = consumed.stream().filter(RequestFuzzer::isJson).findFirst().orElseThrow();
        } else {
            contentType = HostileValues.pick(random, consumed);
        }
        if (random.nextInt(200) == 0) {
            headers.add(new String[]{"Content-Type", contentType});
            noise.add("oversized body");
            return new byte[1_100_000 + random.nextInt(100_000)];
        }
        if (defect != Defect.UNSUPPORTED_CONTENT_TYPE && random.nextInt(8) == 0) {
            contentType = HostileValues.pick(random, List.of(contentType.toUpperCase(Locale.ROOT),
                    contentType + "; charset=utf-16", contentType + "; charset=\"x\"", contentType + ";;;"));
            noise.add("odd content type parameters");
        }
        headers.add(new String[]{"Content-Type", contentType});
        JsonNode jsonSchema = jsonBodySchema(operation);
        if (defect == Defect.MALFORMED_JSON) {
            return JsonBodies.malformed(jsonSchema, random, noise::add);
        }
        if (defect == Defect.SCHEMA_VIOLATION) {
            return withExtraFields(JsonBodies.violating(jsonSchema, random, noise::add), random, noise);
        }
        if (isJson(baseType(contentType)) && jsonSchema != null) {
            // Another defect makes the request invalid already; the body may look right or not.
            return random.nextBoolean()
                    ? withExtraFields(JsonBodies.violating(jsonSchema, random, noise::add), random, noise)
                    : JsonBodies.malformed(jsonSchema, random, noise::add);
        }
        return garbageFile(baseType(contentType), random, noise);
    }

    /** Unknown fields are ignored by the services; they may still carry something hostile. */
    private static byte[] withExtraFields(JsonNode body, SplittableRandom random, List<String> noise) {
        if (body instanceof com.fasterxml.jackson.databind.node.ObjectNode object && random.nextInt(4) == 0) {
            object.put("__proto__", HostileValues.shortString(random));
            object.put(HostileValues.shortString(random), HostileValues.string(random));
            noise.add("extra fields");
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Files that cannot be valid: broken CSV rows, random bytes, a spreadsheet that is no zip, broken GeoJSON. */
    private static byte[] garbageFile(String contentType, SplittableRandom random, List<String> noise) {
        switch (contentType) {
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> {
                noise.add("not a spreadsheet");
                byte[] bytes = HostileValues.bytes(random, 4 + random.nextInt(5000));
                if (random.nextBoolean()) {
                    bytes[0] = 'P';
                    bytes[1] = 'K';
                    bytes[2] = 3;
                    bytes[3] = 4;
                }
                return bytes;
            }
            case "application/geo+json", "application/json" -> {
                noise.add("broken GeoJSON");
                String coordinate = HostileValues.pick(random, List.of("\"x\"", "1e999", "null", "[[]]", "{}"));
                String geojson = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"kato\":"
                        + "\"" + HostileValues.shortString(random).replaceAll("[\"\\\\\\p{Cntrl}]", "") + "\"},\"geometry\":"
                        + "{\"type\":\"Polygon\",\"coordinates\":[[[" + coordinate + "," + coordinate + "]]]}}]}";
                return (random.nextBoolean() ? geojson : geojson.substring(0, random.nextInt(geojson.length())))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case "application/x-www-form-urlencoded" -> {
                noise.add("hostile form, no valid API key");
                List<String> fields = List.of("api_key", "service_code", "lat", "long", "address_string",
                        "description", "email", "first_name", "attribute[defect]", "media_url");
                StringBuilder form = new StringBuilder("api_key=").append(encode(HostileValues.shortString(random)));
                for (String field : fields) {
                    if (random.nextBoolean()) {
                        form.append('&').append(encode(field)).append('=').append(encode(HostileValues.shortString(random)));
                    }
                }
                if (random.nextInt(4) == 0) {
                    form.append("&%zz=%&&==");
                }
                return form.toString().getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                noise.add("broken CSV");
                StringBuilder csv = new StringBuilder();
                if (random.nextBoolean()) {
                    csv.append("\uFEFF");
                }
                for (int line = random.nextInt(1, 40); line > 0; line--) {
                    for (int cell = random.nextInt(1, 12); cell > 0; cell--) {
                        csv.append(HostileValues.pick(random, List.of("\"unclosed", "=HYPERLINK(\"http://evil\")",
                                "@SUM(1+1)*cmd|' /C calc'!A0", "2026-02-30", "99102100x", "\u0000", "",
                                HostileValues.shortString(random)))).append(random.nextBoolean() ? ';' : ',');
                    }
                    csv.append(random.nextBoolean() ? "\n" : "\r\n");
                }
                return csv.toString().getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private static String hostileQueryValue(Operation.Parameter parameter, SplittableRandom random) {
        JsonNode schema = parameter.schema();
        String type = schema.path("type").asText("string");
        if (random.nextBoolean()) {
            return switch (type) {
                case "integer", "number" -> HostileValues.pick(random, List.of("abc", "-1", "1.5", "1e9",
                        "99999999999999999999", "NaN", "0x10", "", "+", String.valueOf(schema.path("maximum").asLong(1000) + 1),
                        String.valueOf(schema.path("minimum").asLong(0) - 1), "2147483648"));
                case "boolean" -> HostileValues.pick(random, List.of("yes", "2", "", "TRUE ", "null", "on"));
                default -> HostileValues.pick(random, List.of("2026-02-30", "2026-13-01", "31.12.2026", "0000-00-00",
                        "+999999999-12-31", "99102100", "9910210000", "99102100a", "' OR 1=1 --", "NOT_A_STATUS",
                        "\u0000", "..", "2000-01-01", "2999-12-31"));
            };
        }
        return HostileValues.shortString(random);
    }

    private static String plausiblePathValue(Operation.Parameter parameter, SplittableRandom random) {
        return switch (parameter.name()) {
            case "kato" -> HostileValues.pick(random, List.of("991021000", "991021001", "990000000", "991000000"));
            case "year" -> String.valueOf(random.nextInt(2024, 2028));
            case "category" -> HostileValues.pick(random, List.of("roads", "*", "lighting"));
            case "scope" -> HostileValues.pick(random, List.of("ANY", "RURAL_DISTRICT", "DISTRICT", "REGION"));
            case "format" -> HostileValues.pick(random, List.of("json", "xml"));
            case "service_code" -> "roads";
            case "receipt" -> random.nextBoolean() ? UUID.randomUUID().toString() : "AP-2026-" + random.nextInt(1_000_000);
            default -> {
                JsonNode value = JsonBodies.plausible(parameter.schema(), random, 0);
                yield value.isTextual() ? value.asText() : value.toString();
            }
        };
    }

    private static String notOfType(Operation.Parameter parameter, SplittableRandom random) {
        if (parameter.schema().path("type").asText().equals("integer")) {
            return HostileValues.pick(random, List.of("abc", "1.5", "99999999999999999999", "0x7E6", "2026abc",
                    "NaN", "-", "1e3", "٢٠٢٦"));
        }
        String uuid = UUID.randomUUID().toString();
        return HostileValues.pick(random, List.of(uuid.substring(1), uuid + "0", uuid.replace('-', '_'),
                uuid.replace(uuid.charAt(0), 'g'), "{" + uuid + "}", "null", "' OR 1=1 --", "0", uuid.replace("-", "--")));
    }

    private static boolean typed(Operation.Parameter parameter) {
        return parameter.schema().path("type").asText().equals("integer")
                || parameter.schema().path("format").asText().equals("uuid");
    }

    private static List<Operation.Parameter> pathParameters(Operation operation) {
        return operation.parameters().stream().filter(p -> p.in().equals("path")).toList();
    }

    private static JsonNode jsonBodySchema(Operation operation) {
        return operation.requestBodies().entrySet().stream()
                .filter(body -> isJson(body.getKey()) && body.getValue().has("properties"))
                .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
    }

    private static boolean isJson(String contentType) {
        return contentType.equals("application/json");
    }

    private static String baseType(String contentType) {
        return contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    /** Percent-encodes every byte outside the unreserved set, so that any value reaches the server as sent. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** What java.net.http lets through as a header value: Latin-1 without controls (UTF-8 goes as its bytes). */
    private static String headerSafe(String value) {
        String latin1 = new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        return latin1.replaceAll("[\\x00-\\x1F\\x7F]", "?").strip();
    }
}
