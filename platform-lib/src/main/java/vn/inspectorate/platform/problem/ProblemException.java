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

    /** 400 {@code invalid-request} naming the offending fields, its detail {@code detailKey} in the bundles. */
    public static ProblemException invalid(List<Problem.FieldError> errors, String detailKey, Object... args) {
        return new ProblemException(Problem.keyed(400, "invalid-request", detailKey, args).withErrors(errors));
    }

    /** 422 of type {@code slug} naming the offending fields, its detail {@code detailKey} in the bundles. */
    public static ProblemException unprocessable(String slug, List<Problem.FieldError> errors, String detailKey,
            Object... args) {
        return new ProblemException(Problem.keyed(422, slug, detailKey, args).withErrors(errors));
    }

    /** 409 of type {@code slug} with further members, its detail {@code detailKey} in the bundles. */
    public static ProblemException conflict(String slug, Map<String, Object> extensions, String detailKey,
            Object... args) {
        return new ProblemException(Problem.keyed(409, slug, detailKey, args).withExtensions(extensions));
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
