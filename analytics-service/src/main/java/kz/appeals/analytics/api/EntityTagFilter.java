package kz.appeals.analytics.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A strong {@code ETag} on every successful read of the API: the hash of the body as it would be sent, so equal
 * numbers give equal tags on every replica. A dashboard revalidates with {@code If-None-Match} and gets a bodiless
 * {@code 304} while nothing changed. Role-bound reads may be cached only by the browser and must be revalidated;
 * open data may be cached by anyone for a few minutes.
 */
@Provider
public class EntityTagFilter implements ContainerResponseFilter {

    private final ObjectMapper mapper;

    public EntityTagFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        String path = request.getUriInfo().getPath();
        if (!"GET".equals(request.getMethod()) || response.getStatus() != 200 || !response.hasEntity()
                || !path.startsWith("/api/")) {
            return;
        }
        Object entity = response.getEntity();
        byte[] body = entity instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                : mapper.writeValueAsBytes(entity);
        String tag = '"' + HexFormat.of().formatHex(sha256(body), 0, 16) + '"';
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL,
                path.startsWith("/api/v1/open-data") ? "public, max-age=300" : "private, no-cache");
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim).anyMatch(candidate -> candidate.equals(tag) || candidate.equals("*"))) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
