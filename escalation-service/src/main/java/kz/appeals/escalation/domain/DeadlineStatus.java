package kz.appeals.escalation.domain;

/** Where the clock of the current cycle stands. */
public enum DeadlineStatus {
    /** The term runs (or will, once the body is known): nobody has answered in this cycle. */
    RUNNING,
    /** The body answered in the current cycle; a reopening starts the clock again. */
    STOPPED,
    /** The due date passed without an answer: deemed refused (APPK Art. 91(2)) and escalated. */
    LAPSED
}
