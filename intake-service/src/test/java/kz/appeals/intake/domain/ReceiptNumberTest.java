package kz.appeals.intake.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceiptNumberTest {

    @Test
    void formatsYearSequenceAndCheckCharacter() {
        String receipt = ReceiptNumber.of(2026, 1234);
        assertTrue(receipt.matches("KZ26-0001234-[0-9A-Z]"), receipt);
        assertTrue(ReceiptNumber.isValid(receipt));
    }

    @Test
    void catchesEverySingleDigitTypoAndNeighbourSwap() {
        for (long sequence = 1; sequence < 2_000; sequence += 37) {
            String receipt = ReceiptNumber.of(2026, sequence);
            char[] chars = receipt.toCharArray();
            for (int i = 5; i < 12; i++) {
                for (char d = '0'; d <= '9'; d++) {
                    if (d != chars[i]) {
                        char[] typo = chars.clone();
                        typo[i] = d;
                        assertFalse(ReceiptNumber.isValid(new String(typo)), new String(typo));
                    }
                }
                if (i < 11 && chars[i] != chars[i + 1]) {
                    char[] swap = chars.clone();
                    swap[i] = chars[i + 1];
                    swap[i + 1] = chars[i];
                    assertFalse(ReceiptNumber.isValid(new String(swap)), new String(swap));
                }
            }
        }
    }

    @Test
    void keepsGrowingPastSevenDigits() {
        String receipt = ReceiptNumber.of(2027, 12_345_678);
        assertEquals("KZ27-12345678-", receipt.substring(0, 14));
        assertTrue(ReceiptNumber.isValid(receipt));
    }
}
