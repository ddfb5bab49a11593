package kz.appeals.routing.domain;

import kz.appeals.contracts.AppealEvents.Location;
import kz.appeals.routing.service.TabularFile;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Precision and recall of routing by address text on a labelled set built from the real-structure fixture and the
 * SAMPLE territory: every locality and rural-level unit written the ways residents write them — Russian and Kazakh,
 * the type marker before or after the name or abbreviated, with region and district or without, the 2021 Latin
 * alphabet, an English-style transliteration, a typo, upper case, ё for е. The label is the body the place's own KATO
 * code routes to. Precision counts the routed ones (a wrong body is worse than triage), recall all of them.
 */
class AddressLabelledSetTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final Pattern RU_MARKER = Pattern.compile(
            "^(с\\.\\s*о\\.|с\\.\\s*а\\.|п\\.\\s*а\\.|с\\.|п\\.|ст\\.|рзд\\.|отг\\.|уч\\.|жил\\.дом|г\\.|село"
                    + "|поселок)\\s*"
                    + "|\\s+(с\\.\\s*о\\.|с\\.\\s*а\\.|п\\.\\s*а\\.|г\\.\\s*а\\.|сельский округ)$");
    private static final Pattern KK_MARKER = Pattern.compile(
            "\\s+(ауылы|кенті|қаласы|стансасы|разъезі|қыстауы|учаскесі|тұрғын үйі|ауылдық округі"
                    + "|ауылдық әкімшілігі|кенттік әкімшілігі|қалалық әкімшілігі)$");

    private record Sample(String address, String expectedBody) {
    }

    @Test
    void addressesRouteToTheRightBodyOrToTriageNeverToAWrongOne() {
        List<TerritorialUnit> units = new ArrayList<>();
        units.addAll(units("/reference/real-structure-kato.csv"));
        units.addAll(units("/reference/sample-kato.csv"));
        TerritoryIndex territory = new TerritoryIndex(units, List.of());
        RoutingPolicy policy = new RoutingPolicy(territory, TestTerritory.defaultRules());
        Map<String, TerritorialUnit> byCode = new HashMap<>();
        units.forEach(u -> byCode.put(u.katoCode, u));

        List<Sample> samples = new ArrayList<>();
        for (TerritorialUnit place : units) {
            if (place.level == TerritorialLevel.SETTLEMENT || place.level == TerritorialLevel.RURAL_DISTRICT) {
                String body = bodyOf(policy, place.katoCode);
                TerritorialUnit district = territory.lineage(place, DAY).orElseThrow().stream()
                        .filter(u -> u.level == TerritorialLevel.DISTRICT).findFirst().orElse(null);
                TerritorialUnit region = byCode.get(place.code().region());
                variants(place, district, region).forEach(address -> samples.add(new Sample(address, body)));
            }
        }
        decideAll(policy, samples);
        long started = System.nanoTime();
        List<RoutingDecision> decisions = decideAll(policy, samples);
        double perSecond = samples.size() / ((System.nanoTime() - started) / 1e9);
        int routed = 0;
        int right = 0;
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            RoutingDecision decision = decisions.get(i);
            if (decision instanceof RoutingDecision.Routed r) {
                routed++;
                if (r.body().code().equals(sample.expectedBody())) {
                    right++;
                } else {
                    wrong.add(sample.address() + " → " + r.body().code() + " instead of " + sample.expectedBody());
                }
            }
        }
        double precision = 100.0 * right / routed;
        double recall = 100.0 * right / samples.size();
        System.out.printf(Locale.ROOT, "address labelled set: %d strings, %d routed, %d right: precision %.2f %%,"
                + " recall %.2f %%; %.0f decisions/s from address text on one thread (second pass)%n",
                samples.size(), routed, right, precision, recall, perSecond);
        wrong.stream().limit(20).forEach(w -> System.out.println("  wrong: " + w));
        assertTrue(samples.size() >= 1000, "the set has " + samples.size() + " strings");
        assertTrue(precision >= 99.5, "precision " + precision + ": " + wrong.stream().limit(10).toList());
        assertTrue(recall >= 90.0, "recall " + recall);
    }

    private static List<RoutingDecision> decideAll(RoutingPolicy policy, List<Sample> samples) {
        return samples.stream().map(sample -> policy.decide(new Location(null, null, null, sample.address()), "roads",
                DAY, Set.of())).toList();
    }

    /** The ways a resident writes where the place is. */
    private static List<String> variants(TerritorialUnit place, TerritorialUnit district, TerritorialUnit region) {
        String ru = place.nameRu;
        String kk = place.nameKk;
        String bareRu = RU_MARKER.matcher(ru).replaceAll("").trim();
        String bareKk = KK_MARKER.matcher(kk).replaceAll("").trim();
        List<String> out = new ArrayList<>();
        String districtRu = district == null ? "" : district.nameRu + ", ";
        String districtKk = district == null ? "" : district.nameKk + ", ";
        String regionRu = region == null ? "" : region.nameRu + ", ";
        out.add(districtRu + ru);
        out.add(regionRu + districtRu + ru + ", ул. Абая 5");
        out.add(kk + ", " + districtKk + "Абай көшесі 12");
        out.add(districtRu.replace("район", "р-н").replace("область", "обл.") + "с. " + bareRu);
        out.add(districtRu + bareRu + " " + (place.level == TerritorialLevel.SETTLEMENT ? "" : "с.о."));
        out.add(latin2021(bareKk) + ", " + (district == null ? "" : latin2021(district.nameKk)));
        out.add(english(bareRu) + (district == null ? "" : ", " + english(district.nameRu)));
        out.add(districtRu + typo(bareRu));
        out.add((districtRu + ru).toUpperCase(Locale.ROOT));
        out.add(districtRu + ru.replace('е', 'ё'));
        return out;
    }

    private static String typo(String name) {
        return name.length() >= 8 ? name.substring(0, 4) + name.substring(5) : name;
    }

    private static String latin2021(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(switch (Character.toLowerCase(c)) {
                case 'а' -> "a"; case 'ә' -> "ä"; case 'б' -> "b"; case 'в' -> "v"; case 'г' -> "g"; case 'ғ' -> "ğ";
                case 'д' -> "d"; case 'е' -> "e"; case 'ж' -> "j"; case 'з' -> "z"; case 'и', 'й' -> "i";
                case 'к' -> "k"; case 'қ' -> "q"; case 'л' -> "l"; case 'м' -> "m"; case 'н' -> "n"; case 'ң' -> "ñ";
                case 'о' -> "o"; case 'ө' -> "ö"; case 'п' -> "p"; case 'р' -> "r"; case 'с' -> "s"; case 'т' -> "t";
                case 'у' -> "u"; case 'ұ' -> "ū"; case 'ү' -> "ü"; case 'ф' -> "f"; case 'х', 'һ' -> "h";
                case 'ш' -> "ş"; case 'ы' -> "y"; case 'і' -> "ı"; case 'ч' -> "ch"; case 'ц' -> "ts";
                case 'ь', 'ъ' -> ""; case 'ю' -> "iu"; case 'я' -> "ia"; case 'ё' -> "io"; case 'щ' -> "ş";
                case 'э' -> "e";
                default -> String.valueOf(c);
            });
        }
        return out.toString();
    }

    private static String english(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(switch (Character.toLowerCase(c)) {
                case 'а' -> "a"; case 'б' -> "b"; case 'в' -> "v"; case 'г' -> "g"; case 'д' -> "d"; case 'е' -> "e";
                case 'ё' -> "yo"; case 'ж' -> "zh"; case 'з' -> "z"; case 'и' -> "i"; case 'й' -> "y"; case 'к' -> "k";
                case 'л' -> "l"; case 'м' -> "m"; case 'н' -> "n"; case 'о' -> "o"; case 'п' -> "p"; case 'р' -> "r";
                case 'с' -> "s"; case 'т' -> "t"; case 'у' -> "u"; case 'ф' -> "f"; case 'х' -> "kh"; case 'ц' -> "ts";
                case 'ч' -> "ch"; case 'ш' -> "sh"; case 'щ' -> "shch"; case 'ы' -> "y"; case 'э' -> "e";
                case 'ю' -> "yu"; case 'я' -> "ya"; case 'ь', 'ъ' -> "";
                default -> String.valueOf(c);
            });
        }
        return out.toString();
    }

    private static String bodyOf(RoutingPolicy policy, String kato) {
        RoutingDecision decision = policy.decide(new Location(kato, null, null, null), "roads", DAY, Set.of());
        return ((RoutingDecision.Routed) decision).body().code();
    }

    /** The classifier file read as the import reads it: the kinds from the codes and names, in force from 2025. */
    private static List<TerritorialUnit> units(String resource) {
        TabularFile file = TabularFile.csv(new InputStreamReader(
                AddressLabelledSetTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8));
        Map<String, UnitKind> kinds = UnitKind.of(Map.of(), file.rows().stream()
                .map(row -> new UnitKind.Named(row.get("te"), row.get("name_rus"), row.get("name_kaz"))).toList());
        Map<String, TerritorialUnit> units = new LinkedHashMap<>();
        for (TabularFile.Line row : file.rows()) {
            TerritorialUnit unit = new TerritorialUnit();
            unit.katoCode = row.get("te");
            unit.kind = kinds.get(unit.katoCode);
            unit.level = unit.kind.level();
            unit.nameKk = row.get("name_kaz");
            unit.nameRu = row.get("name_rus");
            unit.validFrom = LocalDate.of(2025, 1, 1);
            units.put(unit.katoCode, unit);
        }
        return List.copyOf(units.values());
    }
}
