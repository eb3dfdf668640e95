package vn.inspectorate.complaints.units;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Provinces as reference data with validity dates. A case keeps the unit it was filed under; after a merger the unit
 * that took it over is found through the succession mapping (also data).
 */
@ApplicationScoped
public class AdministrativeUnits {

    private final EntityManager em;

    AdministrativeUnits(EntityManager em) {
        this.em = em;
    }

    public boolean inForce(String code, LocalDate on) {
        return !em.createNativeQuery("""
                select 1 from administrative_unit
                where code = ?1 and valid_from <= ?2 and (valid_to is null or valid_to >= ?2)""")
                .setParameter(1, code).setParameter(2, on).getResultList().isEmpty();
    }

    /** The unit that answers for {@code code} on {@code on}: itself, or its successor after a merger. */
    @SuppressWarnings("unchecked")
    public String successorOn(String code, LocalDate on) {
        String current = code;
        for (int hops = 0; hops < 10; hops++) {
            List<String> next = em.createNativeQuery("""
                    select new_code from administrative_unit_succession
                    where old_code = ?1 and effective_on <= ?2 and new_code <> old_code
                    order by effective_on desc limit 1""").setParameter(1, current).setParameter(2, on).getResultList();
            if (next.isEmpty()) {
                return current;
            }
            current = next.get(0);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    public List<UnitView> inForceOn(LocalDate on) {
        List<Object[]> rows = em.createNativeQuery("""
                select code, name, valid_from, valid_to from administrative_unit
                where valid_from <= ?1 and (valid_to is null or valid_to >= ?1) order by code""")
                .setParameter(1, on).getResultList();
        return rows.stream().map(r -> new UnitView((String) r[0], (String) r[1], date(r[2]), date(r[3]),
                successorOn((String) r[0], LocalDate.now()))).toList();
    }

    public Optional<UnitView> find(String code, LocalDate on) {
        return inForceOn(on).stream().filter(u -> u.code().equals(code)).findFirst();
    }

    private static LocalDate date(Object o) {
        return o == null ? null : o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    /** A unit as in force on a date, and the unit answering for it today. */
    public record UnitView(String code, String name, LocalDate validFrom, LocalDate validTo, String answeredTodayBy) {
    }
}
