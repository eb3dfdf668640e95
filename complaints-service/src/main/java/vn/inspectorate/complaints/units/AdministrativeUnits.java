package vn.inspectorate.complaints.units;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.inspectorate.complaints.reference.ReferenceDataConfig;
import vn.inspectorate.complaints.reference.ReferenceSnapshot;
import vn.inspectorate.platform.time.VietnamTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Provinces as reference data with validity dates. A case keeps the unit it was filed under; after a merger the unit
 * that took it over is found through the succession mapping (also data).
 */
@ApplicationScoped
public class AdministrativeUnits {

    private final EntityManager em;
    private final ReferenceSnapshot<Units> snapshot;

    AdministrativeUnits(EntityManager em, ReferenceDataConfig config) {
        this.em = em;
        this.snapshot = new ReferenceSnapshot<>(config.maxAge(), this::load);
    }

    public boolean inForce(String code, LocalDate on) {
        return snapshot.get().units().stream().anyMatch(u -> u.code().equals(code) && !u.validFrom().isAfter(on)
                && (u.validTo() == null || !u.validTo().isBefore(on)));
    }

    /** The unit that answers for {@code code} on {@code on}: itself, or its successor after a merger. */
    public String successorOn(String code, LocalDate on) {
        Map<String, List<Succession>> byOldCode = snapshot.get().successionsByOldCode();
        String current = code;
        for (int hops = 0; hops < 10; hops++) {
            Succession latest = null;
            for (Succession s : byOldCode.getOrDefault(current, List.of())) {
                if (!s.effectiveOn().isAfter(on) && !s.newCode().equals(s.oldCode())
                        && (latest == null || s.effectiveOn().isAfter(latest.effectiveOn()))) {
                    latest = s;
                }
            }
            if (latest == null) {
                return current;
            }
            current = latest.newCode();
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private Units load() {
        List<Object[]> units = em.createNativeQuery("select code, valid_from, valid_to from administrative_unit")
                .getResultList();
        List<Object[]> successions = em.createNativeQuery(
                "select old_code, new_code, effective_on from administrative_unit_succession").getResultList();
        return new Units(
                units.stream().map(r -> new Validity((String) r[0], date(r[1]), date(r[2]))).toList(),
                successions.stream().map(r -> new Succession((String) r[0], (String) r[1], date(r[2])))
                        .collect(Collectors.groupingBy(Succession::oldCode)));
    }

    private record Validity(String code, LocalDate validFrom, LocalDate validTo) {
    }

    private record Succession(String oldCode, String newCode, LocalDate effectiveOn) {
    }

    private record Units(List<Validity> units, Map<String, List<Succession>> successionsByOldCode) {
    }

    @SuppressWarnings("unchecked")
    public List<UnitView> inForceOn(LocalDate on) {
        List<Object[]> rows = em.createNativeQuery("""
                select code, name, valid_from, valid_to from administrative_unit
                where valid_from <= ?1 and (valid_to is null or valid_to >= ?1) order by code""")
                .setParameter(1, on).getResultList();
        return rows.stream().map(r -> new UnitView((String) r[0], (String) r[1], date(r[2]), date(r[3]),
                successorOn((String) r[0], VietnamTime.today()))).toList();
    }

    public Optional<UnitView> find(String code, LocalDate on) {
        return inForceOn(on).stream().filter(u -> u.code().equals(code)).findFirst();
    }

    private static LocalDate date(Object o) {
        return o == null ? null : o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    /** A unit as in force on a date, and the unit answering for it today. */
    @Schema(name = "AdministrativeUnit")
    public record UnitView(String code, String name, LocalDate validFrom, @Schema(nullable = true) LocalDate validTo,
            @Schema(nullable = true) String answeredTodayBy) {
    }
}
