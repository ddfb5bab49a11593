package kz.appeals.platform.security;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** Who is calling, as the verified token says: an account reference, roles, and the body's KATO code if any. */
@RequestScoped
public class Caller {

    /** Claim carrying the 9-digit KATO code of the caller's body (office roles only). */
    public static final String KATO_CLAIM = "kato";

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    /** A stable reference to the acting account, never a personal name. */
    public String accountRef() {
        return token.getSubject() != null ? token.getSubject() : token.getName();
    }

    public boolean hasRole(String role) {
        return token.getGroups().contains(role);
    }

    public Optional<String> katoCode() {
        return Optional.ofNullable(token.<Object>getClaim(KATO_CLAIM)).map(Object::toString);
    }
}
