package vn.inspectorate.declarations.accesslog;

import java.util.List;
import java.util.Optional;
import vn.inspectorate.declarations.language.Refusals;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.Problem.FieldError;
import vn.inspectorate.platform.problem.ProblemException;

/**
 * Why a caller reads a declaration's detail or a declarant's identity: the header {@value #HEADER}, or the query
 * parameter {@code purpose} when the header is absent. It goes into the access log with the read.
 */
public final class ReadPurpose {

    public static final String HEADER = "X-Access-Purpose";
    public static final String PARAMETER = "purpose";
    public static final int MAX_LENGTH = 500;

    private ReadPurpose() {
    }

    /**
     * The stated purpose, stripped; empty when none was stated; a problem when it is too long. {@code what} is the
     * bundle key naming what is read.
     */
    public static Optional<String> stated(String header, String parameter, String what) {
        String stated = header != null && !header.isBlank() ? header : parameter;
        if (stated == null || stated.isBlank()) {
            return Optional.empty();
        }
        // the header's length is checked here: a constraint on it would name the Java parameter, not "purpose"
        if (stated.length() > MAX_LENGTH) {
            throw invalid(what);
        }
        return Optional.of(stated.strip());
    }

    /** The stated purpose, or a 400 problem naming the field {@code purpose}; {@code what} is read. */
    public static String required(String header, String parameter, String what) {
        return stated(header, parameter, what).orElseThrow(() -> invalid(what));
    }

    private static ProblemException invalid(String what) {
        return Refusals.invalid(List.of(FieldError.of(PARAMETER, "error.purpose-required")),
                "access-log.purpose-required", new Problem.Text(what), HEADER);
    }
}
