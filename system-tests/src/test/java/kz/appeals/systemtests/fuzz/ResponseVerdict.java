package kz.appeals.systemtests.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Judges every answer to a fuzzed request and keeps the tallies. A finding is a 5xx, a 2xx to an operation that
 * changes state (the request was built to be refused), an error the service answered itself without
 * {@code application/problem+json}, a broken connection on a request of normal size, or a hang.
 * <p>
 * Answers allowed without problem+json, because the service's own code never sees the request: the transport
 * limits answered by Vert.x (413, 414, 431) with an empty body. Refusals of the security layer (401, 403) are
 * problem+json like every other error. Open311 answers errors in the format its standard
 * prescribes (JSON or XML {@code errors} lists) and is judged by that.
 */
public final class ResponseVerdict {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, LongAdder> tallies = new ConcurrentHashMap<>();
    private final Map<String, Queue<String>> findings = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> findingCounts = new ConcurrentHashMap<>();
    private final LongAdder requests = new LongAdder();
    private Duration took = Duration.ZERO;

    public void judge(FuzzRequest request, HttpResponse<byte[]> response) {
        requests.increment();
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        byte[] body = response.body();
        count("status " + status);
        count("defect " + request.defect());
        count("operation " + request.operation().name() + " " + status);
        if (status >= 500) {
            finding(status + " answer", request, response);
        } else if (status < 300 && status >= 200) {
            if (request.operation().changesState()) {
                finding("2xx to a request that changes state", request, response);
            }
        } else if (status < 400) {
            finding(status + " answer (redirects are not part of any API)", request, response);
        } else if (isProblem(contentType)) {
            String mismatch = problemMismatch(body, status);
            if (mismatch != null) {
                finding("problem+json " + mismatch, request, response);
            }
        } else if ((status == 413 || status == 414 || status == 431) && body.length == 0) {
            count("empty " + status + " from the transport");
        } else if (request.operation().path().startsWith("/open311/") && isOpen311Error(contentType, body)) {
            count("Open311 error format");
        } else {
            finding(status + " without problem+json (" + (contentType.isEmpty() ? "no content type" : contentType)
                    + ")", request, response);
        }
    }

    /** The server may cut an oversized upload short while it is still being sent; anything else is a finding. */
    public void transportFailure(FuzzRequest request, IOException failure) {
        requests.increment();
        if (request.oversized()) {
            count("oversized body: connection closed by the server");
        } else {
            record(failure instanceof java.net.http.HttpTimeoutException ? "no answer within the timeout"
                    : "connection failed: " + failure.getClass().getSimpleName(), request.describe()
                    + "  -> " + failure);
        }
    }

    /** The client refused to send what was generated: a fuzzer bug, reported like a finding so it gets fixed. */
    public void generatorFailure(FuzzRequest request, RuntimeException failure) {
        requests.increment();
        record("fuzzer could not send the request: " + failure.getClass().getSimpleName(),
                request.describe() + "  -> " + failure);
    }

    public void retried() {
        count("sent again after the server closed a reused connection");
    }

    public void finished(Duration took) {
        this.took = took;
    }

    public Map<String, Long> findings() {
        return findingCounts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum(),
                (a, b) -> a, TreeMap::new));
    }

    public String summary() {
        long total = requests.sum();
        StringBuilder text = new StringBuilder().append(String.format("ApiFuzzIT: %d requests in %s (%.0f/s)%n", total,
                took.withNanos(0), total / Math.max(0.001, took.toMillis() / 1000.0)));
        new TreeMap<>(tallies).forEach((name, count) -> {
            if (!name.startsWith("operation ")) {
                text.append(String.format("  %-60s %d%n", name, count.sum()));
            }
        });
        text.append("  per operation and status:\n");
        new TreeMap<>(tallies).forEach((name, count) -> {
            if (name.startsWith("operation ")) {
                text.append(String.format("    %-90s %d%n", name.substring("operation ".length()), count.sum()));
            }
        });
        findings().forEach((name, count) -> text.append(String.format("  FINDING %-52s %d%n", name, count)));
        return text.toString();
    }

    public String report(int examplesEach) {
        StringBuilder text = new StringBuilder("findings:\n");
        findings().forEach((name, count) -> {
            text.append("== ").append(name).append(": ").append(count).append(" request(s), e.g.\n");
            findings.get(name).stream().limit(examplesEach).forEach(example -> text.append(example).append('\n'));
        });
        return text.toString();
    }

    private void finding(String kind, FuzzRequest request, HttpResponse<byte[]> response) {
        String body = new String(response.body(), 0, Math.min(response.body().length, 600), StandardCharsets.UTF_8);
        record(kind + " on " + request.operation().name(), request.describe() + "  -> " + response.statusCode() + " "
                + response.headers().firstValue("Content-Type").orElse("") + " "
                + FuzzRequest.abbreviate(body, 600));
    }

    private void record(String kind, String example) {
        findingCounts.computeIfAbsent(kind, k -> new LongAdder()).increment();
        Queue<String> examples = findings.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>());
        if (examples.size() < 20) {
            examples.add(example);
        }
    }

    private void count(String name) {
        tallies.computeIfAbsent(name, k -> new LongAdder()).increment();
    }

    private static boolean isProblem(String contentType) {
        return contentType.toLowerCase().startsWith("application/problem+json");
    }

    /** Null when the body is a problem document for this status, else what is wrong with it. */
    private static String problemMismatch(byte[] body, int status) {
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem == null || !problem.isObject()) {
                return "body is not a JSON object";
            }
            if (problem.path("status").asInt() != status) {
                return "status " + problem.path("status") + " differs from the HTTP status";
            }
            return problem.path("title").isTextual() ? null : "without a title";
        } catch (IOException e) {
            return "body does not parse";
        }
    }

    private static boolean isOpen311Error(String contentType, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return (contentType.startsWith("application/json") && text.startsWith("[{\"code\":"))
                || (contentType.startsWith("text/xml") && text.contains("<errors>"));
    }
}
