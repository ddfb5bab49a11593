package kz.appeals.response.domain;

import java.util.Set;

/** An office action that the appeal's current status does not allow. */
public class IllegalTransitionException extends RuntimeException {

    private final AppealStatus current;
    private final AppealAction attempted;
    private final Set<AppealAction> allowed;

    public IllegalTransitionException(AppealStatus current, AppealAction attempted, Set<AppealAction> allowed) {
        super("Cannot " + attempted + " an appeal in status " + current + "; allowed: " + allowed);
        this.current = current;
        this.attempted = attempted;
        this.allowed = allowed;
    }

    public AppealStatus current() {
        return current;
    }

    public AppealAction attempted() {
        return attempted;
    }

    public Set<AppealAction> allowed() {
        return allowed;
    }
}
