package kz.appeals.platform.security;

/** The roles of the security model (ARCHITECTURE.md), as they appear in the token's {@code groups} claim. */
public final class Roles {
    public static final String FRONTEND = "frontend";
    public static final String AKIM_OFFICE = "akim-office";
    public static final String DISTRICT_AKIMAT = "district-akimat";
    public static final String REGION_AKIMAT = "region-akimat";
    public static final String PRESIDENTIAL_ADMINISTRATION = "presidential-administration";
    public static final String ANALYST = "analyst";
    public static final String OPERATOR = "operator";
    public static final String ADMIN = "admin";
    /** Reads the audit trails, including who read which applicant's personal data; changes nothing. */
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
