package kz.appeals.routing.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A 9-digit KATO code {@code AB CD EF HHH}: region, district (or city of regional significance), rural district
 * (or town), settlement. Zeros in the trailing parts mean the code names the higher unit itself. The shape of the code
 * is only a first guess at what the unit is: {@link UnitKind} reads the name's marker too.
 */
public record KatoCode(String value) {

    public KatoCode {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("KATO code must be 9 digits: " + value);
        }
    }

    /** Nine ASCII digits; checked by hand because every lineage of every routing decision builds codes. */
    public static boolean isWellFormed(String value) {
        if (value == null || value.length() != 9) {
            return false;
        }
        for (int i = 0; i < 9; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
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
        List<String> above = new ArrayList<>(4);
        String settlement = value.substring(6);
        if (!settlement.endsWith("00")) {
            addAbove(above, value.substring(0, 7) + "00");
        }
        addAbove(above, value.substring(0, 6) + "000");
        addAbove(above, district());
        addAbove(above, region());
        return above;
    }

    /** Zeros name the higher unit itself, so a code may come up twice (991021003 → 991021000) or be this one. */
    private void addAbove(List<String> above, String code) {
        if (!code.equals(value) && !above.contains(code)) {
            above.add(code);
        }
    }
}
