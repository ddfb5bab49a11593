package kz.appeals.intake.open311.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.platform.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.annotation.Annotation;
import java.util.List;

/**
 * Under {@code /open311/v2} every error speaks GeoReport, not only the ones its resource raises: an unknown path
 * (404), a method the path does not serve (405), a body of the wrong type (415), a service failure (5xx) leave as
 * the standard's error list in the path's format, which is what Open311 clients parse. A refused bearer token
 * (401) stays the platform's problem with its challenge: GeoReport has no bearer tokens, and the challenge is for
 * the caller who sent one.
 */
public class GeoReportErrorFormat {

    private static final String ROOT = "/open311/v2";

    private final GeoReportRenderer renderer;

    public GeoReportErrorFormat(GeoReportRenderer renderer) {
        this.renderer = renderer;
    }

    @ServerResponseFilter
    public void asErrorList(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        boolean refusedToken = response.getStatus() == 401;
        if (!path.startsWith(ROOT) || refusedToken || !(response.getEntity() instanceof Problem problem)) {
            return;
        }
        List<GeoReportViews.Error> errors = problem.errors() == null || problem.errors().isEmpty()
                ? List.of(new GeoReportViews.Error(problem.status(),
                        problem.detail() != null ? problem.detail() : problem.title()))
                : problem.errors().stream().map(error -> new GeoReportViews.Error(problem.status(),
                        error.field() + ": " + error.message() + " (" + error.code() + ")")).toList();
        GeoReportFormat format = GeoReportFormat.ofPath(path);
        response.setEntity(renderer.write(format, "errors", errors), new Annotation[0],
                MediaType.valueOf(format.mediaType()));
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, format.mediaType());
    }
}
