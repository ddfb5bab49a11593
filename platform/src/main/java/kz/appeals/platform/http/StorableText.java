package kz.appeals.platform.http;

/**
 * What a text value may hold to be stored in PostgreSQL and shown in XML 1.0 (Open311's mandatory format): no
 * control characters but tab, line feed and carriage return, no unpaired UTF-16 surrogate (PostgreSQL would store
 * a '?'), no non-character U+FFFE or U+FFFF. Input holding one is refused; output never carries one.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Index of the first character that may not be stored or shown, or -1 when there is none. */
    public static int firstForbidden(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFE' || c == '\uFFFF') {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Why {@code value} is refused, e.g. "character U+0001 at position 5 is not allowed", or null when it is not. */
    public static String problem(String value) {
        int bad = value == null ? -1 : firstForbidden(value);
        return bad < 0 ? null
                : String.format("character U+%04X at position %d is not allowed", (int) value.charAt(bad), bad);
    }

    /** {@code value} without the characters {@link #firstForbidden} finds. */
    public static String withoutForbidden(String value) {
        if (value == null || firstForbidden(value) < 0) {
            return value;
        }
        StringBuilder kept = new StringBuilder(value.length());
        while (!value.isEmpty()) {
            int bad = firstForbidden(value);
            if (bad < 0) {
                kept.append(value);
                break;
            }
            kept.append(value, 0, bad);
            value = value.substring(bad + 1);
        }
        return kept.toString();
    }
}
