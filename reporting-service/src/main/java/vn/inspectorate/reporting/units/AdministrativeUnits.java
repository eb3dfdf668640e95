package vn.inspectorate.reporting.units;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.inspectorate.reference.AdministrativeUnitRegister;
import vn.inspectorate.platform.reference.AdministrativeUnitTables;

/**
 * The provincial-level units over time and their successions (the 1 July 2025 merger, 63 to 34), from this service's
 * own reference tables (loaded from the shared reference files by migration), read once and kept until
 * {@link #reload()}. The only lookup of units in this service.
 */
@ApplicationScoped
public class AdministrativeUnits {

    private final AdministrativeUnitTables tables;
    private volatile AdministrativeUnitRegister register;

    AdministrativeUnits(AdministrativeUnitTables tables) {
        this.tables = tables;
    }

    /** Reads the tables again; the next question is answered by what they hold now. */
    public void reload() {
        register = load();
    }

    /** True when the code names a unit that exists or ever existed. */
    public boolean known(String code) {
        return register().known(code);
    }

    public boolean inForce(String code, LocalDate day) {
        return register().inForce(code, day);
    }

    /** The unit in force on {@code day} that a filed code belongs to now (itself when it never merged). */
    public String successorOn(String filedCode, LocalDate day) {
        return register().successorOn(filedCode, day);
    }

    /** Every code ever filed that rolls up to {@code currentCode} on {@code day}, the code itself included. */
    public Set<String> filedCodesOf(String currentCode, LocalDate day) {
        return new TreeSet<>(register().filedCodesOf(currentCode, day));
    }

    /** Filed code to the unit in force on {@code day}, for every known code. */
    public Map<String, String> rollUp(LocalDate day) {
        AdministrativeUnitRegister r = register();
        Map<String, String> map = new HashMap<>();
        r.units().forEach(u -> map.put(u.code(), r.successorOn(u.code(), day)));
        return map;
    }

    public String name(String code, LocalDate day) {
        return register().name(code, day);
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
