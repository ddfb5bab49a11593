package kz.appeals.contracts;

import kz.appeals.contracts.AppealEvents.BodyLevel;

import java.util.regex.Pattern;

/**
 * The one form of a body's code on every topic, whichever service publishes it, so that an agency can join events by
 * body. A code names the body's kind, its department where it has one, and its territory's KATO code:
 * <ul>
 *   <li>{@code rural-akim:<kato>} — a rural district akim's office;</li>
 *   <li>{@code district:<department>:<kato>}, {@code region:<department>:<kato>} — the akimat itself (department
 *   {@code akimat}) or one of its departments, of a district or region;</li>
 *   <li>{@code utility:<department>:<kato>} — the utility serving a region;</li>
 *   <li>{@code agency:<department>} — a national agency;</li>
 *   <li>{@code presidential-administration}.</li>
 * </ul>
 * {@code common.schema.json#/$defs/BodyCode} carries the same {@link #PATTERN}.
 */
public final class BodyCode {

    /** A department code as routing's competence rules name it. */
    public static final String DEPARTMENT = "[a-z0-9-]{1,32}";
    public static final String PATTERN = "^(rural-akim:[0-9]{9}|(district|region|utility):" + DEPARTMENT
            + ":[0-9]{9}|agency:" + DEPARTMENT + "|presidential-administration)$";
    /** The department code of an akimat itself, as opposed to one of its departments. */
    public static final String AKIMAT = "akimat";
    public static final String PRESIDENTIAL_ADMINISTRATION = "presidential-administration";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private BodyCode() {
    }

    public static boolean isValid(String code) {
        return code != null && COMPILED.matcher(code).matches();
    }

    /** @throws IllegalArgumentException if {@code code} is not in the one form */
    public static String require(String code) {
        if (!isValid(code)) {
            throw new IllegalArgumentException("Not a body code (" + PATTERN + "): " + code);
        }
        return code;
    }

    public static String ruralAkim(String kato) {
        return require("rural-akim:" + kato);
    }

    /** The akimat of a district or region ({@code level} DISTRICT_AKIMAT or REGION_AKIMAT) with that KATO code. */
    public static String akimat(BodyLevel level, String kato) {
        return territorial(level, AKIMAT, kato);
    }

    /** A body of {@code level} (district, region or utility) for {@code department} in the territory {@code kato}. */
    public static String territorial(BodyLevel level, String department, String kato) {
        String kind = switch (level) {
            case DISTRICT_AKIMAT -> "district";
            case REGION_AKIMAT -> "region";
            case UTILITY -> "utility";
            default -> throw new IllegalArgumentException(level + " is not a territorial department's level");
        };
        return require(kind + ":" + department + ":" + kato);
    }

    public static String agency(String department) {
        return require("agency:" + department);
    }
}
