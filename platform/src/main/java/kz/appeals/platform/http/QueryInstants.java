package kz.appeals.platform.http;

import kz.appeals.platform.problem.ProblemException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** ISO-8601 instants in query parameters (the from/to of audit queries); a malformed one is a 400 naming it. */
public final class QueryInstants {

    private QueryInstants() {
    }

    public static Instant parse(String name, String value, Instant absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "type", "An ISO-8601 instant such as 2026-11-23T00:00:00Z");
        }
    }
}
