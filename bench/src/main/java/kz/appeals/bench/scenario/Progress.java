package kz.appeals.bench.scenario;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The run's progress on stderr: on a terminal one line redrawn in place with a bar; otherwise (a log file, CI) one
 * plain line per update, so that the log keeps the history instead of carriage returns.
 */
public final class Progress {

    private static final int BAR_WIDTH = 30;
    private final PrintStream out;
    private final boolean terminal;

    public Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /**
     * Whether stderr is a terminal. {@code System.console()} tells only about stdin and stdout, and stdout is often
     * redirected to keep the JSON; on Linux the descriptor's link names the device.
     */
    public static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }

    public void update(long done, long total, String detail) {
        if (terminal) {
            // \033[K clears what a longer previous line left
            out.print("\r" + bar(done, total) + " " + detail + "\033[K");
        } else {
            out.println(String.format(Locale.ROOT, "%d/%d %s", done, total, detail));
        }
        out.flush();
    }

    /** Ends the redrawn line, so that what follows starts on its own. */
    public void finish() {
        if (terminal) {
            out.println();
        }
    }

    static String bar(long done, long total) {
        double fraction = total <= 0 ? 0 : Math.min(1.0, Math.max(0.0, (double) done / total));
        int filled = (int) Math.floor(fraction * BAR_WIDTH);
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]"
                + String.format(Locale.ROOT, " %3d%%", (int) Math.floor(fraction * 100));
    }
}
