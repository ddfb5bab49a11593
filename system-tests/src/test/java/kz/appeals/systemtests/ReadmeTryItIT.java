package kz.appeals.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A newcomer's first minutes, as the README tells them: {@code ./appeals up} from an empty state folder, then the
 * "Try it" block copied out of README.md and run at once, as written. The appeal must be accepted (not a 422 for a
 * settlement intake has not heard of yet) and the office's inbox must answer, and soon list it.
 *
 * <p>It needs the system instance's ports (8081–8085, 55432, 59092), which the README's commands name: on a machine
 * where a system instance runs it cannot start its own and is skipped, saying so. The services are the jars the
 * reactor built ({@code up --no-build}: a build inside the build would rebuild what is being tested).
 */
class ReadmeTryItIT {

    private static final Path STATE = ServiceProcess.ROOT.resolve("system-tests/target/readme-run");
    private static final Path LOG = ServiceProcess.ROOT.resolve("system-tests/target/readme-run.log");
    private static final List<Integer> SYSTEM_PORTS = List.of(8081, 8082, 8083, 8084, 8085, 55432, 59092);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean started;

    @BeforeAll
    static void upFromAnEmptyStateFolder() throws Exception {
        List<Integer> taken = SYSTEM_PORTS.stream().filter(ReadmeTryItIT::listening).toList();
        assumeTrue(taken.isEmpty(), "a system instance already uses " + taken + " on this machine: ./appeals down "
                + "first to walk through the README");
        deleteRecursively(STATE);
        Files.createDirectories(STATE);
        started = true;
        Run up = appeals(Duration.ofMinutes(8), "up", "--no-build");
        assertEquals(0, up.exit(), "./appeals up failed; see " + LOG + "\n" + up.output());
        assertTrue(up.output().contains("reference data in place"), up.output());
    }

    @AfterAll
    static void down() throws Exception {
        if (started) {
            appeals(Duration.ofMinutes(3), "down");
        }
    }

    @Test
    void theTryItCommandsWorkAsWrittenRightAfterUp() throws Exception {
        String block = tryItBlock();
        Run run = bash(block, Duration.ofMinutes(1));
        assertEquals(0, run.exit(), run.output());
        List<JsonNode> answers = new ArrayList<>();
        try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(run.output())) {
            values.forEachRemaining(answers::add);
        }
        assertEquals(2, answers.size(), "the appeal's receipt and the inbox: " + run.output());
        JsonNode receipt = answers.get(0);
        assertTrue(receipt.path("receiptNumber").asText().matches("KZ\\d{2}-\\d{7}-[0-9A-Z]"), receipt.toString());
        assertFalse(receipt.path("appealId").asText().isEmpty(), receipt.toString());
        assertTrue(answers.get(1).has("items"), "the inbox is a page of appeals: " + answers.get(1));

        // the inbox command again, until routing and response have carried the appeal to the rural district's office
        String inbox = block.substring(block.indexOf("OFFICE="));
        String number = receipt.get("receiptNumber").asText();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!bash(inbox, Duration.ofSeconds(30)).output().contains(number)) {
            if (System.nanoTime() > deadline) {
                fail("appeal " + number + " never reached the inbox of 991021000");
            }
            Thread.sleep(500);
        }
    }

    /**
     * The office-head, citizen and receipt-lookup flows, as README.md's "Follow one appeal through" block prints them:
     * the inbox page found by receipt number, the extended due date, the answer's status, the rating, the timeline.
     */
    @Test
    void theFollowThroughCommandsWorkAsWritten() throws Exception {
        Run run = bash(readmeBlock("### Follow one appeal through"), Duration.ofMinutes(2));
        assertEquals(0, run.exit(), run.output());
        List<String> lines = run.output().lines().filter(line -> !line.isBlank()).toList();
        assertEquals(5, lines.size(), "inbox, due date, status, rating, timeline: " + run.output());

        JsonNode found = JSON.readTree(lines.get(0)).path("items");
        assertEquals(1, found.size(), "the receipt number finds exactly its appeal: " + lines.get(0));
        String receipt = found.get(0).path("receiptNumber").asText();
        LocalDate routedDue = LocalDate.parse(found.get(0).path("dueDate").asText());
        LocalDate extended = LocalDate.parse(lines.get(1));
        assertTrue(extended.isAfter(routedDue), "the head's extension " + extended + " after " + routedDue);
        assertEquals("ANSWERED", lines.get(2));
        JsonNode rated = JSON.readTree(lines.get(3));
        assertTrue(rated.path("answers").path(0).path("ratingSatisfied").asBoolean(), lines.get(3));

        assertEquals(receipt, JSON.readTree(lines.get(4)).path("receiptNumber").asText(), lines.get(4));
        // the timeline follows the topics: soon it holds every step the block took
        String timeline = "curl -s http://127.0.0.1:8081/api/v1/appeals/" + receipt
                + " -H \"Authorization: Bearer $(./appeals token --iin=900101300017 frontend)\"";
        List<String> expected = List.of("ROUTED", "EXTENDED", "ANSWERED", "RATED");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> steps = List.of();
        while (!steps.containsAll(expected)) {
            if (System.nanoTime() > deadline) {
                fail("the citizen's timeline of " + receipt + " shows " + steps + ", not " + expected);
            }
            Thread.sleep(300);
            List<String> seen = new ArrayList<>();
            JSON.readTree(bash(timeline, Duration.ofSeconds(30)).output()).path("steps")
                    .forEach(step -> seen.add(step.path("kind").asText()));
            steps = seen;
        }
    }

    /**
     * The routing README's import of a new region with scripts/import-territory.sh: the script returns once it says
     * every consumer has the release, and at that moment intake accepts an appeal at the new village.
     */
    @Test
    void aNewReleaseIsAcceptedAsSoonAsTheImportScriptSaysEveryConsumerHasIt() throws Exception {
        Run imported = run(List.of("bash", "-c", block("routing-service/README.md", "**When the other services have it.**")),
                Duration.ofMinutes(3), true);
        assertEquals(0, imported.exit(), imported.output());
        assertTrue(imported.output().matches("(?s).*delivered: every consumer has it \\d+ s after the import answered.*"),
                imported.output());

        Run filed = bash(tryItBlock().replace("991021001", "961021001"), Duration.ofMinutes(1));
        try (MappingIterator<JsonNode> answers = JSON.readerFor(JsonNode.class).readValues(filed.output())) {
            assertTrue(answers.next().has("receiptNumber"), "an appeal at 961021001 right after the import: "
                    + filed.output());
        }
    }

    /** The bash block under "### Try it" in README.md, as a reader would copy it. */
    private static String tryItBlock() throws IOException {
        return readmeBlock("### Try it");
    }

    private static String readmeBlock(String heading) throws IOException {
        return block("README.md", heading + "\n");
    }

    /** The first bash block after {@code marker} in the repository's {@code file}. */
    private static String block(String file, String marker) throws IOException {
        String text = Files.readString(ServiceProcess.ROOT.resolve(file));
        int section = text.indexOf(marker);
        assertTrue(section >= 0, file + " has no \"" + marker.strip() + "\"");
        int start = text.indexOf("```bash\n", section) + "```bash\n".length();
        int end = text.indexOf("```", start);
        return text.substring(start, end);
    }

    private record Run(int exit, String output) {
    }

    private static Run appeals(Duration timeout, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(ServiceProcess.ROOT.resolve("appeals").toString()));
        command.addAll(List.of(arguments));
        return run(command, timeout, true);
    }

    private static Run bash(String script, Duration timeout) throws Exception {
        return run(List.of("bash", "-c", script), timeout, false);
    }

    /**
     * Runs in the repository root with the state folder moved. Output goes through a file, not a pipe: the servers
     * {@code up} starts must not hold the test's pipe open after the command returned.
     */
    private static Run run(List<String> command, Duration timeout, boolean withErrors) throws Exception {
        Path output = Files.createTempFile(STATE, "command", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ServiceProcess.ROOT.toFile())
                .redirectOutput(output.toFile());
        if (withErrors) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
        }
        builder.environment().put("APPEALS_RUN_DIR", STATE.toString());
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command + " did not finish within " + timeout);
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        Files.writeString(LOG, "$ " + String.join(" ", command) + "\n" + text + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new Run(process.exitValue(), text);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
