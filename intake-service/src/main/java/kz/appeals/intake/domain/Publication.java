package kz.appeals.intake.domain;

/**
 * Whether an appeal appears in the public Open311 feed. The applicant chooses {@link #PUBLIC} or {@link #PRIVATE}
 * (the default) when filing; only an operator moderating the feed sets {@link #HIDDEN}. Whatever is public is the
 * redacted copy of the text, never the citizen's own words.
 */
public enum Publication {
    PRIVATE, PUBLIC, HIDDEN;

    /** What an applicant may choose when filing. */
    public boolean isApplicantChoice() {
        return this != HIDDEN;
    }
}
