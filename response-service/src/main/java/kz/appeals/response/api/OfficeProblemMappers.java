package kz.appeals.response.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import kz.appeals.platform.http.AcceptableLanguages;
import kz.appeals.platform.problem.Problem;
import kz.appeals.platform.problem.ProblemMappers;
import kz.appeals.platform.problem.ProblemTexts;
import kz.appeals.response.domain.AlreadyRatedException;
import kz.appeals.response.domain.AnswerLanguageException;
import kz.appeals.response.domain.AppealStatus;
import kz.appeals.response.domain.IllegalTransitionException;
import kz.appeals.response.domain.RuleViolationException;
import kz.appeals.response.domain.TermClosedException;
import kz.appeals.response.domain.AppealAction;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Set;

/**
 * The office's domain refusals as problem+json, titled in the caller's language like every platform problem;
 * everything else is rendered by the platform's mappers.
 */
public class OfficeProblemMappers {

    /** RFC 9457 problem with extension members, so that a client can offer the allowed actions at once. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransitionProblem(String type, String title, int status, String detail, String instance,
                                    AppealStatus currentStatus, AppealAction attemptedAction,
                                    Set<AppealAction> allowedActions) {
    }

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e, UriInfo uri, HttpHeaders headers) {
        String language = ProblemTexts.languageFor(AcceptableLanguages.of(headers));
        Problem problem = ProblemTexts.localize(Problem.of(409, "illegal-transition",
                "Action not allowed in the current status", e.getMessage()), language);
        return Response.status(409).type(Problem.MEDIA_TYPE).language(language).entity(new TransitionProblem(
                problem.type(), problem.title(), 409, problem.detail(), uri.getPath(), e.current(), e.attempted(),
                e.allowed())).build();
    }

    @ServerExceptionMapper
    public Response concurrentUpdate(OptimisticLockException e, UriInfo uri, HttpHeaders headers) {
        return ProblemMappers.respond(Problem.of(409, "concurrent-update", "Appeal changed meanwhile",
                "Another account changed this appeal at the same time; reload it and decide again."), uri, headers);
    }

    @ServerExceptionMapper
    public Response answerLanguage(AnswerLanguageException e, UriInfo uri, HttpHeaders headers) {
        return ProblemMappers.respond(new Problem(Problem.typeUri("validation"), "Request is not valid", 422,
                e.getMessage(), null, List.of(new Problem.FieldError("language", "notAllowed", e.getMessage()))),
                uri, headers);
    }

    /** Allowed in this status but refused by a rule for this input: the field and the rule are named. */
    @ServerExceptionMapper
    public Response ruleViolation(RuleViolationException e, UriInfo uri, HttpHeaders headers) {
        return ProblemMappers.respond(new Problem(Problem.typeUri("rule-violation"), "Refused by a rule", 422,
                e.getMessage(), null, List.of(new Problem.FieldError(e.field(), e.code(), e.getMessage()))),
                uri, headers);
    }

    @ServerExceptionMapper
    public Response alreadyRated(AlreadyRatedException e, UriInfo uri, HttpHeaders headers) {
        return ProblemMappers.respond(Problem.of(409, "already-rated", "Answer already rated", e.getMessage()), uri,
                headers);
    }

    /** The term lapsed or a higher body holds it: extending it would contradict the published clock. */
    @ServerExceptionMapper
    public Response termClosed(TermClosedException e, UriInfo uri, HttpHeaders headers) {
        return ProblemMappers.respond(Problem.of(409, "term-closed", "The term can no longer be extended",
                e.getMessage()), uri, headers);
    }
}
