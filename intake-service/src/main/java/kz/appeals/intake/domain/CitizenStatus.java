package kz.appeals.intake.domain;

/**
 * Where an appeal stands, in the words a citizen understands. Derived from the lifecycle events; an appeal is
 * {@link #isClosed() closed} once answered (until reopened).
 */
public enum CitizenStatus {
    REGISTERED, UNDER_REVIEW, ROUTED, IN_PROGRESS, EXTENDED, REDIRECTED, ESCALATED, ANSWERED, RATED, REOPENED,
    /** No public body handles the matter: the citizen is told so, and told why, instead of waiting. */
    OUTSIDE_COMPETENCE;

    public boolean isClosed() {
        return this == ANSWERED || this == RATED || this == OUTSIDE_COMPETENCE;
    }
}
