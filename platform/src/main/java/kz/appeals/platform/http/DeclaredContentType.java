package kz.appeals.platform.http;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request that carries a body must say what it is: without a Content-Type, or with a wildcard one, the server
 * would have to guess, and a guessed body is a sloppy one. Refused with 415 (problem+json) before any resource runs.
 */
public class DeclaredContentType {

    @ServerRequestFilter(preMatching = true)
    public void requireDeclaredType(ContainerRequestContext request) {
        if (!carriesBody(request)) {
            return;
        }
        String declared = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        MediaType type = declared == null || declared.isBlank() ? null : parse(declared);
        if (type == null || type.isWildcardType() || type.isWildcardSubtype()) {
            throw new NotSupportedException("The body's Content-Type must be declared, e.g. application/json");
        }
    }

    private static boolean carriesBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return length != null ? !length.strip().equals("0") : request.getHeaderString("Transfer-Encoding") != null;
    }

    private static MediaType parse(String declared) {
        try {
            return MediaType.valueOf(declared);
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }
}
