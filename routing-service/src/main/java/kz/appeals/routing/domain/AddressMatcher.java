package kz.appeals.routing.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Finds the place an address text names by fuzzy matching of settlement, rural district and district names in
 * Kazakh and Russian, whatever the alphabet ({@link Spelling}). Tolerates a typo or two in longer names and the
 * endings Russian adds («в Акбулаке», «Акбулакский»). A name shared by places in several rural districts is
 * ambiguous unless a district, city administration or city named in the text tells them apart: then nothing is
 * guessed. A place stands for the body above it — its rural district, village akimat or town, or the district or city
 * administration it lies straight under.
 */
public final class AddressMatcher {

    /** Longest case ending or adjective suffix that may follow a name (folded «-ского», «-инский»). */
    private static final int MAX_SUFFIX = 5;

    public sealed interface Match {
    }

    /** The text names this unit: a locality, a rural-level unit, or a district or city if nothing below it. */
    public record Found(TerritorialUnit unit, String detail) implements Match {
    }

    public record NotFound(String detail) implements Match {
    }

    private record Name(String key, TerritorialUnit unit) {
    }

    /** A unit some words of the text spell, at a cost. */
    private record Hit(TerritorialUnit unit, int cost, String phrase) {
    }

    /** A hit with the units above it: the nearest unit that is not a locality is the body it stands for. */
    private record Placed(Hit hit, List<TerritorialUnit> lineage) {
        TerritorialUnit body() {
            return lineage.stream().filter(u -> u.level != TerritorialLevel.SETTLEMENT).findFirst().orElse(hit.unit);
        }

        TerritorialUnit district() {
            return lineage.stream().filter(u -> u.level == TerritorialLevel.DISTRICT).findFirst().orElse(null);
        }

        /** A district, city administration or the city of one: what narrows the places the text may mean. */
        boolean isContext() {
            return hit.unit.level == TerritorialLevel.DISTRICT || hit.unit.kind == UnitKind.CITY;
        }

        boolean liesIn(Set<String> codes) {
            return lineage.stream().anyMatch(u -> codes.contains(u.katoCode));
        }
    }

    /** Names by their first folded letter: a typo in the first letter is rare, and this keeps matching cheap. */
    private final Map<Character, List<Name>> namesByInitial = new HashMap<>();
    /** Names by their exact key: most addresses spell names the usual way, and a hash lookup finds them at once. */
    private final Map<String, List<Name>> namesByKey = new HashMap<>();

    public AddressMatcher(Collection<TerritorialUnit> units) {
        for (TerritorialUnit unit : units) {
            // a region's name says too little to place a problem; a city of republican significance's says enough
            if (unit.level == TerritorialLevel.REGION && unit.kind != UnitKind.CITY_OF_REPUBLICAN_SIGNIFICANCE) {
                continue;
            }
            Set<String> keys = new LinkedHashSet<>(List.of(Spelling.nameKey(unit.nameKk), Spelling.nameKey(unit.nameRu)));
            for (String key : keys) {
                if (key.length() >= 3) {
                    Name name = new Name(key, unit);
                    namesByInitial.computeIfAbsent(key.charAt(0), c -> new ArrayList<>()).add(name);
                    namesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(name);
                }
            }
        }
    }

    public Match match(String address, LocalDate day, TerritoryIndex territory) {
        List<String> words = Spelling.placeWords(address);
        List<String> phrases = new ArrayList<>(words);
        for (int i = 0; i + 1 < words.size(); i++) {
            phrases.add(Spelling.join(words.subList(i, i + 2)));
        }
        // first the usual spellings (exact, or with an ending), then, if they do not settle it, every near spelling
        Map<String, Hit> exact = new HashMap<>();
        for (String phrase : phrases) {
            for (int ending = 0; ending <= MAX_SUFFIX && phrase.length() - ending >= 3; ending++) {
                for (Name name : namesByKey.getOrDefault(phrase.substring(0, phrase.length() - ending), List.of())) {
                    if (name.unit.isInForceOn(day)) {
                        keepBest(exact, new Hit(name.unit, ending == 0 ? 0 : 1, phrase));
                    }
                }
            }
        }
        // a district or city spelt right does not settle it while a place in it may be spelt with a typo
        if (!exact.isEmpty() && resolve(exact.values(), address, day, territory) instanceof Found found
                && found.unit.level != TerritorialLevel.DISTRICT && found.unit.kind != UnitKind.CITY) {
            return found;
        }
        Map<String, Hit> best = new HashMap<>();
        for (String phrase : phrases) {
            if (phrase.length() < 3) {
                continue;
            }
            for (Name name : namesByInitial.getOrDefault(phrase.charAt(0), List.of())) {
                int cost = cost(phrase, name.key);
                if (cost >= 0 && name.unit.isInForceOn(day)) {
                    keepBest(best, new Hit(name.unit, cost, phrase));
                }
            }
        }
        if (best.isEmpty()) {
            return new NotFound("no settlement, rural district or district name found in the address «"
                    + shorten(address) + "»");
        }
        return resolve(best.values(), address, day, territory);
    }

    private static void keepBest(Map<String, Hit> hits, Hit hit) {
        hits.merge(hit.unit.katoCode, hit, (a, b) -> a.cost <= b.cost ? a : b);
    }

    private static Match resolve(Collection<Hit> hits, String address, LocalDate day, TerritoryIndex territory) {
        List<Placed> placed = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            territory.lineage(hit.unit, day).ifPresent(lineage -> placed.add(new Placed(hit, lineage)));
        }
        // a district, city administration or city named in the text narrows the places to those inside it
        Set<String> contexts = placed.stream().filter(Placed::isContext).map(Placed::district)
                .filter(Objects::nonNull).map(d -> d.katoCode).collect(Collectors.toSet());
        // words that spell a district better than any place are the district («Карагайлинский» is not «Карагайлы»)
        Map<String, Integer> contextPhrases = placed.stream().filter(Placed::isContext)
                .collect(Collectors.toMap(p -> p.hit.phrase, p -> p.hit.cost, Math::min));
        // each hit stands for the body above it; keep the closest spelling per body, the most specific place first
        TreeMap<Integer, Map<String, Placed>> byCost = new TreeMap<>();
        for (Placed place : placed) {
            if (place.isContext() || !contexts.isEmpty() && !place.liesIn(contexts)
                    || contextPhrases.getOrDefault(place.hit.phrase, Integer.MAX_VALUE) < place.hit.cost) {
                continue;
            }
            byCost.computeIfAbsent(place.hit.cost, c -> new HashMap<>()).merge(place.body().katoCode, place,
                    (a, b) -> a.lineage.size() >= b.lineage.size() ? a : b);
        }
        if (byCost.isEmpty()) {
            if (contexts.size() == 1) {
                // the city itself rather than its administration, when the text names it
                Placed context = placed.stream().filter(Placed::isContext)
                        .max(Comparator.comparingInt(p -> p.lineage.size())).orElseThrow();
                return new Found(context.hit.unit, "the address names " + context.hit.unit.describe()
                        + " but no rural district in it");
            }
            return new NotFound("the address «" + shorten(address) + "» names districts " + new TreeSet<>(contexts)
                    + " but no settlement in them");
        }
        Map<String, Placed> closest = byCost.firstEntry().getValue();
        if (closest.size() > 1) {
            return new NotFound("the address «" + shorten(address) + "» is ambiguous: it matches places in rural districts "
                    + closest.values().stream().limit(5).map(p -> p.body().katoCode + " (" + p.body().nameRu + ")")
                    .collect(Collectors.joining(", ")));
        }
        Hit hit = closest.values().iterator().next().hit;
        return new Found(hit.unit, "the address «" + shorten(address) + "» matches "
                + (hit.unit.level == TerritorialLevel.SETTLEMENT ? "settlement " + hit.unit.katoCode + " ("
                + hit.unit.nameKk + " / " + hit.unit.nameRu + ")" : hit.unit.describe())
                + (hit.cost == 0 ? "" : " allowing for spelling"));
    }

    /**
     * Cost of reading {@code phrase} as {@code name}: twice the edit distance, plus one when a short ending
     * follows the name; -1 when it is too far. Longer names tolerate more typos.
     */
    static int cost(String phrase, String name) {
        int allowed = name.length() <= 4 ? 0 : name.length() <= 7 ? 1 : 2;
        int lengthGap = phrase.length() - name.length();
        if (lengthGap < -allowed || lengthGap > allowed + MAX_SUFFIX) {
            return -1;
        }
        int best = -1;
        int whole = Levenshtein.within(phrase, name, allowed);
        if (whole >= 0) {
            best = 2 * whole;
        }
        if (lengthGap > 0) {
            int prefix = Levenshtein.within(phrase.substring(0, name.length()), name, allowed);
            if (prefix >= 0 && (best < 0 || 2 * prefix + 1 < best)) {
                best = 2 * prefix + 1;
            }
        }
        return best;
    }

    private static String shorten(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "…";
    }

    /** Edit distance with an early exit once it exceeds the allowance. */
    static final class Levenshtein {
        private Levenshtein() {
        }

        static int within(String a, String b, int max) {
            if (Math.abs(a.length() - b.length()) > max) {
                return -1;
            }
            int[] previous = new int[b.length() + 1];
            int[] current = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                previous[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                current[0] = i;
                int rowMin = current[0];
                for (int j = 1; j <= b.length(); j++) {
                    int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                    current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                    rowMin = Math.min(rowMin, current[j]);
                }
                if (rowMin > max) {
                    return -1;
                }
                int[] swap = previous;
                previous = current;
                current = swap;
            }
            return previous[b.length()] <= max ? previous[b.length()] : -1;
        }
    }
}
