package kz.appeals.response.api;

import jakarta.enterprise.context.RequestScoped;
import kz.appeals.platform.problem.Problem;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.platform.security.Caller;
import kz.appeals.platform.security.Roles;
import kz.appeals.response.service.OfficeAccount;
import kz.appeals.response.service.Viewer;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The body a token speaks for. An {@code akim-office}, {@code district-akimat} or {@code region-akimat} token names
 * its body by the KATO code in its {@code kato} claim; a {@code presidential-administration} token needs none. The
 * head of a body (or a deputy) carries the claim {@code office-head: true}.
 */
@RequestScoped
public class OfficeScope {

    /** Claim marking the head of the body or a deputy: the only accounts that may extend a term (APPK Art. 76). */
    public static final String HEAD_CLAIM = "office-head";

    private final Caller caller;
    private final JsonWebToken token;

    public OfficeScope(Caller caller, JsonWebToken token) {
        this.caller = caller;
        this.token = token;
    }

    public OfficeAccount account() {
        return new OfficeAccount(viewer(), caller.accountRef(), isHead());
    }

    /** @throws ProblemException 403 when a territorial token names no body: such a caller has no inbox at all */
    public Viewer viewer() {
        if (caller.hasRole(Roles.AKIM_OFFICE)) {
            return new Viewer(Viewer.Level.OFFICE, katoCode());
        }
        if (caller.hasRole(Roles.DISTRICT_AKIMAT)) {
            return new Viewer(Viewer.Level.DISTRICT_AKIMAT, katoCode());
        }
        if (caller.hasRole(Roles.REGION_AKIMAT)) {
            return new Viewer(Viewer.Level.REGION_AKIMAT, katoCode());
        }
        return new Viewer(Viewer.Level.PRESIDENTIAL_ADMINISTRATION, null);
    }

    private String katoCode() {
        return caller.katoCode()
                .filter(code -> code.matches("\\d{9}"))
                .orElseThrow(() -> new ProblemException(Problem.of(403, "no-office", "Forbidden",
                        "The token carries no 9-digit '" + Caller.KATO_CLAIM + "' claim naming the caller's body")));
    }

    private boolean isHead() {
        Object claim = token.getClaim(HEAD_CLAIM);
        return claim != null && Boolean.parseBoolean(claim.toString());
    }
}
