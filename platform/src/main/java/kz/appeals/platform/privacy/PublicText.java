package kz.appeals.platform.privacy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The copy of a citizen's or an office's free text that may leave the office: every public feed, every topic, the
 * open data. It masks what identifies a person in Kazakhstan's appeals — IINs, phone numbers, e-mail addresses and
 * the applicant's own name — and keeps the rest, so that the matter stays readable. The original is kept only where
 * the office reads it.
 *
 * <p>It errs on the side of masking: any run of 12 digits is taken for an IIN (a mistyped IIN is still one), any
 * 10 or 11 digits in a Kazakh telephone shape (+7/8/7 then ten digits starting with 7) for a phone number, whatever
 * spaces, dashes, dots or parentheses sit between the digits. Dates (31.12.2026, 2026-12-31) are left alone, since a
 * date range would otherwise join into such a run. Digits of any script (full-width, Arabic-Indic, …) are read as
 * ASCII digits and the full-width at-sign as '@', one character for one, so the public copy is never longer than
 * the original; control characters other than line breaks and tabs are dropped.
 */
public final class PublicText {

    /** What replaces each masked span: language-neutral, and visibly not the citizen's own words. */
    public static final String MASK = "***";

    /** Between two digits of one number: up to three of space, dot, dash or a parenthesis ("8 (701) 123-45-67"). */
    private static final String SEPARATOR = "[\\s\\u00A0.\\-\\u2010-\\u2015()]{0,3}";
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\s?\\d(?:" + SEPARATOR + "\\d)*");
    private static final Pattern DATE = Pattern.compile(
            "(?<!\\d)(?:(?:0?[1-9]|[12]\\d|3[01])[./](?:0?[1-9]|1[0-2])[./](?:\\d{4}|\\d{2})"
                    + "|\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01]))(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}\\p{N}._%+\\-]+\\s?@\\s?[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)*\\.\\p{L}{2,}");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}]+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|\\r");
    /** Name parts shorter than this are initials or particles ("А.", "ұлы" is kept): masking them would hide words. */
    private static final int SHORTEST_NAME_PART = 3;
    /** Case endings a name takes in running Russian or Kazakh text ("Азамату", "Азаматқа"). */
    private static final int LONGEST_NAME_ENDING = 4;

    private PublicText() {
    }

    /** {@link #redact(String, Collection)} without a known applicant: IINs, phones and e-mails only. */
    public static String redact(String text) {
        return redact(text, List.of());
    }

    /**
     * The public copy of {@code text}: IINs, telephone numbers, e-mail addresses and every part of the given names
     * (in Cyrillic, Kazakh letters or their Russian look-alikes, or a Latin transliteration, in any case ending)
     * replaced by {@link #MASK}. Null stays null.
     */
    public static String redact(String text, Collection<String> personalNames) {
        if (text == null) {
            return null;
        }
        String normalized = CONTROL.matcher(plainDigitsAndAt(text)).replaceAll("");
        BitSet masked = new BitSet(normalized.length());
        maskEmails(normalized, masked);
        maskNumbers(normalized, masked);
        maskNames(normalized, personalNames, masked);
        return apply(normalized, masked);
    }

    private static String plainDigitsAndAt(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            plain.append(c >= '0' && c <= '9' ? c : Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10))
                    : c == '\uFF20' ? '@' : c);
        }
        return plain.toString();
    }

    private static void maskEmails(String text, BitSet masked) {
        // Most texts hold no at-sign, and looking for one costs far less than the pattern's attempt at every word.
        if (text.indexOf('@') < 0) {
            return;
        }
        Matcher email = EMAIL.matcher(text);
        while (email.find()) {
            masked.set(email.start(), email.end());
        }
    }

    private static void maskNumbers(String text, BitSet masked) {
        if (text.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            return;
        }
        BitSet dates = new BitSet(text.length());
        Matcher date = DATE.matcher(text);
        while (date.find()) {
            dates.set(date.start(), date.end());
        }
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            maskNumbersInRun(text, run.start(), run.end(), dates, masked);
        }
    }

    /**
     * A run of digits joined by separators may hold several numbers ("87011234567 87017654321") or dates between
     * them: cut it into digit groups, a date ending the stretch of groups before it, and mask each longest series of
     * consecutive groups of a stretch that reads as an IIN or a phone number.
     */
    private static void maskNumbersInRun(String text, int start, int end, BitSet dates, BitSet masked) {
        List<List<int[]>> stretches = new ArrayList<>();
        List<int[]> stretch = new ArrayList<>();
        int i = start;
        while (i < end) {
            if (dates.get(i)) {
                if (!stretch.isEmpty()) {
                    stretches.add(stretch);
                    stretch = new ArrayList<>();
                }
                i = dates.nextClearBit(i);
            } else if (Character.isDigit(text.charAt(i))) {
                int groupStart = i;
                while (i < end && Character.isDigit(text.charAt(i)) && !dates.get(i)) {
                    i++;
                }
                stretch.add(new int[]{groupStart, i});
            } else {
                i++;
            }
        }
        stretches.add(stretch);
        stretches.forEach(groups -> maskNumbersInStretch(text, groups, masked));
    }

    private static void maskNumbersInStretch(String text, List<int[]> groups, BitSet masked) {
        int first = 0;
        while (first < groups.size()) {
            int matchedLast = -1;
            StringBuilder digits = new StringBuilder();
            for (int last = first; last < groups.size() && digits.length() <= 12; last++) {
                digits.append(text, groups.get(last)[0], groups.get(last)[1]);
                if (identifiesAPerson(digits)) {
                    matchedLast = last;
                }
            }
            if (matchedLast < 0) {
                first++;
                continue;
            }
            int from = groups.get(first)[0];
            if (from > 0 && text.charAt(from - 1) == '+') {
                from--;
            }
            masked.set(from, groups.get(matchedLast)[1]);
            first = matchedLast + 1;
        }
    }

    /** An IIN (or BIN): 12 digits. A Kazakh phone: ten digits starting with 7, alone or after 7 or 8. */
    private static boolean identifiesAPerson(CharSequence digits) {
        return switch (digits.length()) {
            case 12 -> true;
            case 11 -> (digits.charAt(0) == '7' || digits.charAt(0) == '8') && digits.charAt(1) == '7';
            case 10 -> digits.charAt(0) == '7';
            default -> false;
        };
    }

    private static void maskNames(String text, Collection<String> personalNames, BitSet masked) {
        Set<String> parts = new LinkedHashSet<>();
        for (String name : personalNames) {
            if (name == null) {
                continue;
            }
            Arrays.stream(NOT_LETTERS.split(Normalizer.normalize(name, Normalizer.Form.NFKC)))
                    .filter(part -> part.length() >= SHORTEST_NAME_PART)
                    .forEach(part -> {
                        String folded = fold(part);
                        parts.add(folded);
                        parts.add(fold(transliterate(folded)));
                    });
        }
        if (parts.isEmpty()) {
            return;
        }
        String folded = fold(text);
        for (String part : parts) {
            maskWordsStartingWith(folded, part, masked);
        }
    }

    /**
     * Every word of {@code text} that is {@code stem} followed by at most {@link #LONGEST_NAME_ENDING} letters: a
     * plain search, since a pattern compiled per name part and text cost more than the rest of the redaction.
     */
    private static void maskWordsStartingWith(String text, String stem, BitSet masked) {
        int at = text.indexOf(stem);
        while (at >= 0) {
            int end = at + stem.length();
            int letters = 0;
            while (end < text.length() && letters <= LONGEST_NAME_ENDING && Character.isLetter(text.codePointAt(end))) {
                end += Character.charCount(text.codePointAt(end));
                letters++;
            }
            boolean wordStart = at == 0 || !Character.isLetter(text.codePointBefore(at));
            if (wordStart && letters <= LONGEST_NAME_ENDING) {
                masked.set(at, end);
                at = text.indexOf(stem, end);
            } else {
                at = text.indexOf(stem, at + 1);
            }
        }
    }

    /**
     * Lower case, Kazakh letters as their Russian look-alikes and ё as е; in Latin script q/w/x as k/v/h, y as i (й
     * and ы are written either way) and the letters of the 2021 Kazakh Latin alphabet as their plain look-alikes: one
     * character for one, so that positions in the folded text are positions in the original.
     */
    static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            folded.append(switch (c) {
                case 'ә' -> 'а';
                case 'ғ' -> 'г';
                case 'қ' -> 'к';
                case 'ң' -> 'н';
                case 'ө' -> 'о';
                case 'ұ', 'ү' -> 'у';
                case 'һ' -> 'х';
                case 'і' -> 'и';
                case 'ё' -> 'е';
                case 'q' -> 'k';
                case 'w' -> 'v';
                case 'x' -> 'h';
                case 'y', 'ı' -> 'i';
                case 'ä' -> 'a';
                case 'ğ' -> 'g';
                case 'ñ' -> 'n';
                case 'ö' -> 'o';
                case 'ü', 'ū', 'ú' -> 'u';
                case 'ş' -> 's';
                default -> c;
            });
        }
        return folded.toString();
    }

    /** A common Latin spelling of a folded Cyrillic name (Azamat, Synak, Zhaksylyk); Latin text passes through. */
    static String transliterate(String folded) {
        StringBuilder latin = new StringBuilder(folded.length() + 4);
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            latin.append(switch (c) {
                case 'а' -> "a";
                case 'б' -> "b";
                case 'в' -> "v";
                case 'г' -> "g";
                case 'д' -> "d";
                case 'е', 'э' -> "e";
                case 'ж' -> "zh";
                case 'з' -> "z";
                case 'и' -> "i";
                case 'й' -> "y";
                case 'к' -> "k";
                case 'л' -> "l";
                case 'м' -> "m";
                case 'н' -> "n";
                case 'о' -> "o";
                case 'п' -> "p";
                case 'р' -> "r";
                case 'с' -> "s";
                case 'т' -> "t";
                case 'у' -> "u";
                case 'ф' -> "f";
                case 'х' -> "h";
                case 'ц' -> "ts";
                case 'ч' -> "ch";
                case 'ш' -> "sh";
                case 'щ' -> "sch";
                case 'ы' -> "y";
                case 'ю' -> "yu";
                case 'я' -> "ya";
                case 'ъ', 'ь' -> "";
                default -> String.valueOf(c).toLowerCase(Locale.ROOT);
            });
        }
        return latin.toString();
    }

    private static String apply(String text, BitSet masked) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (masked.get(i)) {
                out.append(MASK);
                i = masked.nextClearBit(i);
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return out.toString();
    }
}
