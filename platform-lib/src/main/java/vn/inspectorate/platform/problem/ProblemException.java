package vn.inspectorate.platform.problem;

import java.util.List;
import java.util.Map;

/** Thrown by service code to answer with a problem; nothing the request started is committed. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** A problem whose title comes by {@code slug} and whose detail is {@code detailKey} in the message bundles. */
    public static ProblemException keyed(int status, String slug, String detailKey, Object... args) {
        return new ProblemException(Problem.keyed(status, slug, detailKey, args));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " does not exist or is not yours to see"));
    }

    public static ProblemException conflict(String slug, String detail, Map<String, Object> extensions) {
        return new ProblemException(Problem.of(409, slug, "Conflict", detail).withExtensions(extensions));
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(400, "invalid-request", "Invalid request", detail).withErrors(errors));
    }

    public static ProblemException unprocessable(String slug, String detail, List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(422, slug, "Unprocessable request", detail).withErrors(errors));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }
}
