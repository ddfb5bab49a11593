package kz.appeals.response.domain;

/** The applicant rates each answer once: a second rating of the same cycle is refused, not overwritten. */
public class AlreadyRatedException extends RuntimeException {

    public AlreadyRatedException(int cycle) {
        super("The answer of cycle " + cycle + " has already been rated");
    }
}
