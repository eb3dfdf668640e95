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
            throw refused("toBodyCode", "transfer.same-body", c.currentBody());
        }
        Body body = bodies.find(cmd.toBodyCode()).orElseThrow(() -> refused("toBodyCode", "transfer.unknown-body",
                cmd.toBodyCode()));
        bodies.refusalReason(body.code(), on).ifPresent(reason -> {
            throw refused("toBodyCode", reason.key(), reason.arguments());
        });
        if (body.provinceCode() == null) {
            // central and sector inspectorates keep no provincial case queue on the platform
            throw refused("toBodyCode", "transfer.central-body", body.code());
        }
        if (cmd.toProvinceCode() != null && !cmd.toProvinceCode().equals(body.provinceCode())) {
            throw refused("toProvinceCode", "transfer.other-province", body.code(), body.provinceCode());
        }
        return body;
    }

    private static ProblemException refused(String field, String key, Object... args) {
        return ProblemException.unprocessable(NOT_DELIVERABLE, List.of(Problem.FieldError.of(field, key, args)),
                "transfer.not-deliverable", new Problem.Text(key, args));
    }
}
