package vn.inspectorate.declarations.language;

import java.util.List;
import java.util.Map;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.Problem.FieldError;
import vn.inspectorate.platform.problem.ProblemException;

/**
 * The service's problems, their details keys of its messages bundle (Vietnamese first, English on request); the
 * title comes by the type. {@code what.*} keys name a kind of record, {@code natural-key.*} keys a natural key.
 */
public final class Refusals {

    private Refusals() {
    }

    /** 404: the record is absent or out of the caller's reach, which the answer does not tell apart. */
    public static ProblemException notFound(String whatKey, Object id) {
        return ProblemException.keyed(404, "not-found", "declarations.not-found", new Problem.Text(whatKey),
                String.valueOf(id));
    }

    public static ProblemException forbidden(String detailKey, Object... args) {
        return ProblemException.keyed(403, "forbidden", detailKey, args);
    }

    public static ProblemException invalid(List<FieldError> errors, String detailKey, Object... args) {
        return new ProblemException(Problem.keyed(400, "invalid-request", detailKey, args).withErrors(errors));
    }

    public static ProblemException unprocessable(String slug, List<FieldError> errors, String detailKey,
            Object... args) {
        return new ProblemException(Problem.keyed(422, slug, detailKey, args).withErrors(errors));
    }

    public static ProblemException conflict(String slug, Map<String, Object> extensions, String detailKey,
            Object... args) {
        return new ProblemException(Problem.keyed(409, slug, detailKey, args).withExtensions(extensions));
    }

    /**
     * The 409 {@code natural-key-conflict} of {@link NaturalKeyMatch#requireSame} with its detail from the bundles:
     * {@code whatKey} names the record, {@code keyKey} its natural key; the same existingId and differingFields.
     */
    public static void requireSame(NaturalKeyMatch match, String whatKey, String keyKey, Object existingId) {
        if (match.same()) {
            return;
        }
        List<String> fields = match.differingFields();
        throw conflict(NaturalKeyMatch.CONFLICT_TYPE, Map.of("existingId", String.valueOf(existingId),
                "differingFields", fields), "declarations.natural-key-conflict", new Problem.Text(whatKey),
                new Problem.Text(keyKey), String.join(", ", fields));
    }
}
