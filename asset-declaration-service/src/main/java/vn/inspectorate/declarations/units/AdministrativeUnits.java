package vn.inspectorate.declarations.units;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.reference.AdministrativeUnitRegister;

/**
 * The provincial-level units over time and their succession, from this service's own tables (loaded from the shared
 * reference files by migration), read once and kept until {@link #reload()}. The only lookup of units here.
 */
@ApplicationScoped
public class AdministrativeUnits {

    private final EntityManager em;
    private volatile AdministrativeUnitRegister register;

    AdministrativeUnits(EntityManager em) {
        this.em = em;
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

    @SuppressWarnings("unchecked")
    private AdministrativeUnitRegister load() {
        List<Object[]> units = em.createNativeQuery(
                "select code, name, valid_from, valid_to from administrative_unit").getResultList();
        List<Object[]> successions = em.createNativeQuery(
                "select old_code, new_code, effective_on from administrative_unit_succession").getResultList();
        return new AdministrativeUnitRegister(
                units.stream().map(r -> new AdministrativeUnitRegister.Unit((String) r[0], (String) r[1], date(r[2]),
                        date(r[3]))).toList(),
                successions.stream().map(r -> new AdministrativeUnitRegister.Succession((String) r[0], (String) r[1],
                        date(r[2]))).toList());
    }

    private static LocalDate date(Object o) {
        return o == null ? null : o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
