package kz.appeals.systemtests.fuzz;

/**
 * What a generated request breaks on purpose. A request to an operation that changes state always carries one of
 * the {@link #rejectable} defects, each of which the service must refuse whatever else the request holds, so that a
 * 2xx answer there is a finding and never a legitimate effect of the fuzzer.
 */
public enum Defect {
    /** Missing, garbage, forged, expired, unsigned, tampered, foreign-issuer or wrong-role credentials. */
    REFUSED_CREDENTIALS(true),
    /** A content type the operation does not consume. */
    UNSUPPORTED_CONTENT_TYPE(true),
    /** JSON that does not parse: truncated, random bytes, unclosed nesting, invalid UTF-8, non-JSON literals. */
    MALFORMED_JSON(true),
    /** Parsable JSON that breaks the schema: a required field missing or null, wrong type, enum, pattern, length, range. */
    SCHEMA_VIOLATION(true),
    /** A file body (CSV, text, spreadsheet, GeoJSON, form) that cannot be a valid one. */
    GARBAGE_FILE(true),
    /** A typed path parameter (UUID, integer) that is not of its type. */
    PATH_PARAMETER_TYPE(true),
    /** A path parameter that names nothing: traversal, injection, huge, control characters. */
    HOSTILE_PATH_VALUE(true),
    /** Reads only: hostile or absurd query parameters (wrong types, out of range, invalid dates and KATO codes). */
    HOSTILE_QUERY(false),
    /** Reads only: hostile headers (Accept, Accept-Language, junk) around an otherwise plausible request. */
    HOSTILE_HEADERS(false);

    private final boolean rejectable;

    Defect(boolean rejectable) {
        this.rejectable = rejectable;
    }

    public boolean rejectable() {
        return rejectable;
    }
}
