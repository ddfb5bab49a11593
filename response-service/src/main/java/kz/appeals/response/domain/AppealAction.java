package kz.appeals.response.domain;

/** What can be done to an appeal, and which party may do it; {@link AppealLifecycle} says in which status. */
public enum AppealAction {
    ACKNOWLEDGE(Party.OFFICE),
    /** APPK Art. 76: only the head of the body (or a deputy) extends the term. */
    EXTEND(Party.HEAD_OF_BODY),
    ANSWER(Party.OFFICE),
    REDIRECT(Party.OFFICE),
    RATE(Party.APPLICANT),
    REOPEN(Party.APPLICANT),
    /** The higher body an appeal was escalated to takes it over from the office (APPK Art. 91). */
    TAKE_OVER(Party.HIGHER_BODY);

    public enum Party {OFFICE, HEAD_OF_BODY, APPLICANT, HIGHER_BODY}

    private final Party party;

    AppealAction(Party party) {
        this.party = party;
    }

    public Party party() {
        return party;
    }
}
