package vn.inspectorate.declarations.verification;

import vn.inspectorate.contracts.declarations.DeclarationVerificationSelected;
import vn.inspectorate.contracts.declarations.DeclarationVerified;
import vn.inspectorate.declarations.declarations.Declaration;
import vn.inspectorate.platform.time.VietnamTime;

/** The payloads of a declaration's verification events, built from the declaration and the verification. */
final class VerificationEvents {

    private VerificationEvents() {
    }

    static DeclarationVerificationSelected selected(Declaration d, Verification v) {
        return new DeclarationVerificationSelected(d.id, d.version, VietnamTime.now(), d.declarantId, d.agencyCode,
                d.provinceCode, d.year, d.kind.name(), v.id, v.ground.name(), null);
    }

    static DeclarationVerified verified(Declaration d, Verification v) {
        return new DeclarationVerified(d.id, d.version, VietnamTime.now(), d.declarantId, d.agencyCode,
                d.provinceCode, d.year, d.kind.name(), v.id, v.conclusion.name(), v.unexplainedIncreaseVnd,
                v.concludedOn);
    }
}
