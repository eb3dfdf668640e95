package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import vn.inspectorate.complaints.units.InspectionBodies;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.reference.InspectionBodyRegister.Body;

/**
 * Where a transfer can be delivered: a body of the inspection-body register, in force on the day of the transfer, with
 * a province whose queue the case joins. Anything else is refused with a 422 before the case changes.
 */
@ApplicationScoped
class TransferDestinations {

    static final String NOT_DELIVERABLE = "transfer-not-deliverable";

    private final InspectionBodies bodies;

    TransferDestinations(InspectionBodies bodies) {
        this.bodies = bodies;
    }

    /** The body {@code cmd} transfers case {@code c} to, checked for {@code on}; 422 naming the field otherwise. */
    Body checked(CitizenCase c, CaseCommands.Transfer cmd, LocalDate on) {
        if (cmd.toBodyCode().equals(c.currentBody())) {
            throw refused("toBodyCode", "the case is with " + c.currentBody() + " already");
        }
        Body body = bodies.find(cmd.toBodyCode()).orElseThrow(() -> refused("toBodyCode",
                "no inspection body has the code " + cmd.toBodyCode()));
        bodies.refusal(body.code(), on).ifPresent(reason -> {
            throw refused("toBodyCode", reason);
        });
        if (body.provinceCode() == null) {
            // central and sector inspectorates keep no provincial case queue on the platform
            throw refused("toBodyCode", body.code() + " is a central or sector body without a case queue here; "
                    + "transfer to the body of the province concerned");
        }
        if (cmd.toProvinceCode() != null && !cmd.toProvinceCode().equals(body.provinceCode())) {
            throw refused("toProvinceCode", body.code() + " is a body of " + body.provinceCode());
        }
        return body;
    }

    private static ProblemException refused(String field, String message) {
        return ProblemException.unprocessable(NOT_DELIVERABLE, "The transfer cannot be delivered: " + message + ".",
                List.of(new Problem.FieldError(field, message)));
    }
}
