package kz.appeals.systemtests.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/** Values that have broken parsers, validators, SQL and log lines elsewhere; the fuzzer draws from them. */
final class HostileValues {

    private static final List<String> FIXED = List.of(
            "", " ", "\t\n", "null", "undefined", "NaN", "-0", "0x1F", "1e309", "-1", "9223372036854775808",
            "' OR '1'='1", "1; DROP TABLE appeal; --", "\") OR 1=1 --", "' UNION SELECT usename, passwd FROM pg_shadow --",
            "$1", "%s%s%s%n", "${jndi:ldap://127.0.0.1/x}", "#{7*7}", "{{7*7}}", "<script>alert(1)</script>",
            "{\"$gt\":\"\"}", "{\"a\":", "[", "]]]", "\\", "\\u0000", "\u0000", "\u0000\u0001\u001f", "\r\nX-Injected: 1",
            "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2f", "/%00/", "C:\\con\\aux",
            "\uFEFF", "\u202Eevil", "\uD800", "\uDFFF", "\uFFFF", "😀👨‍👩‍👧", "Ә Ғ Қ Ң Ө Ұ Ү Һ І", "Z̷̢͓̪͕a̸͈l̵g̶o̴",
            "ԱԲԳ", "١٢٣", "０１２３", "𝟗𝟗𝟏𝟎𝟐𝟏𝟎𝟎𝟏",
            "99102100", "9910210000", "99102100a", "000000000", "-99102100", "99102100 ", " 991021001",
            "00000000-0000-0000-0000-00000000000", "00000000-0000-0000-0000-0000000000000", "g0000000-0000-0000-0000-000000000000",
            "{00000000-0000-0000-0000-000000000000}", "urn:uuid:00000000-0000-0000-0000-000000000000",
            "2026-02-30", "2026-13-01", "0000-00-00", "31.12.2026", "+999999999-12-31", "2026-1-1", "2026-12-01T25:00:00Z",
            "true", "false", "yes", "[]", "{}", "0", "2147483648", "-2147483649", "1.5", "1,5");

    private HostileValues() {
    }

    /** A hostile string: a fixed nasty value, a long or huge run, random code points, or random Latin-1 noise. */
    static String string(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> "A".repeat(1 + random.nextInt(70_000));
            case 1 -> randomCodePoints(random, 1 + random.nextInt(300));
            case 2 -> FIXED.get(random.nextInt(FIXED.size())).repeat(1 + random.nextInt(200));
            case 3 -> latin1Noise(random, 1 + random.nextInt(200));
            default -> FIXED.get(random.nextInt(FIXED.size()));
        };
    }

    /** A hostile value that fits in a URL or a header of modest length. */
    static String shortString(SplittableRandom random) {
        String value = string(random);
        return value.length() <= 2_000 ? value : value.substring(0, random.nextInt(2_000));
    }

    /** Any Unicode code point, unpaired surrogates and controls included. */
    static String randomCodePoints(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> random.nextInt(0x80, 0x800);
                case 2 -> random.nextInt(0xD800, 0xE000);
                default -> random.nextInt(0x110000);
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    /** Bytes 0x20–0xFF as chars: what an HTTP header can carry, UTF-8 fragments included. */
    static String latin1Noise(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            char c = (char) random.nextInt(0x20, 0x100);
            text.append(c == 0x7F ? '~' : c);
        }
        return text.toString();
    }

    static byte[] bytes(SplittableRandom random, int count) {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
