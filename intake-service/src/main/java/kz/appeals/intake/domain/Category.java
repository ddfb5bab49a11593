package kz.appeals.intake.domain;

import kz.appeals.intake.domain.CategoryAttribute.Value;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static kz.appeals.intake.domain.CategoryAttribute.YES_NO;
import static kz.appeals.intake.domain.CategoryAttribute.choice;
import static kz.appeals.intake.domain.CategoryAttribute.number;
import static kz.appeals.intake.domain.CategoryAttribute.text;

/** The catalogue of what citizens write about, with the names front ends show in each language. */
public enum Category {
    ROADS("roads", "Жолдар", "Дороги", "Roads",
            choice("defect", true, "Ақау түрі", "Вид дефекта", "Kind of defect",
                    new Value("pothole", "Шұңқыр", "Яма", "Pothole"),
                    new Value("broken-edge", "Жиегі бұзылған", "Разрушенная кромка", "Broken edge"),
                    new Value("flooding", "Су басқан", "Подтопление", "Flooding"),
                    new Value("no-road", "Жол жоқ", "Нет дороги", "No road"),
                    new Value("other", "Басқа", "Другое", "Other"))),
    YARDS("yards", "Аулалар", "Дворы", "Yards",
            text("address-of-yard", false, "Аула мекенжайы", "Адрес двора", "Address of the yard")),
    PLAYGROUNDS("playgrounds", "Балалар алаңдары", "Детские площадки", "Playgrounds",
            choice("danger-to-children", true, "Балаларға қауіп бар ма", "Есть опасность для детей",
                    "Danger to children", YES_NO.toArray(Value[]::new))),
    LIGHTING("lighting", "Көше жарығы", "Уличное освещение", "Street lighting",
            text("pole-number", false, "Тірек нөмірі", "Номер опоры", "Pole number"),
            number("lamps-out", "Жанбайтын шамдар саны", "Сколько фонарей не горит", "Lamps out")),
    WATER("water", "Сумен жабдықтау", "Водоснабжение", "Water supply",
            choice("supply-interrupted", true, "Су берілмей тұр ма", "Подача прекращена", "Supply interrupted",
                    YES_NO.toArray(Value[]::new))),
    HEATING("heating", "Жылумен жабдықтау", "Теплоснабжение", "Heating",
            choice("supply-interrupted", true, "Жылу берілмей тұр ма", "Подача прекращена", "Supply interrupted",
                    YES_NO.toArray(Value[]::new)),
            number("indoor-temperature", "Бөлмедегі температура, °C", "Температура в помещении, °C",
                    "Indoor temperature, °C")),
    WASTE("waste", "Қоқыс шығару", "Вывоз мусора", "Waste collection",
            text("container-site", false, "Контейнер алаңы", "Контейнерная площадка", "Container site")),
    TRANSPORT("transport", "Қоғамдық көлік", "Общественный транспорт", "Public transport",
            text("route-number", false, "Бағыт нөмірі", "Номер маршрута", "Route number")),
    SOCIAL_SUPPORT("social-support", "Әлеуметтік көмек", "Социальная помощь", "Social support"),
    LAND("land", "Жер қатынастары", "Земельные отношения", "Land",
            text("cadastral-number", false, "Кадастрлық нөмір", "Кадастровый номер", "Cadastral number")),
    /** Reports of a crime or a threat to public security: the only appeals considered even when anonymous. */
    PUBLIC_SAFETY("public-safety", "Қоғамдық қауіпсіздік", "Общественная безопасность", "Public safety",
            choice("immediate-danger", true, "Қауіп қазір бар ма", "Опасность прямо сейчас", "Danger right now",
                    YES_NO.toArray(Value[]::new))),
    OTHER("other", "Басқа", "Другое", "Other");

    private final String code;
    private final String nameKk;
    private final String nameRu;
    private final String nameEn;
    private final List<CategoryAttribute> attributes;

    Category(String code, String nameKk, String nameRu, String nameEn, CategoryAttribute... attributes) {
        this.code = code;
        this.nameKk = nameKk;
        this.nameRu = nameRu;
        this.nameEn = nameEn;
        this.attributes = List.of(attributes);
    }

    public String code() {
        return code;
    }

    public String nameKk() {
        return nameKk;
    }

    public String nameRu() {
        return nameRu;
    }

    public String nameEn() {
        return nameEn;
    }

    /** What a front end must (required) or may ask for an appeal of this category. */
    public List<CategoryAttribute> attributes() {
        return attributes;
    }

    /** Every attribute that is missing, unknown or of the wrong form, keyed by attribute code, with why. */
    public Map<String, String> rejectedAttributes(Map<String, String> given) {
        Map<String, String> rejected = new TreeMap<>();
        given.keySet().stream().filter(code -> attributes.stream().noneMatch(a -> a.code().equals(code)))
                .forEach(code -> rejected.put(code, "unknown"));
        attributes.forEach(attribute -> attribute.rejects(given.get(attribute.code()))
                .ifPresent(reason -> rejected.put(attribute.code(), reason)));
        return rejected;
    }

    /**
     * Whether an anonymous report in this category is taken as a signal rather than refused: the law considers no
     * anonymous appeal except a report of a crime being prepared or committed or of a threat to state or public
     * security, which is passed on at once (DOMAIN.md §2, egov.kz).
     */
    public boolean takesAnonymousSignals() {
        return this == PUBLIC_SAFETY;
    }

    /** Whether appeals of this category may appear in public feeds: not those about a person's own situation. */
    public boolean listedPublicly() {
        return this != SOCIAL_SUPPORT && this != PUBLIC_SAFETY;
    }

    public static List<String> publiclyListedCodes() {
        return Arrays.stream(values()).filter(Category::listedPublicly).map(Category::code).toList();
    }

    public static Optional<Category> byCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
