package kz.appeals.analytics.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import kz.appeals.analytics.service.UnknownTerritoryException;
import kz.appeals.platform.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Analytics' own refusals as problem+json; everything else is rendered by the platform's mappers. */
public class AnalyticsProblemMappers {

    @ServerExceptionMapper
    public Response unknownTerritory(UnknownTerritoryException e, UriInfo uri) {
        return Response.status(404).type(Problem.MEDIA_TYPE).entity(Problem.of(404, "unknown-territory",
                "Territory not found", e.getMessage()).withInstance(uri.getPath())).build();
    }
}
