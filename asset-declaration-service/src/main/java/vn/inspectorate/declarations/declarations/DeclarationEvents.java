package vn.inspectorate.declarations.declarations;

import java.util.List;
import vn.inspectorate.contracts.declarations.DeclarationFlagged;
import vn.inspectorate.contracts.declarations.DeclarationSubmitted;
import vn.inspectorate.declarations.redflags.RaisedFlag;
import vn.inspectorate.platform.time.VietnamTime;

/**
 * The payloads of the filing events, built from the declaration after its transition; those of verification are in
 * {@code VerificationEvents}, which also reads the verification.
 */
final class DeclarationEvents {

    private DeclarationEvents() {
    }

    static DeclarationSubmitted submitted(Declaration d) {
        return new DeclarationSubmitted(d.id, d.version, VietnamTime.now(), d.declarantId, d.agencyCode,
                d.provinceCode, d.year, d.kind.name(), d.declaredOn, d.late, d.totalAssetsVnd, d.totalIncomeVnd,
                d.assetChangeVnd);
    }

    static DeclarationFlagged flagged(Declaration d, List<RaisedFlag> raised) {
        return new DeclarationFlagged(d.id, d.version, VietnamTime.now(), d.declarantId, d.agencyCode, d.provinceCode,
                d.year, d.kind.name(), raised.stream().map(f -> new DeclarationFlagged.Flag(f.ruleId(),
                        f.ruleVersion())).toList());
    }
}
