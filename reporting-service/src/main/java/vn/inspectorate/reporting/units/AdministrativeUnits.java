package vn.inspectorate.reporting.units;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.inspectorate.reporting.db.Jdbc;

/**
 * The provincial-level units over time and their successions (the 1 July 2025 merger, 63 to 34), from this service's
 * own reference tables.
 */
@ApplicationScoped
public class AdministrativeUnits {

    private record Unit(String code, String name, LocalDate validFrom, LocalDate validTo) {
        boolean inForceOn(LocalDate day) {
            return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
        }
    }

    private final Jdbc jdbc;
    private volatile List<Unit> units;
    private volatile List<String[]> successions;

    AdministrativeUnits(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the code names a unit that exists or ever existed. */
    public boolean known(String code) {
        return units().stream().anyMatch(u -> u.code().equals(code));
    }

    public boolean inForce(String code, LocalDate day) {
        return units().stream().anyMatch(u -> u.code().equals(code) && u.inForceOn(day));
    }

    /** The unit in force on {@code day} that a filed code belongs to now (itself when it never merged). */
    public String successorOn(String filedCode, LocalDate day) {
        String code = filedCode;
        for (int guard = 0; guard < 10; guard++) {
            String next = null;
            for (String[] s : successions()) {
                if (s[0].equals(code) && !LocalDate.parse(s[2]).isAfter(day) && !s[1].equals(code)) {
                    next = s[1];
                }
            }
            if (next == null) {
                return code;
            }
            code = next;
        }
        return code;
    }

    /** Every code ever filed that rolls up to {@code currentCode} on {@code day}, the code itself included. */
    public Set<String> filedCodesOf(String currentCode, LocalDate day) {
        Set<String> codes = new TreeSet<>();
        for (Unit u : units()) {
            if (successorOn(u.code(), day).equals(currentCode)) {
                codes.add(u.code());
            }
        }
        codes.add(currentCode);
        return codes;
    }

    /** Filed code to the unit in force on {@code day}, for every known code. */
    public Map<String, String> rollUp(LocalDate day) {
        Map<String, String> map = new HashMap<>();
        units().forEach(u -> map.put(u.code(), successorOn(u.code(), day)));
        return map;
    }

    public String name(String code, LocalDate day) {
        return units().stream().filter(u -> u.code().equals(code))
                .sorted((a, b) -> Boolean.compare(b.inForceOn(day), a.inForceOn(day)))
                .map(Unit::name).findFirst().orElse(code);
    }

    private List<Unit> units() {
        List<Unit> u = units;
        if (u == null) {
            u = jdbc.query("select code, name, valid_from, valid_to from administrative_unit order by code, valid_from",
                    List.of(), rs -> new Unit(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                            rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate()));
            units = u;
        }
        return u;
    }

    private List<String[]> successions() {
        List<String[]> s = successions;
        if (s == null) {
            s = jdbc.query("select old_code, new_code, effective_on from administrative_unit_succession", List.of(),
                    rs -> new String[] {rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate().toString()});
            successions = s;
        }
        return s;
    }
}
