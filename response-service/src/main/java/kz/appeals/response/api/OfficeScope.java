package kz.appeals.response.api;

import jakarta.enterprise.context.RequestScoped;
import kz.appeals.platform.problem.Problem;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.platform.security.Caller;

/** The office an akim-office token speaks for: the body whose KATO code is in its {@code kato} claim. */
@RequestScoped
public class OfficeScope {

    private final Caller caller;

    public OfficeScope(Caller caller) {
        this.caller = caller;
    }

    /** @throws ProblemException 403 when the token names no body: such a caller has no inbox at all */
    public String katoCode() {
        return caller.katoCode()
                .filter(code -> code.matches("\\d{9}"))
                .orElseThrow(() -> new ProblemException(Problem.of(403, "no-office", "Forbidden",
                        "The token carries no 9-digit '" + Caller.KATO_CLAIM + "' claim naming the caller's body")));
    }

    public String actor() {
        return caller.accountRef();
    }
}
