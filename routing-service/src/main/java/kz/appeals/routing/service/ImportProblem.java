package kz.appeals.routing.service;

import kz.appeals.platform.problem.Problem;
import kz.appeals.platform.problem.ProblemException;

import java.util.List;

/**
 * A reference file that cannot be imported: every problem found, each naming its row and column (field
 * {@code row 12.te}), up to a limit. Thrown before anything is written, and it rolls the import's transaction back.
 */
public class ImportProblem extends ProblemException {

    static final int MAX_REPORTED = 100;

    public ImportProblem(List<Problem.FieldError> errors) {
        super(new Problem(Problem.typeUri("import-rejected"), "The file was not imported", 422,
                errors.size() + (errors.size() >= MAX_REPORTED ? "+" : "") + " problem(s), first: "
                        + errors.get(0).message() + ". Nothing was imported.", null,
                List.copyOf(errors.subList(0, Math.min(errors.size(), MAX_REPORTED)))));
    }

    public static Problem.FieldError at(TabularFile.Line row, String column, String code, String message) {
        return new Problem.FieldError("row " + row.number() + "." + column, code,
                "Row " + row.number() + ", column " + column + ": " + message);
    }
}
