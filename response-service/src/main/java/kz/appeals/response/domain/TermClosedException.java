package kz.appeals.response.domain;

import java.time.LocalDate;

/**
 * The office asked to extend a term that is no longer its to extend: it lapsed, or the appeal was escalated to a
 * higher body. A conflict with the appeal's state, not a wrong input.
 */
public class TermClosedException extends RuntimeException {

    public enum Why {LAPSED, ESCALATED}

    private final Why why;

    public TermClosedException(Why why, LocalDate dueDate) {
        super(switch (why) {
            case LAPSED -> "The term ended on " + dueDate
                    + ": the body is deemed to have refused (APPK Art. 91(2)) and the term can no longer be extended";
            case ESCALATED -> "The appeal was escalated to a higher body after its term lapsed; its term (now "
                    + dueDate + ") is the higher body's and cannot be extended here";
        });
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
