package kz.appeals.intake.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Individual identification number: 12 digits YYMMDD C NNNN K, where C (7th digit) gives the century and sex
 * (1/2: 1800s, 3/4: 1900s, 5/6: 2000s) and K is a mod-11 check digit computed with the weights 1..11, or, when that
 * gives 10, with the weights 3..11,1,2; a second 10 means the number cannot be issued.
 */
public final class Iin {

    private static final int[] FIRST_WEIGHTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    public enum Problem { FORMAT, BIRTH_DATE, CENTURY, CHECK_DIGIT }

    /** @return the reason the IIN is invalid, or empty if it is valid */
    public static Optional<Problem> check(String iin) {
        if (iin == null || !iin.matches("\\d{12}")) {
            return Optional.of(Problem.FORMAT);
        }
        int centuryDigit = iin.charAt(6) - '0';
        if (centuryDigit < 1 || centuryDigit > 6) {
            return Optional.of(Problem.CENTURY);
        }
        if (birthDate(iin, centuryDigit).isEmpty()) {
            return Optional.of(Problem.BIRTH_DATE);
        }
        int expected = checkDigit(iin);
        if (expected == 10 || expected != iin.charAt(11) - '0') {
            return Optional.of(Problem.CHECK_DIGIT);
        }
        return Optional.empty();
    }

    /** The check digit for the first 11 digits, or 10 if no valid IIN starts with them. */
    public static int checkDigit(String iin) {
        int first = weightedSum(iin, FIRST_WEIGHTS) % 11;
        if (first != 10) {
            return first;
        }
        return weightedSum(iin, SECOND_WEIGHTS) % 11;
    }

    private static int weightedSum(String iin, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (iin.charAt(i) - '0') * weights[i];
        }
        return sum;
    }

    private static Optional<LocalDate> birthDate(String iin, int centuryDigit) {
        int century = 1800 + ((centuryDigit - 1) / 2) * 100;
        try {
            return Optional.of(LocalDate.of(century + Integer.parseInt(iin.substring(0, 2)),
                    Integer.parseInt(iin.substring(2, 4)), Integer.parseInt(iin.substring(4, 6))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private Iin() {
    }
}
