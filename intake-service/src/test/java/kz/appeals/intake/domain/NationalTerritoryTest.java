package kz.appeals.intake.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Places on both sides of the border, the near ones especially: what the coordinates' box alone let through. */
class NationalTerritoryTest {

    @Test
    void citiesAndBorderTownsOfKazakhstanAreIn() {
        assertTrue(NationalTerritory.contains(51.13, 71.43), "Astana");
        assertTrue(NationalTerritory.contains(43.25, 76.95), "Almaty");
        assertTrue(NationalTerritory.contains(41.45, 69.17), "Saryagash, 1.4 km from the Uzbek border");
        assertTrue(NationalTerritory.contains(43.65, 51.16), "Aktau, on the Caspian shore");
        assertTrue(NationalTerritory.contains(54.87, 69.14), "Petropavl");
        assertTrue(NationalTerritory.contains(45.62, 63.31), "Baikonur");
    }

    @Test
    void neighboursInsideTheBoxAreOut() {
        assertFalse(NationalTerritory.contains(41.2995, 69.2401), "Tashkent");
        assertFalse(NationalTerritory.contains(42.87, 74.59), "Bishkek");
        assertFalse(NationalTerritory.contains(54.99, 73.37), "Omsk");
        assertFalse(NationalTerritory.contains(51.77, 55.10), "Orenburg");
        assertFalse(NationalTerritory.contains(43.80, 87.60), "Urumqi");
    }
}
