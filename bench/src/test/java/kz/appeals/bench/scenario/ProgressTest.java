package kz.appeals.bench.scenario;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {

    @Test
    void theBarFillsWithTheShareDone() {
        assertEquals("[------------------------------]   0%", Progress.bar(0, 200));
        assertEquals("[###############---------------]  50%", Progress.bar(100, 200));
        assertEquals("[##############################] 100%", Progress.bar(200, 200));
        assertEquals("[##############################] 100%", Progress.bar(250, 200), "never past full");
        assertEquals("[------------------------------]   0%", Progress.bar(5, 0));
    }

    @Test
    void aTerminalGetsOneRedrawnLineALogGetsALinePerUpdate() {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        Progress onTerminal = new Progress(new PrintStream(terminal, true, StandardCharsets.UTF_8), true);
        onTerminal.update(1, 4, "one");
        onTerminal.update(2, 4, "two");
        onTerminal.finish();
        String drawn = terminal.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.startsWith("\r["), drawn);
        assertTrue(drawn.contains("\r[###############---------------]  50% two"), drawn);
        assertEquals(1, drawn.chars().filter(c -> c == '\n').count(), "a newline only at the end");

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Progress inLog = new Progress(new PrintStream(log, true, StandardCharsets.UTF_8), false);
        inLog.update(1, 4, "one");
        inLog.update(2, 4, "two");
        inLog.finish();
        String written = log.toString(StandardCharsets.UTF_8);
        assertFalse(written.contains("\r"));
        assertEquals("1/4 one" + System.lineSeparator() + "2/4 two" + System.lineSeparator(), written);
    }
}
