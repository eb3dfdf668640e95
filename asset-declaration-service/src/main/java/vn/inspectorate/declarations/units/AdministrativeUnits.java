package vn.inspectorate.declarations.units;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import vn.inspectorate.declarations.language.Refusals;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.reference.AdministrativeUnitTables;
import vn.inspectorate.reference.AdministrativeUnitRegister;

/**
 * The provincial-level units over time and their succession, from this service's own tables (loaded from the shared
 * reference files by migration), read once and kept until {@link #reload()}. The only lookup of units here.
 */
@ApplicationScoped
public class AdministrativeUnits {

    private final AdministrativeUnitTables tables;
    private volatile AdministrativeUnitRegister register;

    AdministrativeUnits(AdministrativeUnitTables tables) {
        this.tables = tables;
    }

    /** Reads the tables again; the next check answers by what they hold now. */
    public void reload() {
        register = load();
    }

    public boolean inForce(String code, LocalDate on) {
        return register().inForce(code, on);
    }

    /**
     * A province code must name a unit in force on {@code on}; else a 422 naming {@code field}, whose message names
     * the unit that took a merged-away one over. {@code detailKey} says in the bundles what needs the province.
     */
    public void requireInForce(String code, LocalDate on, String field, String detailKey) {
        AdministrativeUnitRegister r = register();
        if (code == null || r.inForce(code, on)) {
            return;
        }
        Problem.FieldError reason;
        if (!r.known(code)) {
            reason = Problem.FieldError.of(field, "error.province.unknown", code);
        } else {
            String successor = r.successorOn(code, on);
            reason = successor.equals(code)
                    ? Problem.FieldError.of(field, "error.province.not-in-force", code, r.name(code, on), on.toString())
                    : Problem.FieldError.of(field, "error.province.merged", code, r.name(code, on), on.toString(),
                            successor, r.name(successor, on), mergedOn(r, code, on).toString());
        }
        throw Refusals.unprocessable("province-not-in-force", List.of(reason), detailKey,
                new Problem.Text(reason.text().key(), reason.text().args()));
    }

    /** The day a merged-away unit ended: the day after its last version's end, or {@code on} if unknown. */
    private static LocalDate mergedOn(AdministrativeUnitRegister r, String code, LocalDate on) {
        return r.units().stream().filter(u -> u.code().equals(code) && u.validTo() != null && u.validTo().isBefore(on))
                .map(u -> u.validTo().plusDays(1)).max(LocalDate::compareTo).orElse(on);
    }

    private AdministrativeUnitRegister register() {
        AdministrativeUnitRegister r = register;
        if (r == null) {
            r = load();
            register = r;
        }
        return r;
    }

    private AdministrativeUnitRegister load() {
        return tables.register();
    }
}
