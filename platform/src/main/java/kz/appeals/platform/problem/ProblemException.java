package kz.appeals.platform.problem;

import java.util.List;

/** Thrown by services for a request that breaks a rule; rendered as a problem with its status. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.problem = problem;
    }

    public static ProblemException invalidField(String field, String code, String message) {
        return new ProblemException(new Problem(Problem.typeUri("validation"), "Request is not valid", 422,
                message, null, List.of(new Problem.FieldError(field, code, message))));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what));
    }

    public static ProblemException forbidden(String slug, String title, String detail) {
        return new ProblemException(Problem.of(403, slug, title, detail));
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(Problem.of(409, slug, title, detail));
    }

    public Problem problem() {
        return problem;
    }
}
