package kz.appeals.intake.domain;

/**
 * Where an appeal stands, in the words a citizen understands. Derived from the lifecycle events; an appeal is
 * {@link #isClosed() closed} once answered (until reopened).
 */
public enum CitizenStatus {
    REGISTERED, UNDER_REVIEW, ROUTED, IN_PROGRESS, EXTENDED, REDIRECTED, ESCALATED, ANSWERED, RATED, REOPENED;

    public boolean isClosed() {
        return this == ANSWERED || this == RATED;
    }
}
