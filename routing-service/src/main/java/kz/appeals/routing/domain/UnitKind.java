package kz.appeals.routing.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a unit of the KATO classifier is, read from its code {@code AB CD EF HHH} and the type marker of its name, as
 * the statistics bureau writes them («Акбулакский с.о.», «с.о. Жибек жолы», «с.а.Азат», «Кокшетау Г.А.», «г.Акколь»,
 * «район Байдибека», «Ақкөл қаласы»). The code's shape alone misleads: a town of district significance has a
 * locality's code ({@code EF} 20–29, {@code HHH} 100) yet an akim of its own, and the city of a city administration has
 * a rural district's code ({@code EF} 10) yet no akim — the administration's akim governs it.
 * <p>
 * Each kind sits at the {@link TerritorialLevel} whose competence rules apply to it: every unit with an akim of its
 * own is a body at its level; a locality's appeals go to the nearest body above it.
 */
public enum UnitKind {

    REGION(TerritorialLevel.REGION, "region"),
    /** Astana, Almaty, Shymkent: a region of their own, divided into city districts. */
    CITY_OF_REPUBLICAN_SIGNIFICANCE(TerritorialLevel.REGION, "city of republican significance"),
    DISTRICT(TerritorialLevel.DISTRICT, "district"),
    /** «… Г.А.»: a city of regional significance with its akim, its own rural districts and villages. */
    CITY_ADMINISTRATION(TerritorialLevel.DISTRICT, "city administration"),
    CITY_DISTRICT(TerritorialLevel.DISTRICT, "city district"),
    /** «с.о.», ауылдық округі. */
    RURAL_DISTRICT(TerritorialLevel.RURAL_DISTRICT, "rural district"),
    /** «с.а.», ауылдық әкімшілігі: one village with its own akim. */
    VILLAGE_AKIMAT(TerritorialLevel.RURAL_DISTRICT, "village akimat"),
    /** «п.а.», кенттік әкімшілігі. */
    SETTLEMENT_AKIMAT(TerritorialLevel.RURAL_DISTRICT, "settlement akimat"),
    /** A town of district significance («г.» under a district), with its own akim. */
    TOWN(TerritorialLevel.RURAL_DISTRICT, "town of district significance"),
    /** «г.а.» below a district: a town's akimat with the localities it governs. */
    TOWN_ADMINISTRATION(TerritorialLevel.RURAL_DISTRICT, "town administration"),
    /** The city of a city administration itself («г.Кокшетау» under «Кокшетау Г.А.»), governed by its akim. */
    CITY(TerritorialLevel.SETTLEMENT, "city"),
    /** A village, settlement, station, siding, winter camp, farmstead or house («с.», «п.», «ст.», «рзд.», «отг.»…). */
    LOCALITY(TerritorialLevel.SETTLEMENT, "locality");

    /** The type markers of names, most specific first («г.а.» before «г.»), Russian and Kazakh. */
    private enum Marker {
        ADMINISTRATION("г\\.\\s*а\\.", "қ\\.\\s*ә\\.", "қалалық әкімдігі", "қалалық әкімшілігі",
                "городская администрация"),
        VILLAGE_AKIMAT("с\\.\\s*а\\.", "сельская администрация", "ауылдық әкімшілігі"),
        SETTLEMENT_AKIMAT("п\\.\\s*а\\.", "поселковая администрация", "кенттік әкімшілігі", "кенттік әкімдігі"),
        RURAL_DISTRICT("с\\.\\s*о\\.", "сельский округ", "ауылдық округі?", "а\\.\\s*о\\."),
        REGION("область", "облысы", "обл\\."),
        DISTRICT("район", "ауданы", "р-н"),
        CITY("г\\.", "город", "қаласы", "қ\\.");

        private final Pattern pattern;

        Marker(String... forms) {
            // a marker stands alone, or glued to the name after its dot («с.а.Азат»); never inside a word
            this.pattern = Pattern.compile("(?<![\\p{L}.])(?:" + String.join("|", forms) + ")(?:(?<=\\.)|(?!\\p{L}))");
        }

        static Marker of(String name) {
            if (name == null) {
                return null;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            for (Marker marker : values()) {
                if (marker.pattern.matcher(lower).find()) {
                    return marker;
                }
            }
            return null;
        }
    }

    private static final List<UnitKind> GOVERNING_CITIES =
            List.of(CITY_ADMINISTRATION, CITY_OF_REPUBLICAN_SIGNIFICANCE);

    private final TerritorialLevel level;
    private final String label;

    UnitKind(TerritorialLevel level, String label) {
        this.level = level;
        this.label = label;
    }

    /** The level whose competence rules apply: REGION, DISTRICT or RURAL_DISTRICT for a body, else SETTLEMENT. */
    public TerritorialLevel level() {
        return level;
    }

    public String label() {
        return label;
    }

    /** A unit of a classifier file: its code and names. */
    public record Named(String katoCode, String nameRu, String nameKk) {
    }

    /**
     * The kinds of the units {@code known} (e.g. in force) and of the units {@code named}, which override them: read
     * in code order, so that the unit above each one (a shorter code) is known first.
     */
    public static Map<String, UnitKind> of(Map<String, UnitKind> known, Collection<Named> named) {
        Map<String, UnitKind> kinds = new HashMap<>(known);
        named.stream().sorted(Comparator.comparing(Named::katoCode)).forEach(unit -> {
            KatoCode code = new KatoCode(unit.katoCode());
            UnitKind parent = code.ancestors().stream().map(kinds::get).filter(Objects::nonNull).findFirst()
                    .orElse(null);
            kinds.put(unit.katoCode(), of(code, unit.nameRu(), unit.nameKk(), parent));
        });
        return kinds;
    }

    /**
     * The kind of the unit with this code and names whose nearest unit above it is of kind {@code parent} (null when
     * none is known). The Russian name's marker counts, else the Kazakh one's; a name without marker is what its
     * code's shape says.
     */
    public static UnitKind of(KatoCode code, String nameRu, String nameKk, UnitKind parent) {
        Marker marker = Marker.of(nameRu);
        if (marker == null) {
            marker = Marker.of(nameKk);
        }
        return switch (code.level()) {
            case REGION -> marker == Marker.CITY ? CITY_OF_REPUBLICAN_SIGNIFICANCE : REGION;
            case DISTRICT -> marker == Marker.ADMINISTRATION || marker == Marker.CITY ? CITY_ADMINISTRATION
                    : parent == CITY_OF_REPUBLICAN_SIGNIFICANCE ? CITY_DISTRICT : DISTRICT;
            case RURAL_DISTRICT -> marker == null ? RURAL_DISTRICT : switch (marker) {
                case DISTRICT -> CITY_DISTRICT;
                case ADMINISTRATION -> TOWN_ADMINISTRATION;
                case VILLAGE_AKIMAT -> VILLAGE_AKIMAT;
                case SETTLEMENT_AKIMAT -> SETTLEMENT_AKIMAT;
                case CITY -> GOVERNING_CITIES.contains(parent) ? CITY : TOWN;
                default -> RURAL_DISTRICT;
            };
            // a town straight under a district or city administration has its own akim; under a town akimat, not
            case SETTLEMENT -> marker == Marker.CITY && parent != null && parent.level == TerritorialLevel.DISTRICT
                    ? TOWN : LOCALITY;
        };
    }
}
