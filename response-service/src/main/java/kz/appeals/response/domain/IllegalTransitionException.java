package kz.appeals.response.domain;

import java.util.Set;

/** An office action that the appeal's current status does not allow. */
public class IllegalTransitionException extends RuntimeException {

    private final AppealStatus current;
    private final OfficeAction attempted;
    private final Set<OfficeAction> allowed;

    public IllegalTransitionException(AppealStatus current, OfficeAction attempted, Set<OfficeAction> allowed) {
        super("Cannot " + attempted + " an appeal in status " + current + "; allowed: " + allowed);
        this.current = current;
        this.attempted = attempted;
        this.allowed = allowed;
    }

    public AppealStatus current() {
        return current;
    }

    public OfficeAction attempted() {
        return attempted;
    }

    public Set<OfficeAction> allowed() {
        return allowed;
    }
}
