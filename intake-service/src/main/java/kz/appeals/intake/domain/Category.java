package kz.appeals.intake.domain;

import java.util.Arrays;
import java.util.Optional;

/** The catalogue of what citizens write about, with the names front ends show in each language. */
public enum Category {
    ROADS("roads", "Жолдар", "Дороги", "Roads"),
    YARDS("yards", "Аулалар", "Дворы", "Yards"),
    PLAYGROUNDS("playgrounds", "Балалар алаңдары", "Детские площадки", "Playgrounds"),
    LIGHTING("lighting", "Көше жарығы", "Уличное освещение", "Street lighting"),
    WATER("water", "Сумен жабдықтау", "Водоснабжение", "Water supply"),
    HEATING("heating", "Жылумен жабдықтау", "Теплоснабжение", "Heating"),
    WASTE("waste", "Қоқыс шығару", "Вывоз мусора", "Waste collection"),
    TRANSPORT("transport", "Қоғамдық көлік", "Общественный транспорт", "Public transport"),
    SOCIAL_SUPPORT("social-support", "Әлеуметтік көмек", "Социальная помощь", "Social support"),
    LAND("land", "Жер қатынастары", "Земельные отношения", "Land"),
    /** Reports of a crime or a threat to public security: the only appeals considered even when anonymous. */
    PUBLIC_SAFETY("public-safety", "Қоғамдық қауіпсіздік", "Общественная безопасность", "Public safety"),
    OTHER("other", "Басқа", "Другое", "Other");

    private final String code;
    private final String nameKk;
    private final String nameRu;
    private final String nameEn;

    Category(String code, String nameKk, String nameRu, String nameEn) {
        this.code = code;
        this.nameKk = nameKk;
        this.nameRu = nameRu;
        this.nameEn = nameEn;
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

    /**
     * Whether an anonymous report in this category is taken as a signal rather than refused: the law considers no
     * anonymous appeal except a report of a crime being prepared or committed or of a threat to state or public
     * security, which is passed on at once (DOMAIN.md §2, egov.kz).
     */
    public boolean takesAnonymousSignals() {
        return this == PUBLIC_SAFETY;
    }

    public static Optional<Category> byCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
