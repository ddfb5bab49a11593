package kz.appeals.appk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/** The entries of a calendar data file (law or year): one a line, blank lines and {@code #} comments skipped. */
final class DataLines {

    /** Takes one entry, stripped, with its line number counted from 1. */
    @FunctionalInterface
    interface Entry {
        void read(int number, String content);
    }

    private DataLines() {
    }

    static void read(Reader source, String what, Entry entry) {
        try (BufferedReader lines = new BufferedReader(source)) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String content = line.strip();
                if (!content.isEmpty() && !content.startsWith("#")) {
                    entry.read(number, content);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + what, e);
        }
    }
}
