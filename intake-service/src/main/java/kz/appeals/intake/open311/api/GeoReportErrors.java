package kz.appeals.intake.open311.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import kz.appeals.intake.open311.service.GeoReportException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** GeoReport errors leave as the standard's error list, in the format of the path that failed. */
public class GeoReportErrors {

    private final GeoReportRenderer renderer;

    public GeoReportErrors(GeoReportRenderer renderer) {
        this.renderer = renderer;
    }

    @ServerExceptionMapper
    public Response geoReport(GeoReportException e, UriInfo uri) {
        return renderer.render(GeoReportFormat.ofPath(uri.getPath()), e.status(), "errors",
                e.errors().stream().map(error -> new GeoReportViews.Error(error.code(), error.description())).toList());
    }
}
