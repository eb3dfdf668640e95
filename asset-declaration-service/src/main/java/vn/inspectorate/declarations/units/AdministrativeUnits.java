package vn.inspectorate.declarations.units;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
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
     * the unit that took a merged-away one over.
     */
    public void requireInForce(String code, LocalDate on, String field, String what) {
        register().refusal(code, on).ifPresent(reason -> {
            throw ProblemException.unprocessable("province-not-in-force", what + ": " + reason + ".",
                    List.of(new Problem.FieldError(field, reason)));
        });
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
