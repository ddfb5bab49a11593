package kz.appeals.platform.security;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** Who is calling, as the verified token says: an account reference, roles, and the body's KATO code if any. */
@RequestScoped
public class Caller {

    /** Claim carrying the 9-digit KATO code of the caller's body (office roles only). */
    public static final String KATO_CLAIM = "kato";

    /**
     * Claim of a {@code frontend} token carrying the IIN of the citizen signed in at the front end (as eGov's own
     * tokens do); a citizen reads and rates only their own appeals.
     */
    public static final String CITIZEN_IIN_CLAIM = "iin";

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    /** A stable reference to the acting account, never a personal name. */
    public String accountRef() {
        return token.getSubject() != null ? token.getSubject() : token.getName();
    }

    /** True when the request carries no (valid) token. */
    public boolean isAnonymous() {
        return token.getRawToken() == null;
    }

    /** The caller's roles, sorted, e.g. for an audit record. */
    public SortedSet<String> roles() {
        return new TreeSet<>(token.getGroups());
    }

    public boolean hasRole(String role) {
        return token.getGroups().contains(role);
    }

    public Optional<String> citizenIin() {
        return Optional.ofNullable(token.<Object>getClaim(CITIZEN_IIN_CLAIM)).map(Object::toString);
    }

    public Optional<String> katoCode() {
        return Optional.ofNullable(token.<Object>getClaim(KATO_CLAIM)).map(Object::toString);
    }
}
