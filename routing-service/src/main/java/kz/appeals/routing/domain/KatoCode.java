package kz.appeals.routing.domain;

/**
 * A 9-digit KATO code {@code AB CD EF HHH}: region, district (or city of regional significance), rural district
 * (or town), settlement. Zeros in the trailing parts mean the code names the higher unit itself.
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

    public String ruralDistrict() {
        return value.substring(0, 6) + "000";
    }
}
