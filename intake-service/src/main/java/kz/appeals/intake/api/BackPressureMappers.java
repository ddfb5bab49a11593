package kz.appeals.intake.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import kz.appeals.intake.service.GroupCommit;
import kz.appeals.intake.service.SubmissionLimits;
import kz.appeals.platform.http.AcceptableLanguages;
import kz.appeals.platform.problem.Problem;
import kz.appeals.platform.problem.ProblemTexts;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Submissions refused for now, each with Retry-After and kk/ru/en titles: a full submission queue is the platform's
 * {@code service-busy} problem (the client is refused at once instead of waiting behind work the service cannot take
 * on); a party over its rate is 429 {@code too-many-requests}. Under /open311/v2 both leave as the error list.
 */
public class BackPressureMappers {

    @ServerExceptionMapper
    public Response queueFull(GroupCommit.QueueFull e, UriInfo uri, HttpHeaders headers) {
        String language = ProblemTexts.languageFor(AcceptableLanguages.of(headers));
        Problem problem = Problem.of(503, "service-busy", "Service busy",
                "More submissions are waiting to be stored than this instance queues. Retry after a moment, with the "
                        + "same Idempotency-Key: the appeal is then stored once.").withInstance(uri.getPath());
        return Response.status(503).type(Problem.MEDIA_TYPE).language(language)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .entity(ProblemTexts.localize(problem, language)).build();
    }

    @ServerExceptionMapper
    public Response rateExceeded(SubmissionLimits.RateExceeded e, UriInfo uri, HttpHeaders headers) {
        String language = ProblemTexts.languageFor(AcceptableLanguages.of(headers));
        Problem problem = Problem.of(429, "too-many-requests", "Too Many Requests", e.getMessage())
                .withInstance(uri.getPath());
        return Response.status(429).type(Problem.MEDIA_TYPE).language(language)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .entity(ProblemTexts.localize(problem, language)).build();
    }
}
