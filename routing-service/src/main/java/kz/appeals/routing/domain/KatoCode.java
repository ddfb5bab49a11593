package kz.appeals.routing.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A 9-digit KATO code {@code AB CD EF HHH}: region, district (or city of regional significance), rural district
 * (or town), settlement. Zeros in the trailing parts mean the code names the higher unit itself. The shape of the code
 * is only a first guess at what the unit is: {@link UnitKind} reads the name's marker too.
 */
public record KatoCode(String value) {

    public KatoCode {
        if (value == null || !value.matches("\\d{9}")) {
            throw new IllegalArgumentException("KATO code must be 9 digits: " + value);
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && value.matches("\\d{9}");
    }

    public TerritorialLevel level() {
        if (value.substring(2).equals("0000000")) {
            return TerritorialLevel.REGION;
        }
        if (value.substring(4).equals("00000")) {
            return TerritorialLevel.DISTRICT;
        }
        if (value.substring(6).equals("000")) {
            return TerritorialLevel.RURAL_DISTRICT;
        }
        return TerritorialLevel.SETTLEMENT;
    }

    public String region() {
        return value.substring(0, 2) + "0000000";
    }

    public String district() {
        return value.substring(0, 4) + "00000";
    }

    /**
     * The codes that may stand above this one, nearest first: the locality of a fifth-level code ({@code HHH} not
     * ending in 00), the rural district or town ({@code EF}), the district or city administration ({@code CD}), the
     * region. Which of them exist is the classifier's to say: a town of district significance has no rural district
     * above it, a village of a city administration may have none either.
     */
    public List<String> ancestors() {
        Set<String> above = new LinkedHashSet<>(4);
        String settlement = value.substring(6);
        if (!settlement.endsWith("00")) {
            above.add(value.substring(0, 7) + "00");
        }
        if (!settlement.equals("000")) {
            above.add(value.substring(0, 6) + "000");
        }
        above.add(district());
        above.add(region());
        above.remove(value);
        return List.copyOf(above);
    }
}
