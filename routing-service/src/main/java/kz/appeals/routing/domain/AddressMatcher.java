package kz.appeals.routing.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * <p>
 * Built like a search engine's dictionary, so that what a text costs hardly grows with the classifier: every name is
 * folded once, here; a text's words are folded once and looked up by their exact key (with a Russian ending cut
 * off); only when that does not settle it are near spellings sought, first among the names of districts and cities,
 * then among the places of the districts the text names — the whole country's places only for a text that names no
 * district — each among the names of the same first letter and a fitting length.
 */
public final class AddressMatcher {

    /** Longest case ending or adjective suffix that may follow a name (folded «-ского», «-инский»). */
    private static final int MAX_SUFFIX = 5;
    /** Most typos any name tolerates ({@link #cost}). */
    private static final int MAX_TYPOS = 2;

    public sealed interface Match {
    }

    /** The text names this unit: a locality, a rural-level unit, or a district or city if nothing below it. */
    public record Found(TerritorialUnit unit, String detail) implements Match {
    }

    public record NotFound(String detail) implements Match {
    }

    /**
     * A unit's name as a key, with the codes that may stand above the unit ({@link KatoCode#ancestors()}, computed
     * once), whether the unit narrows the places a text may mean (a district, city administration, city district or
     * the city of one), and the letters of the key ({@link #lettersOf}).
     */
    private record Name(String key, TerritorialUnit unit, List<String> above, boolean context, long letters) {
        Name(String key, TerritorialUnit unit, List<String> above, boolean context) {
            this(key, unit, above, context, lettersOf(key));
        }
    }

    /** A unit some words of the text spell, at a cost. */
    private record Hit(Name name, int cost, String phrase) {
        TerritorialUnit unit() {
            return name.unit;
        }
    }

    /** A hit with the units above it: the nearest unit that is not a locality is the body it stands for. */
    private record Placed(Hit hit, List<TerritorialUnit> lineage) {
        TerritorialUnit body() {
            for (TerritorialUnit unit : lineage) {
                if (unit.level != TerritorialLevel.SETTLEMENT) {
                    return unit;
                }
            }
            return hit.unit();
        }

        TerritorialUnit district() {
            for (TerritorialUnit unit : lineage) {
                if (unit.level == TerritorialLevel.DISTRICT) {
                    return unit;
                }
            }
            return null;
        }

        boolean isContext() {
            return hit.name.context;
        }

        boolean liesIn(Set<String> codes) {
            for (TerritorialUnit unit : lineage) {
                if (codes.contains(unit.katoCode)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Names of districts, city administrations, city districts and cities: what narrows the places. */
    private final Names contextNames = new Names();
    /** Names of the places under each district-level code (districts, city administrations, city districts). */
    private final Map<String, Names> placesWithin = new HashMap<>();
    /** Names of every place, for a text that names no district. */
    private final Names allPlaces = new Names();

    public AddressMatcher(Collection<TerritorialUnit> units) {
        Set<String> districtCodes = new HashSet<>();
        for (TerritorialUnit unit : units) {
            if (unit.level == TerritorialLevel.DISTRICT) {
                districtCodes.add(unit.katoCode);
            }
        }
        for (TerritorialUnit unit : units) {
            // a region's name says too little to place a problem; a city of republican significance's says enough
            if (unit.level == TerritorialLevel.REGION && unit.kind != UnitKind.CITY_OF_REPUBLICAN_SIGNIFICANCE) {
                continue;
            }
            List<String> above = List.copyOf(unit.code().ancestors());
            boolean context = unit.level == TerritorialLevel.DISTRICT || unit.kind == UnitKind.CITY;
            Set<String> keys = new LinkedHashSet<>(List.of(Spelling.nameKey(unit.nameKk), Spelling.nameKey(unit.nameRu)));
            for (String key : keys) {
                if (key.length() < 3) {
                    continue;
                }
                Name name = new Name(key, unit, above, context);
                if (context) {
                    contextNames.add(name);
                    continue;
                }
                allPlaces.add(name);
                for (String code : above) {
                    if (districtCodes.contains(code)) {
                        placesWithin.computeIfAbsent(code, c -> new Names()).add(name);
                    }
                }
            }
        }
        contextNames.build();
        allPlaces.build();
        placesWithin.values().forEach(Names::build);
    }

    public Match match(String address, LocalDate day, TerritoryIndex territory) {
        List<String> words = Spelling.placeWords(address);
        List<String> phrases = new ArrayList<>(2 * words.size());
        phrases.addAll(words);
        for (int i = 0; i + 1 < words.size(); i++) {
            phrases.add(Spelling.join(words.subList(i, i + 2)));
        }
        // first the usual spellings (exact, or with an ending), then, if they do not settle it, every near spelling
        Map<String, Hit> exact = new HashMap<>();
        collect(phrases, day, territory, exact, false);
        // a district or city spelt right does not settle it while a place in it may be spelt with a typo
        if (!exact.isEmpty() && resolve(exact.values(), address, day, territory) instanceof Found found
                && found.unit.level != TerritorialLevel.DISTRICT && found.unit.kind != UnitKind.CITY) {
            return found;
        }
        Map<String, Hit> near = new HashMap<>();
        collect(phrases, day, territory, near, true);
        if (near.isEmpty()) {
            return new NotFound("no settlement, rural district or district name found in the address «"
                    + shorten(address) + "»");
        }
        return resolve(near.values(), address, day, territory);
    }

    /**
     * The units the phrases spell: districts and cities first, then the places of the districts they name — places
     * elsewhere would not count ({@link #resolve}) —, or of the whole country when they name none.
     */
    private void collect(List<String> phrases, LocalDate day, TerritoryIndex territory, Map<String, Hit> hits,
                         boolean nearSpellings) {
        contextNames.collect(phrases, day, hits, nearSpellings);
        Set<String> districts = new HashSet<>();
        for (Hit hit : hits.values()) {
            territory.lineage(hit.unit(), day).map(lineage -> new Placed(hit, lineage).district())
                    .ifPresent(district -> districts.add(district.katoCode));
        }
        if (districts.isEmpty()) {
            allPlaces.collect(phrases, day, hits, nearSpellings);
        }
        for (String district : districts) {
            Names places = placesWithin.get(district);
            if (places != null) {
                places.collect(phrases, day, hits, nearSpellings);
            }
        }
    }

    private static void keepBest(Map<String, Hit> hits, Hit hit) {
        hits.merge(hit.unit().katoCode, hit, (a, b) -> a.cost <= b.cost ? a : b);
    }

    private static Match resolve(Collection<Hit> hits, String address, LocalDate day, TerritoryIndex territory) {
        List<Placed> placed = new ArrayList<>();
        // a district, city administration or city named in the text narrows the places to those inside it
        Set<String> contexts = new HashSet<>();
        for (Hit hit : hits) {
            if (hit.name.context) {
                territory.lineage(hit.unit(), day).ifPresent(lineage -> {
                    Placed context = new Placed(hit, lineage);
                    placed.add(context);
                    if (context.district() != null) {
                        contexts.add(context.district().katoCode);
                    }
                });
            }
        }
        for (Hit hit : hits) {
            // a homonym outside those districts is dropped before its lineage is read
            if (!hit.name.context && (contexts.isEmpty() || !Collections.disjoint(hit.name.above, contexts))) {
                territory.lineage(hit.unit(), day).ifPresent(lineage -> placed.add(new Placed(hit, lineage)));
            }
        }
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
                return new Found(context.hit.unit(), "the address names " + context.hit.unit().describe()
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
        TerritorialUnit unit = hit.unit();
        return new Found(unit, "the address «" + shorten(address) + "» matches "
                + (unit.level == TerritorialLevel.SETTLEMENT ? "settlement " + unit.katoCode + " ("
                + unit.nameKk + " / " + unit.nameRu + ")" : unit.describe())
                + (hit.cost == 0 ? "" : " allowing for spelling"));
    }

    /**
     * Cost of reading {@code phrase} as {@code name}: twice the edit distance, plus one when a short ending
     * follows the name; -1 when it is too far. Longer names tolerate more typos. One pass of the edit-distance table
     * gives both readings (its row at the name's length is the phrase's beginning against the name), and only the
     * band of cells within the allowance of the diagonal is computed: a cell outside it is more than allowed anyway.
     */
    static int cost(String phrase, String name) {
        int allowed = allowedTypos(name.length());
        int rows = phrase.length();
        int columns = name.length();
        int lengthGap = rows - columns;
        if (lengthGap < -allowed || lengthGap > allowed + MAX_SUFFIX) {
            return -1;
        }
        int tooFar = allowed + 1;
        int[] previous = new int[columns + 1];
        int[] current = new int[columns + 1];
        for (int j = 0; j <= columns; j++) {
            previous[j] = Math.min(j, tooFar);
        }
        int prefix = -1;
        for (int i = 1; i <= rows; i++) {
            int low = Math.max(1, i - allowed);
            int high = Math.min(columns, i + allowed);
            if (low > high) {
                break;
            }
            char c = phrase.charAt(i - 1);
            current[low - 1] = low == 1 ? Math.min(i, tooFar) : tooFar;
            int rowMin = tooFar;
            for (int j = low; j <= high; j++) {
                int substitution = previous[j - 1] + (c == name.charAt(j - 1) ? 0 : 1);
                int distance = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                current[j] = distance;
                rowMin = Math.min(rowMin, distance);
            }
            if (high < columns) {
                current[high + 1] = tooFar;
            }
            if (rowMin > allowed) {
                break;
            }
            if (i == columns && lengthGap > 0 && current[columns] <= allowed) {
                prefix = 2 * current[columns] + 1;
            }
            if (i == rows && lengthGap <= allowed && current[columns] <= allowed) {
                int whole = 2 * current[columns];
                return prefix >= 0 && prefix < whole ? prefix : whole;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return prefix;
    }

    /** Typos a name of this length tolerates: none in the shortest, at most {@link #MAX_TYPOS}. */
    private static int allowedTypos(int nameLength) {
        return nameLength <= 4 ? 0 : nameLength <= 7 ? 1 : MAX_TYPOS;
    }

    /** The set of letters of a key, one bit each (letters that share a bit only make the filter let more through). */
    private static long lettersOf(String key) {
        long letters = 0;
        for (int i = 0; i < key.length(); i++) {
            letters |= 1L << key.charAt(i);
        }
        return letters;
    }

    private static String shorten(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "…";
    }

    /**
     * Names of one scope: by exact key (with a Russian ending cut off the phrase), and for near spellings by first
     * letter (a typo in it is rare), each letter's names ordered by length, so that a phrase is read only against
     * names of a length it may spell.
     */
    private static final class Names {
        private final Map<String, List<Name>> byKey = new HashMap<>();
        private final Map<Character, List<Name>> added = new HashMap<>();
        private final Map<Character, Name[]> byInitial = new HashMap<>();

        void add(Name name) {
            byKey.computeIfAbsent(name.key, k -> new ArrayList<>(1)).add(name);
            added.computeIfAbsent(name.key.charAt(0), c -> new ArrayList<>()).add(name);
        }

        void build() {
            added.forEach((initial, names) -> {
                names.sort(Comparator.comparingInt(name -> name.key.length()));
                byInitial.put(initial, names.toArray(Name[]::new));
            });
            added.clear();
        }

        void collect(List<String> phrases, LocalDate day, Map<String, Hit> hits, boolean nearSpellings) {
            for (String phrase : phrases) {
                if (nearSpellings) {
                    near(phrase, day, hits);
                } else {
                    exact(phrase, day, hits);
                }
            }
        }

        private void exact(String phrase, LocalDate day, Map<String, Hit> hits) {
            for (int ending = 0; ending <= MAX_SUFFIX && phrase.length() - ending >= 3; ending++) {
                List<Name> names = byKey.get(ending == 0 ? phrase : phrase.substring(0, phrase.length() - ending));
                if (names == null) {
                    continue;
                }
                for (Name name : names) {
                    if (name.unit.isInForceOn(day)) {
                        keepBest(hits, new Hit(name, ending == 0 ? 0 : 1, phrase));
                    }
                }
            }
        }

        private void near(String phrase, LocalDate day, Map<String, Hit> hits) {
            Name[] names = phrase.length() < 3 ? null : byInitial.get(phrase.charAt(0));
            if (names == null) {
                return;
            }
            int longest = phrase.length() + MAX_TYPOS;
            long letters = lettersOf(phrase);
            for (int i = firstLonger(names, phrase.length() - MAX_TYPOS - MAX_SUFFIX);
                 i < names.length && names[i].key.length() <= longest; i++) {
                // each letter of the name the phrase lacks takes an edit: a name with too many is not read at all
                if (Long.bitCount(names[i].letters & ~letters) > allowedTypos(names[i].key.length())) {
                    continue;
                }
                int cost = cost(phrase, names[i].key);
                if (cost >= 0 && names[i].unit.isInForceOn(day)) {
                    keepBest(hits, new Hit(names[i], cost, phrase));
                }
            }
        }

        /** Index of the first name at least {@code length} long. */
        private static int firstLonger(Name[] names, int length) {
            int low = 0;
            int high = names.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (names[middle].key.length() < length) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }
}
