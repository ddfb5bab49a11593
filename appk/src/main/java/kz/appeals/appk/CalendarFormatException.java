package kz.appeals.appk;

/** A calendar data file that cannot be used; {@link #line()} names the offending line, counted from 1. */
public class CalendarFormatException extends IllegalArgumentException {

    private final int line;

    public CalendarFormatException(int year, int line, String problem, Throwable cause) {
        super("Calendar " + year + ", line " + line + ": " + problem, cause);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
