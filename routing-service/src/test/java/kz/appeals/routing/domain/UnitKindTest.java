package kz.appeals.routing.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The kind of a unit from its code's shape and its name's marker, written as the statistics bureau writes them. */
class UnitKindTest {

    private static final KatoCode REGION = new KatoCode("110000000");
    private static final KatoCode DISTRICT = new KatoCode("111000000");
    private static final KatoCode RURAL = new KatoCode("113433000");
    private static final KatoCode LOCALITY = new KatoCode("113420100");

    @Test
    void theMarkerCountsBeforeOrAfterTheNameGluedOrNot() {
        assertEquals(UnitKind.RURAL_DISTRICT, kind(RURAL, "Акбулакский с.о.", null, UnitKind.DISTRICT));
        assertEquals(UnitKind.RURAL_DISTRICT, kind(RURAL, "с.о. Жибек жолы", null, UnitKind.DISTRICT));
        assertEquals(UnitKind.VILLAGE_AKIMAT, kind(RURAL, "с.а.Азат", null, UnitKind.DISTRICT));
        assertEquals(UnitKind.SETTLEMENT_AKIMAT, kind(RURAL, "Аршалынский п.а.", null, UnitKind.DISTRICT));
        assertEquals(UnitKind.TOWN_ADMINISTRATION, kind(RURAL, "Степняк г.а.", null, UnitKind.DISTRICT));
        assertEquals(UnitKind.DISTRICT, kind(DISTRICT, "район Биржан сал", null, UnitKind.REGION));
        assertEquals(UnitKind.DISTRICT, kind(DISTRICT, "Аршалынский район", null, UnitKind.REGION));
    }

    @Test
    void theKazakhNameSaysItWhenTheRussianOneDoesNot() {
        assertEquals(UnitKind.VILLAGE_AKIMAT, kind(RURAL, "Азат", "Азат ауылдық әкімшілігі", UnitKind.DISTRICT));
        assertEquals(UnitKind.RURAL_DISTRICT, kind(RURAL, "Жибек жолы", "Жібек жолы ауылдық округі", UnitKind.DISTRICT));
        assertEquals(UnitKind.CITY_ADMINISTRATION, kind(DISTRICT, "Кокшетау", "Көкшетау Қ.Ә.", UnitKind.REGION));
    }

    @Test
    void aLocalitysMarkerIsNotAnAkimatsOne() {
        assertEquals(UnitKind.LOCALITY, kind(LOCALITY, "с.Азат", "Азат ауылы", UnitKind.VILLAGE_AKIMAT));
        assertEquals(UnitKind.LOCALITY, kind(LOCALITY, "п.Аршалы", "Аршалы кенті", UnitKind.SETTLEMENT_AKIMAT));
        assertEquals(UnitKind.LOCALITY, kind(LOCALITY, "рзд.Шерубай", null, UnitKind.RURAL_DISTRICT));
        assertEquals(UnitKind.LOCALITY, kind(LOCALITY, "Гарское", null, UnitKind.RURAL_DISTRICT));
    }

    @Test
    void aCityOrTownIsABodyOnlyWhereNoAkimGovernsItFromAbove() {
        assertEquals(UnitKind.CITY_OF_REPUBLICAN_SIGNIFICANCE, kind(REGION, "г.Астана", "Астана қаласы", null));
        assertEquals(UnitKind.REGION, kind(REGION, "Акмолинская область", "Ақмола облысы", null));
        assertEquals(UnitKind.CITY_ADMINISTRATION, kind(DISTRICT, "Кокшетау Г.А.", null, UnitKind.REGION));
        assertEquals(UnitKind.CITY, kind(RURAL, "г.Кокшетау", null, UnitKind.CITY_ADMINISTRATION));
        assertEquals(UnitKind.TOWN, kind(RURAL, "г.Степняк", null, UnitKind.DISTRICT));
        assertEquals(UnitKind.TOWN, kind(LOCALITY, "г.Акколь", "Ақкөл қаласы", UnitKind.DISTRICT));
        assertEquals(UnitKind.LOCALITY, kind(LOCALITY, "г.Акколь", null, UnitKind.TOWN_ADMINISTRATION));
        assertEquals(UnitKind.CITY_DISTRICT, kind(DISTRICT, "Алматинский район", null,
                UnitKind.CITY_OF_REPUBLICAN_SIGNIFICANCE));
        assertEquals(UnitKind.CITY_DISTRICT, kind(RURAL, "район Алматы", null, UnitKind.CITY_ADMINISTRATION));
    }

    @Test
    void aNameWithoutMarkerIsWhatItsCodeSays() {
        assertEquals(UnitKind.RURAL_DISTRICT, kind(RURAL, "Акбулак", "Ақбұлақ", UnitKind.DISTRICT));
        assertEquals(UnitKind.LOCALITY, kind(LOCALITY, "Акбулак", "Ақбұлақ", null));
    }

    private static UnitKind kind(KatoCode code, String nameRu, String nameKk, UnitKind parent) {
        return UnitKind.of(code, nameRu, nameKk, parent);
    }
}
