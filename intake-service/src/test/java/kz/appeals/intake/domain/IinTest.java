package kz.appeals.intake.domain;

import kz.appeals.testing.SampleCitizens;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IinTest {

    @RepeatedTest(50)
    void acceptsGeneratedIins() {
        String iin = SampleCitizens.randomIin();
        assertTrue(Iin.check(iin).isEmpty(), iin);
    }

    @Test
    void rejectsAWrongCheckDigit() {
        String iin = SampleCitizens.randomIin();
        char wrong = (char) ('0' + (iin.charAt(11) - '0' + 1) % 10);
        assertEquals(Iin.Problem.CHECK_DIGIT, Iin.check(iin.substring(0, 11) + wrong).orElseThrow());
    }

    @Test
    void usesTheSecondWeightsWhenTheFirstGiveTen() {
        // 9001013000 1: weights 1..11 give 51, 51 mod 11 = 7
        assertTrue(Iin.check("900101300017").isEmpty());
        // 9001013008 1: weights 1..11 give 10 mod 11; weights 3..11,1,2 give 1
        assertEquals(1, Iin.checkDigit("90010130081"));
        assertTrue(Iin.check("900101300811").isEmpty());
    }

    @Test
    void rejectsImpossibleDatesCenturiesAndFormats() {
        assertEquals(Iin.Problem.BIRTH_DATE, Iin.check("901301300017").orElseThrow());
        assertEquals(Iin.Problem.CENTURY, Iin.check("900101700017").orElseThrow());
        assertEquals(Iin.Problem.FORMAT, Iin.check("90010130001").orElseThrow());
        assertEquals(Iin.Problem.FORMAT, Iin.check("9001013000AB").orElseThrow());
    }
}
