package kz.appeals.response.domain;

/** Where an appeal stands in the office of the body that must answer it. */
public enum AppealStatus {
    /** In the body's inbox, nobody has taken it up yet. */
    ROUTED,
    /** The office acknowledged it and is working on the answer. */
    IN_WORK,
    /** Answered: the end of this cycle for the office. */
    ANSWERED,
    /** The office said "not our competence"; routing has to choose another body (APPK Art. 76). */
    REDIRECT_REQUESTED
}
