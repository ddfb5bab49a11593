package kz.appeals.routing.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpellingTest {

    @Test
    void kazakhRussianAndLatinSpellingsFoldToOneKey() {
        for (String spelling : new String[]{"Ақбұлақ", "Акбулак", "Aqbulaq", "Akbulak", "AKBULAK"}) {
            assertEquals("akbulak", Spelling.nameKey(spelling), spelling);
        }
        for (String spelling : new String[]{"Қызылжар", "Кызылжар", "Kyzylzhar", "Qyzyljar"}) {
            assertEquals("kiziljar", Spelling.nameKey(spelling), spelling);
        }
        assertEquals(Spelling.nameKey("Теректі ауылы"), Spelling.nameKey("село Теректы"));
        assertEquals(Spelling.nameKey("Жаңа Арқа"), Spelling.nameKey("Жанаарка"));
    }

    @Test
    void placeKindWordsAreNotNames() {
        assertEquals("akbulak", Spelling.nameKey("Ақбұлақ ауылдық округі"));
        assertEquals("akbulak", Spelling.nameKey("село Акбулак"));
        assertTrue(Spelling.placeWords("ул. Абая, д. 5").contains("abaia"));
    }

    @Test
    void typosAndRussianEndingsCostLittleAndOtherNamesAreTooFar() {
        assertEquals(0, AddressMatcher.cost("akbulak", "akbulak"));
        assertEquals(1, AddressMatcher.cost("akbulake", "akbulak"), "a case ending");
        assertEquals(2, AddressMatcher.cost("akbulk", "akbulak"), "one letter missing");
        assertEquals(-1, AddressMatcher.cost("karasu", "akbulak"));
        assertEquals(-1, AddressMatcher.cost("aksai", "aksu"), "short names tolerate no typo");
    }
}
