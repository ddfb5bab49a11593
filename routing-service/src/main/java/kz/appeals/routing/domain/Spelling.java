package kz.appeals.routing.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Folds the ways people spell a Kazakh place name — Kazakh Cyrillic, Russian Cyrillic, the 2021 Kazakh Latin
 * alphabet and the usual English transliterations — to one Latin skeleton, so that «Ақбұлақ», «Акбулак», "Aqbulaq"
 * and "Akbulak" all become {@code akbulak}, and «Қызылжар», "Kyzylzhar" and "Qyzyljar" become {@code kiziljar}.
 * Distinctions the spellings do not agree on (ы/і/и/й, ө/о, қ/к, zh/j, kh/h) are dropped on purpose.
 */
public final class Spelling {

    /**
     * Words that say what kind of place follows, in both languages and common abbreviations, folded as a text's words
     * are (doubled letters collapse: «сельский» is {@code selski}).
     */
    private static final Set<String> PLACE_WORDS = Stream.of(
            "auil", "auili", "auildik", "auildi", "okrug", "okrugi", "okruga", "okruge", "selo", "sela", "sele",
            "selskii", "selskogo", "selskom", "poselok", "poselka", "pos", "s", "aul", "aula", "raion", "raiona",
            "raione", "rn", "audan", "audani", "audanindagi", "oblis", "oblisi", "oblast", "oblasti", "obl",
            "kala", "kalasi", "gorod", "goroda", "g", "ul", "ulitsa", "ulitse", "koshe", "koshesi", "kosh",
            "dom", "d", "ui", "mikroraion", "mkr", "v", "vo", "na", "u", "okolo", "vozle", "riadom", "i",
            "janinda", "mangainda", "manainda", "kasinda", "village", "district", "rural", "region", "street",
            // the classifier's own markers: г.а., с.о., с.а., п.а., қ.ә., а.о., ст., рзд., отг., уч., жил.дом, кенті
            "a", "o", "k", "p", "st", "stantsiia", "rzd", "razezd", "otg", "otgon", "uch", "uchastok", "jil", "jiloi",
            "kent", "kenti", "akimshiligi", "akimdigi", "kalalik", "administratsiia", "selskaia", "poselkovaia",
            "gorodskaia", "kenttik").map(Spelling::fold).collect(Collectors.toUnmodifiableSet());

    private Spelling() {
    }

    /** The folded skeleton of the whole text, words separated by single spaces. */
    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length() + 8);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            char next = i + 1 < lower.length() ? lower.charAt(i + 1) : ' ';
            // Latin digraphs of the English-style transliterations
            if ((c == 'z' || c == 'k' || c == 's' || c == 'c') && next == 'h') {
                out.append(c == 'z' ? "j" : c == 'k' ? "h" : c == 's' ? "sh" : "ch");
                i++;
                continue;
            }
            out.append(foldChar(c));
        }
        // collapse doubled letters and separators
        StringBuilder collapsed = new StringBuilder(out.length());
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            boolean letter = Character.isLetterOrDigit(c);
            char shown = letter ? c : ' ';
            int last = collapsed.length() - 1;
            if (last >= 0 && collapsed.charAt(last) == shown) {
                continue;
            }
            if (!letter && last < 0) {
                continue;
            }
            collapsed.append(shown);
        }
        return collapsed.toString().trim();
    }

    /** The words of the text that can name a place: folded, without place-kind words. */
    public static List<String> placeWords(String text) {
        List<String> words = new ArrayList<>();
        for (String word : fold(text).split(" ")) {
            if (!word.isEmpty() && !PLACE_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    /** A place name as one key: its place words run together («Жаңа Арқа» = «Жаңаарқа»). */
    public static String nameKey(String name) {
        return join(placeWords(name));
    }

    /** Folded words run together, a letter doubled at a junction collapsed as {@link #fold} does inside words. */
    public static String join(List<String> words) {
        StringBuilder joined = new StringBuilder();
        for (String word : words) {
            int last = joined.length() - 1;
            joined.append(last >= 0 && !word.isEmpty() && joined.charAt(last) == word.charAt(0) ? word.substring(1) : word);
        }
        return joined.toString();
    }

    private static String foldChar(char c) {
        return switch (c) {
            case 'а', 'ә', 'ä', 'á', 'à', 'â' -> "a";
            case 'б' -> "b";
            case 'в', 'w' -> "v";
            case 'г', 'ғ', 'ğ' -> "g";
            case 'д' -> "d";
            case 'е', 'ё', 'э', 'é', 'è' -> "e";
            case 'ж' -> "j";
            case 'з' -> "z";
            case 'и', 'й', 'і', 'ы', 'ı', 'y', 'ï', 'í' -> "i";
            case 'к', 'қ', 'q' -> "k";
            case 'л' -> "l";
            case 'м' -> "m";
            case 'н', 'ң', 'ñ' -> "n";
            case 'о', 'ө', 'ö', 'ó' -> "o";
            case 'п' -> "p";
            case 'р' -> "r";
            case 'с' -> "s";
            case 'т' -> "t";
            case 'у', 'ұ', 'ү', 'ū', 'ü', 'ú' -> "u";
            case 'ф' -> "f";
            case 'х', 'һ', 'x' -> "h";
            case 'ц' -> "ts";
            case 'ч', 'ç' -> "ch";
            case 'ш', 'щ', 'ş' -> "sh";
            case 'ю' -> "iu";
            case 'я' -> "ia";
            case 'ъ', 'ь', '\'', '’', '`' -> "";
            default -> String.valueOf(c);
        };
    }
}
